# Every fleet vehicle of the organization, listed per fleet with its charging state.
data "chargepoint_fleet_vehicles" "all" {}

locals {
  vehicles = data.chargepoint_fleet_vehicles.all.vehicles
}

output "fleets" {
  value = {
    for fleet in distinct([for v in local.vehicles : v.fleet_name]) : fleet => {
      for v in local.vehicles : v.vehicle_id => {
        vehicle = "${v.year} ${v.make} ${v.model} (${v.license})"
        status  = v.vehicle_charging_status
        cards   = v.credential_ids
      } if v.fleet_name == fleet
    }
  }
}

# Vehicles whose charging reports a fault, to send someone out.
data "chargepoint_fleet_vehicles" "faulted" {
  vehicle_charging_status = "Fault"
}

check "no_faulted_fleet_vehicles" {
  assert {
    condition     = length(data.chargepoint_fleet_vehicles.faulted.vehicles) == 0
    error_message = "Charging faults on: ${join(", ", [for v in data.chargepoint_fleet_vehicles.faulted.vehicles : v.vehicle_id])}"
  }
}

# Vehicles added to the fleets on a given day (an xsd:date, YYYY-MM-DD) or changed since a time.
data "chargepoint_fleet_vehicles" "added" {
  fleet_vehicle_create_date = "2025-12-25"
}

data "chargepoint_fleet_vehicles" "changed" {
  modified_since = "2026-11-01T00:00:00Z"
}
