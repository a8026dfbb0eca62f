# Shed the "Garage West" station group to 3.3 kW per station for two hours, when invoked:
#   terraform apply -invoke=action.chargepoint_shed_load.garage
action "chargepoint_shed_load" "garage" {
  config {
    sg_id            = 20002
    allowed_load_kw  = 3.3
    duration_minutes = 120
  }
}

# One station, 50% on every port but port 2, which is held to 1.5 kW, until cleared.
action "chargepoint_shed_load" "entrance" {
  config {
    station_id   = "1:81203"
    percent_shed = 50
    ports = [
      { port_number = 2, allowed_load_kw = 1.5 },
    ]
  }
}

# Or as part of a run: shed when the event is recorded.
resource "terraform_data" "demand_response_event" {
  input = "2026-07-14 peak"

  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.chargepoint_shed_load.garage]
    }
  }
}
