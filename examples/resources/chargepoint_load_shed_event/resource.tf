# A demand response event: shed every station of a group by 40% from 16:00 to 19:00 Pacific time,
# letting drivers opt out.
resource "chargepoint_load_shed_event" "peak" {
  sg_id                    = 20002
  start_time               = "2026-07-15T16:00:00-07:00"
  duration_minutes         = 180
  allow_opt_out            = true
  percent_shed_per_station = 40
}

# One station limited to 3.3 kW per port for an hour.
resource "chargepoint_load_shed_event" "hq" {
  station_id            = "1:81203"
  start_time            = "2026-07-15T17:00:00Z"
  duration_minutes      = 60
  allowed_load_per_port = 3.3
}
