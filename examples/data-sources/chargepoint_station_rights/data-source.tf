# Rights the API key holds on the stations of one organization that were provisioned in 2024.
data "chargepoint_station_rights" "provisioned_2024" {
  org_id = "1:ORG00001"

  provision_date_range = {
    start_date = "2024-01-01"
    end_date   = "2024-12-31"
  }
}

locals {
  # Rights profiles held on each station: a station can be reached through several groups.
  profiles_by_station = transpose({
    for r in data.chargepoint_station_rights.provisioned_2024.rights :
    "${r.sg_name} (${r.station_rights_profile})" => r.stations[*].station_id
  })
}

output "profiles_by_station" {
  value = local.profiles_by_station
}

# What each rights profile allows, group by group.
data "chargepoint_station_rights_profile" "granted" {
  for_each = {
    for r in data.chargepoint_station_rights.provisioned_2024.rights : "${r.sg_id}/${r.station_rights_profile}" => r
  }

  sg_id                  = each.value.sg_id
  station_rights_profile = each.value.station_rights_profile
}

output "tasks_by_group_and_profile" {
  value = { for k, p in data.chargepoint_station_rights_profile.granted : k => p.tasks[*].task }
}
