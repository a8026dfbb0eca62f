# A fleet vehicle is imported by its fleet vehicle ID (getFleetVehicles' fleetVehicleID, the
# chargepoint_fleet_vehicles data source's fleet_vehicle_id). mifare_ids, vehicle_port_mac_ids and
# company_code cannot be read back and stay unset after an import.
terraform import chargepoint_fleet_vehicle.van FV900001
