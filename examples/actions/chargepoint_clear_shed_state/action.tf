# End a demand response event for the "Garage West" station group:
#   terraform apply -invoke=action.chargepoint_clear_shed_state.garage
action "chargepoint_clear_shed_state" "garage" {
  config {
    sg_id = 20002
  }
}

# One whole station (ChargePoint clears entire stations only).
action "chargepoint_clear_shed_state" "entrance" {
  config {
    station_id = "1:81203"
  }
}
