# Every station of one organization that the API key can see.
data "chargepoint_stations" "fleet" {
  org_id = "1:ORG07225"
}

output "fleet_inventory" {
  value = {
    for s in data.chargepoint_stations.fleet.stations : s.station_id => {
      name     = s.station_name
      model    = s.station_model
      firmware = s.station_firmware
      ports    = s.num_ports
      groups   = s.sg_names
    }
  }
}

# The firmware versions in each station group of the organization. A station's sg_ids are numbers, like
# a group's sg_id, so a station joins its groups directly.
data "chargepoint_station_groups" "fleet" {
  org_id = "1:ORG07225"
}

output "firmware_by_group" {
  value = {
    for g in data.chargepoint_station_groups.fleet.groups : g.sg_name => sort(distinct([
      for s in data.chargepoint_stations.fleet.stations : s.station_firmware if contains(s.sg_ids, g.sg_id)
    ]))
  }
}

# Stations whose service plan ends within 60 days, for a renewal reminder.
locals {
  renewal_horizon = timeadd(plantimestamp(), "1440h")
  plans_expiring = [
    for s in data.chargepoint_stations.fleet.stations : s.station_id
    if s.service_plan_expiry_date != null && timecmp("${coalesce(s.service_plan_expiry_date, "9999-12-31")}T00:00:00Z", local.renewal_horizon) <= 0
  ]
}

check "service_plans_current" {
  assert {
    condition     = length(local.plans_expiring) == 0
    error_message = "Service plans expire within 60 days for: ${join(", ", local.plans_expiring)}"
  }
}

# The stations of one group (sg_id is a string in this search), within 10 km of a depot.
data "chargepoint_stations" "depot_dc" {
  sg_id = "39491"
  geo = {
    lat  = 37.8044
    long = -122.2712
  }
  proximity      = 10
  proximity_unit = "K"
  level          = "DC"
}

output "depot_dc_station_ids" {
  value = data.chargepoint_stations.depot_dc.stations[*].station_id
}
