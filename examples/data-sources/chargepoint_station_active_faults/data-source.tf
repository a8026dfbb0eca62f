# Active faults of every station of an organization (any number of stations: the provider asks 100 at a time).
data "chargepoint_stations" "all" {
  org_id = "1:ORG07225"
}

data "chargepoint_station_active_faults" "all" {
  station_ids = data.chargepoint_stations.all.stations[*].station_id
}

locals {
  critical_faults = flatten([
    for s in data.chargepoint_station_active_faults.all.stations : [
      for f in s.faults : "${s.station_id}: ${f.fault_name} since ${f.fault_time}" if f.fault_severity == "Critical"
    ]
  ])
}

check "no_critical_faults" {
  assert {
    condition     = length(local.critical_faults) == 0
    error_message = "Critical station faults:\n${join("\n", local.critical_faults)}"
  }
}

# Parts to order: every field-replaceable unit with a fault, by part number.
output "faulted_parts" {
  value = distinct(flatten([
    for s in data.chargepoint_station_active_faults.all.stations : [
      for f in s.faults : [for fru in f.frus : fru.part_number if length(fru.fru_faults) > 0 && fru.part_number != null]
    ]
  ]))
}
