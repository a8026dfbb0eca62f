# Details of every station group of an organization: names, child groups and stations with addresses.
data "chargepoint_station_groups" "chargepoint" {
  org_id = "1:ORG00001"
}

data "chargepoint_station_group" "each" {
  for_each = { for g in data.chargepoint_station_groups.chargepoint.groups : g.sg_name => g.sg_id }

  sg_id = each.value
}

output "group_sizes" {
  value = { for name, g in data.chargepoint_station_group.each : name => g.num_stations }
}

# One group by ID, feeding its stations to another data source: their live port status.
data "chargepoint_station_group" "garage_west" {
  sg_id = 20002
}

data "chargepoint_station_status" "garage_west" {
  station_ids = data.chargepoint_station_group.garage_west.stations[*].station_id
}

output "garage_west_available_ports" {
  value = {
    for s in data.chargepoint_station_status.garage_west.stations :
    s.station_id => length([for p in s.ports : p if p.status == "AVAILABLE"])
  }
}

output "garage_west_child_groups" {
  value = data.chargepoint_station_group.garage_west.groups[*].sg_name
}
