# `make demo` runs this configuration against the bundled ChargePoint simulator.
# It asks the setup guide's question: which public stations are within one mile
# of ChargePoint's headquarters at 1692 Dell Avenue, Campbell, CA?

terraform {
  required_providers {
    chargepoint = {
      source = "chargepoint-community/chargepoint"
    }
  }
}

# Configured from the environment: CHARGEPOINT_ENDPOINT (the simulator's URL),
# CHARGEPOINT_LICENSE_KEY and CHARGEPOINT_PASSWORD.
provider "chargepoint" {}

data "chargepoint_public_stations" "near_hq" {
  address        = "1692 Dell Avenue"
  city           = "Campbell"
  state          = "CA"
  postal_code    = "95008"
  proximity      = 1
  proximity_unit = "M"
}

locals {
  stations = data.chargepoint_public_stations.near_hq.stations
}

output "stations_within_a_mile" {
  description = "One line per station: ID, name, address, ports and power."
  value = [
    for s in local.stations : format("%s  %s  %s, %s  (%d ports, %d available, %s kW)",
      s.station_id,
      coalesce(s.station_name, "-"),
      coalesce(s.address, "-"),
      coalesce(s.city, "-"),
      coalesce(s.num_ports, length(s.ports)),
      length([for p in s.ports : p if p.status == "AVAILABLE"]),
      try(join("/", distinct([for p in s.ports : p.power if p.power != null])), "?"),
    )
  ]
}

output "station_count" {
  description = "Number of public stations within a mile."
  value       = length(local.stations)
}
