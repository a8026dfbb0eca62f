# A month of fleet charging, summarized per vehicle.
data "chargepoint_fleet_usage" "november" {
  from_time_stamp = "2026-11-01T00:00:00Z"
  to_time_stamp   = "2026-11-30T23:59:59Z"
}

locals {
  sessions = data.chargepoint_fleet_usage.november.usage
}

output "november_by_vehicle" {
  value = {
    for id in distinct([for u in local.sessions : u.vehicle_id]) : id => {
      sessions         = length([for u in local.sessions : u if u.vehicle_id == id])
      energy_kwh       = sum([for u in local.sessions : u.energy if u.vehicle_id == id])
      charging_hours   = sum([for u in local.sessions : u.charging_time_seconds if u.vehicle_id == id]) / 3600
      plugged_hours    = sum([for u in local.sessions : u.session_duration_seconds if u.vehicle_id == id]) / 3600
      fees             = sum([for u in local.sessions : coalesce(u.fee, 0) if u.vehicle_id == id])
      stations_visited = distinct([for u in local.sessions : u.station_name if u.vehicle_id == id])
    }
  }
}

# Sessions the fraud detection flagged, across every fleet.
data "chargepoint_fleet_usage" "flagged" {
  fraud_detection_status = "Fraud Detected (Session Terminated)"
  from_time_stamp        = "2026-11-01T00:00:00Z"
}

check "no_fleet_fraud" {
  assert {
    condition     = length(data.chargepoint_fleet_usage.flagged.usage) == 0
    error_message = "Fraud detected on transactions ${join(", ", [for u in data.chargepoint_fleet_usage.flagged.usage : u.transaction_id])}."
  }
}
