# Energy delivered per station over the seven days before week_end.
variable "week_end" {
  description = "End of the reported week, RFC 3339; the time of the plan when null."
  type        = string
  default     = null
}

locals {
  week_end   = coalesce(var.week_end, plantimestamp())
  week_start = timeadd(local.week_end, "-168h")
}

data "chargepoint_charging_sessions" "last_week" {
  from_time_stamp = local.week_start
  to_time_stamp   = local.week_end
}

locals {
  sessions = data.chargepoint_charging_sessions.last_week.sessions
  energy_kwh_by_station = {
    for id in distinct(local.sessions[*].station_id) :
    id => sum([for s in local.sessions : coalesce(s.energy, 0) if s.station_id == id])
  }
}

output "energy_kwh_by_station" {
  value = local.energy_kwh_by_station
}

# Sessions in progress at the stations of a custom group (any number of stations: the provider
# asks ChargePoint for at most 100 per call).
data "chargepoint_station_group" "fleet" {
  sg_id = 20006
}

data "chargepoint_charging_sessions" "charging_now" {
  station_ids          = data.chargepoint_station_group.fleet.stations[*].station_id
  active_sessions_only = true
}

output "charging_now" {
  value = {
    for s in data.chargepoint_charging_sessions.charging_now.sessions : s.session_id => {
      station = s.station_name
      port    = s.port_number
      since   = s.start_time
      kwh     = s.energy
    }
  }
}
