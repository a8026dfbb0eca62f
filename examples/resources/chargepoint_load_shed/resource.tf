# Shed a whole custom station group to half its load until the shed is destroyed (cleared).
resource "chargepoint_load_shed" "garage" {
  sg_id        = 20002
  percent_shed = 50
}

# Limit one station to 6 kW per station for two hours.
resource "chargepoint_load_shed" "hq" {
  station_id       = "1:81203"
  allowed_load_kw  = 6
  duration_minutes = 120
}

# Shed ports of a station separately: port 1 by percentage, port 2 to an allowed load.
resource "chargepoint_load_shed" "lobby" {
  station_id = "1:81204"
  ports = [
    { port_number = 1, percent_shed = 25 },
    { port_number = 2, allowed_load_kw = 3.3 },
  ]
}
