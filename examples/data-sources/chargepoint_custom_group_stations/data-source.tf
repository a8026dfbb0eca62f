# The stations of a custom station group, by its name.
data "chargepoint_custom_group_stations" "garage" {
  sg_name = "AlcoPark 8"
}

output "garage_stations" {
  value = {
    for s in data.chargepoint_custom_group_stations.garage.stations : s.station_id => {
      name           = s.station_name
      network_status = s.network_status
      firmware       = s.station_firmware
    }
  }
}

# Every station of the group must run the same firmware.
check "garage_firmware_uniform" {
  assert {
    condition     = length(distinct(data.chargepoint_custom_group_stations.garage.stations[*].station_firmware)) <= 1
    error_message = "Mixed firmware in AlcoPark 8: ${join(", ", distinct(data.chargepoint_custom_group_stations.garage.stations[*].station_firmware))}"
  }
}
