# A CI gate: warn on every plan and apply while any port of a station group is unreachable.
variable "sg_id" {
  description = "Station group to watch."
  type        = number
}

data "chargepoint_station_group" "watched" {
  sg_id = var.sg_id
}

data "chargepoint_station_status" "watched" {
  # An empty group gives an empty list, which matches no station.
  station_ids = data.chargepoint_station_group.watched.stations[*].station_id
}

locals {
  unreachable_ports = flatten([
    for s in data.chargepoint_station_status.watched.stations : [
      for p in s.ports : "${s.station_id} port ${p.port_number}" if p.status == "UNREACHABLE"
    ]
  ])
}

check "no_unreachable_ports" {
  assert {
    condition     = length(local.unreachable_ports) == 0
    error_message = "Unreachable ports in group ${data.chargepoint_station_group.watched.group_name}: ${join(", ", local.unreachable_ports)}"
  }
}

# Status counts over every station the key can see in one city, searched by the station filters.
data "chargepoint_station_status" "oakland" {
  city    = "Oakland"
  state   = "California"
  country = "United States"
}

output "oakland_port_status" {
  value = {
    for status in distinct(flatten([for s in data.chargepoint_station_status.oakland.stations : s.ports[*].status])) :
    status => length(flatten([for s in data.chargepoint_station_status.oakland.stations : [for p in s.ports : p if p.status == status]]))
  }
}
