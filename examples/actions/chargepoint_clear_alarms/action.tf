# Clear a station's GFCI trip alarms once the fault is repaired:
#   terraform apply -invoke=action.chargepoint_clear_alarms.entrance_gfci
action "chargepoint_clear_alarms" "entrance_gfci" {
  config {
    station_id   = "1:81203"
    alarm_type   = "GFCI Trip"
    clear_reason = "Repaired by site maintenance"
  }
}

# Every alarm of a station group raised during a maintenance window.
action "chargepoint_clear_alarms" "garage_maintenance" {
  config {
    sg_id        = 20002
    start_time   = "2026-06-01T08:00:00Z"
    end_time     = "2026-06-01T12:00:00Z"
    clear_reason = "Planned maintenance"
  }
}
