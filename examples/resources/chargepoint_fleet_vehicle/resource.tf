# A delivery van of the "Delivery" fleet, charging with two ChargePoint cards.
resource "chargepoint_fleet_vehicle" "van" {
  fleet_name    = "Delivery"
  license_plate = "7ABC123"
  make          = "Ford"
  model         = "E-Transit"
  year          = "2024"
  vin           = "1FTBW9CK0PKA00001"
  color         = "White"
  vehicle_id    = "VAN-7"

  charge_point_card_serial_numbers = ["CARD-0001", "CARD-0002"]

  # Not returned by ChargePoint's getFleetVehicles: kept as applied, so a change made in the
  # portal is not seen, and an import leaves them unset.
  mifare_ids           = ["04A1B2C3"]
  vehicle_port_mac_ids = ["00:11:22:33:44:55"]
}

output "van" {
  value = {
    id           = chargepoint_fleet_vehicle.van.id
    organization = chargepoint_fleet_vehicle.van.organization_name
  }
}
