terraform {
  required_providers {
    chargepoint = {
      source = "chargepoint-community/chargepoint"
    }
  }
}

# The inventory of record: the stations the organization should have, for example exported from a
# CMDB or an asset register into a .tfvars file.
variable "expected_station_ids" {
  description = "Station IDs that must exist in ChargePoint."
  type        = set(string)
}

data "chargepoint_stations" "fleet" {
  org_id = "1:ORG07225"

  # A postcondition fails the plan: use it for drift that must stop the pipeline.
  lifecycle {
    postcondition {
      condition     = length(setsubtract(var.expected_station_ids, self.stations[*].station_id)) == 0
      error_message = "Stations missing from ChargePoint: ${join(", ", sort(setsubtract(var.expected_station_ids, self.stations[*].station_id)))}."
    }
  }
}

locals {
  unexpected_station_ids = sort(setsubtract(data.chargepoint_stations.fleet.stations[*].station_id, var.expected_station_ids))
}

# A check block only warns: use it for drift someone should look at.
check "no_unexpected_stations" {
  assert {
    condition     = length(local.unexpected_station_ids) == 0
    error_message = "Stations in ChargePoint but not in the inventory: ${join(", ", local.unexpected_station_ids)}."
  }
}

# A data source scoped to a check block is read on every plan; if it fails, the check fails
# instead of the plan.
check "every_port_reachable" {
  data "chargepoint_station_status" "fleet" {
    station_ids = data.chargepoint_stations.fleet.stations[*].station_id
  }

  assert {
    condition = alltrue(flatten([
      for s in data.chargepoint_station_status.fleet.stations : [for p in s.ports : p.status != "UNREACHABLE"]
    ]))
    error_message = "Unreachable: ${join(", ", flatten([
      for s in data.chargepoint_station_status.fleet.stations : [
        for p in s.ports : "${s.station_id} port ${p.port_number}" if p.status == "UNREACHABLE"
      ]
    ]))}."
  }
}

output "station_count" {
  value = length(data.chargepoint_stations.fleet.stations)
}
