# Public stations within five miles of an office, searched by address.
data "chargepoint_public_stations" "near_office" {
  address        = "1692 Dell Avenue"
  city           = "Campbell"
  state          = "CA"
  postal_code    = "95008"
  proximity      = 5
  proximity_unit = "M"
}

locals {
  # Stations with at least one DC fast charging port.
  dc_fast_near_office = [
    for s in data.chargepoint_public_stations.near_office.stations : s
    if anytrue([for p in s.ports : p.level == "DC"])
  ]
}

# Warn on every plan and apply if the office loses its nearby fast charging.
check "dc_fast_charger_near_office" {
  assert {
    condition     = length(local.dc_fast_near_office) > 0
    error_message = "No public DC fast charger within 5 miles of the office."
  }
}

output "dc_fast_chargers_near_office" {
  value = {
    for s in local.dc_fast_near_office : s.station_id => {
      name      = s.station_name
      address   = join(", ", compact([s.address, s.city]))
      available = length([for p in s.ports : p if p.level == "DC" && p.status == "AVAILABLE"])
    }
  }
}

# Level 2 J1772 stations within 2 km of a point, with an estimated cost for a
# two-hour, 15 kWh session starting at 09:00 on a 7.2 kW vehicle.
data "chargepoint_public_stations" "downtown" {
  geo = {
    lat  = 37.3352
    long = -121.8811
  }
  proximity      = 2
  proximity_unit = "K"
  level          = "L2"
  connector      = "J1772"

  pricing = {
    start_time      = "09:00:00"
    duration        = 120
    energy_required = 15
    vehicle_power   = 7.2
  }
}

# Lowest estimated cost of that session at each station, for example to pick one.
output "l2_session_cost_downtown" {
  value = {
    for s in data.chargepoint_public_stations.downtown.stations : s.station_id => {
      name     = s.station_name
      cost     = min([for p in s.ports : p.estimated_cost if p.estimated_cost != null]...)
      currency = s.currency_code
    }
    if length([for p in s.ports : p if p.estimated_cost != null]) > 0
  }
}
