# Look up an organization by name, then list its custom station groups.
data "chargepoint_organizations" "chargepoint" {
  organization_name = "ChargePoint"
}

data "chargepoint_station_groups" "chargepoint" {
  org_id = one(data.chargepoint_organizations.chargepoint.organizations[*].org_id)
}

locals {
  # Station IDs by group name.
  stations_by_group = {
    for g in data.chargepoint_station_groups.chargepoint.groups : g.sg_name => g.stations[*].station_id
  }

  # Groups of each station: a station can belong to several groups.
  groups_by_station = transpose(local.stations_by_group)
}

output "stations_by_group" {
  value = local.stations_by_group
}

# Stations that belong to more than one group.
output "stations_in_several_groups" {
  value = { for id, groups in local.groups_by_station : id => groups if length(groups) > 1 }
}

# Station locations of one group, for example to draw them on a map.
output "garage_west_locations" {
  value = {
    for s in one([for g in data.chargepoint_station_groups.chargepoint.groups : g if g.sg_name == "Garage West"]).stations :
    s.station_id => [s.geo.lat, s.geo.long]
  }
}
