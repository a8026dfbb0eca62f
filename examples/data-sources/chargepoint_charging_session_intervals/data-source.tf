# The 15-minute profile of the latest session at a station.
data "chargepoint_charging_sessions" "hq" {
  station_id = "1:81203"
}

locals {
  latest_session = reverse(data.chargepoint_charging_sessions.hq.sessions)[0]
}

data "chargepoint_charging_session_intervals" "latest" {
  session_id = local.latest_session.session_id
}

output "latest_session_peak_kw" {
  value = max(data.chargepoint_charging_session_intervals.latest.intervals[*].peak_power...)
}

# The energy of each interval instead of the running total.
data "chargepoint_charging_session_intervals" "latest_per_interval" {
  session_id               = local.latest_session.session_id
  energy_consumed_interval = true
}

output "latest_session_kwh_per_quarter_hour" {
  value = {
    for i in data.chargepoint_charging_session_intervals.latest_per_interval.intervals : i.station_time => i.energy_consumed
  }
}
