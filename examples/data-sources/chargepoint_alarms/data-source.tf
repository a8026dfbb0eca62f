# Alarms of the stations of a custom group, counted per station and alarm type.
data "chargepoint_station_group" "garage" {
  sg_id = 20002
}

data "chargepoint_alarms" "garage" {
  station_ids = data.chargepoint_station_group.garage.stations[*].station_id
}

locals {
  garage_alarms = data.chargepoint_alarms.garage.alarms
}

output "garage_alarm_counts" {
  value = {
    for id in distinct(local.garage_alarms[*].station_id) : id => {
      for type in distinct([for a in local.garage_alarms : a.alarm_type if a.station_id == id]) :
      type => length([for a in local.garage_alarms : a if a.station_id == id && a.alarm_type == type])
    }
  }
}

# GFCI trips anywhere during the last 24 hours: ports to inspect.
data "chargepoint_alarms" "last_day" {
  start_time = timeadd(plantimestamp(), "-24h")
  end_time   = plantimestamp()
}

output "gfci_trips_last_day" {
  value = [
    for a in data.chargepoint_alarms.last_day.alarms : "${a.station_name} port ${a.port_number} at ${a.alarm_time}"
    if a.alarm_type == "GFCI Trip"
  ]
}
