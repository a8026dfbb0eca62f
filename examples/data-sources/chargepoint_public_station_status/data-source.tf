# Live status of a few public stations, for a "where can I charge now" dashboard.
data "chargepoint_public_station_status" "campus" {
  station_ids = ["1:81203", "1:81204", "1:81205"]
}

output "campus_available_ports" {
  value = {
    for s in data.chargepoint_public_station_status.campus.stations : s.station_id =>
    [for p in s.ports : p.port_number if p.status == "AVAILABLE"]
  }
}

# Public stations with an available port (status 1) within 2 miles of a point.
data "chargepoint_public_station_status" "nearby_available" {
  geo = {
    lat  = 37.3352
    long = -121.8811
  }
  proximity = 2
  status    = 1
}
