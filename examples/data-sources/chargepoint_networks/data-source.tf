# The ChargePoint networks (CPNs). A station ID "2:12345" belongs to the network with cpn_id "2".
data "chargepoint_networks" "all" {}

locals {
  network_names = { for n in data.chargepoint_networks.all.networks : n.cpn_id => n.cpn_name }
}

data "chargepoint_public_stations" "near_office" {
  address   = "1692 Dell Avenue"
  city      = "Campbell"
  state     = "CA"
  proximity = 1
}

# The network of each station near the office, by name.
output "station_networks" {
  value = {
    for s in data.chargepoint_public_stations.near_office.stations :
    s.station_id => local.network_names[split(":", s.station_id)[0]]
  }
}
