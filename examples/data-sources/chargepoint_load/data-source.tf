# Live load of one station, and of each of its ports.
data "chargepoint_load" "hq" {
  station_id = "1:81203"
}

output "hq_load_kw" {
  value = data.chargepoint_load.hq.stations[0].station_load
}

output "hq_port_load_kw" {
  value = { for p in data.chargepoint_load.hq.stations[0].ports : p.port_number => p.port_load }
}

# The load of a whole custom station group, and its stations that are charging a vehicle.
data "chargepoint_load" "garage" {
  sg_id = 20002
}

output "garage_load_kw" {
  value = data.chargepoint_load.garage.sg_load
}

output "garage_busy_stations" {
  value = [for s in data.chargepoint_load.garage.stations : s.station_name if s.station_load > 0]
}
