# Tasks the network_manager profile allows on the stations of a group.
data "chargepoint_station_rights_profile" "hq_managers" {
  sg_id                  = 20001
  station_rights_profile = "network_manager"
}

output "network_manager_tasks" {
  value = { for t in data.chargepoint_station_rights_profile.hq_managers.tasks : t.task => t.description }
}

# Every profile of the group.
data "chargepoint_station_rights_profile" "hq" {
  sg_id = 20001
}

output "all_hq_tasks" {
  value = distinct(data.chargepoint_station_rights_profile.hq.tasks[*].task)
}
