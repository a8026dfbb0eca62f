# One station by ID; it is an error if the key cannot see it.
data "chargepoint_station" "lobby" {
  station_id = "1:81203"
}

output "lobby_station" {
  value = {
    name         = data.chargepoint_station.lobby.station_name
    address      = "${data.chargepoint_station.lobby.address}, ${data.chargepoint_station.lobby.city}"
    organization = data.chargepoint_station.lobby.organization_name
    managed_by   = try(data.chargepoint_station.lobby.managed_by.organization_name, null)
    groups       = zipmap(data.chargepoint_station.lobby.sg_ids, data.chargepoint_station.lobby.sg_names)
    ports = {
      for p in data.chargepoint_station.lobby.ports : p.port_number => "${p.level} ${p.connector}, ${p.power} kW"
    }
  }
}
