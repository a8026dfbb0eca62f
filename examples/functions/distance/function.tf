# A module calls provider functions only of providers in its required_providers.
terraform {
  required_providers {
    chargepoint = {
      source = "chargepoint-community/chargepoint"
    }
  }
}

# ChargePoint HQ in Campbell to San Jose City Hall: about 7.64 km.
output "hq_to_city_hall_km" {
  value = provider::chargepoint::distance(
    { lat = 37.2880, long = -121.9453 },
    { lat = 37.3382, long = -121.8863 },
  )
}

# For each office, the stations of an organization within 5 km, nearest first.
locals {
  offices = {
    austin   = { lat = 30.2672, long = -97.7431 }
    new_york = { lat = 40.7549, long = -73.9840 }
  }
}

data "chargepoint_stations" "fleet" {
  org_id = "1:ORG07225"
}

locals {
  # Where each station is: the geo of its first port.
  station_geo = {
    for s in data.chargepoint_stations.fleet.stations : s.station_id => s.ports[0].geo
    if length(s.ports) > 0
  }

  # For each office, the distance to every station, in km.
  office_station_km = {
    for office, at in local.offices : office => {
      for id, geo in local.station_geo : id => provider::chargepoint::distance(at, geo)
      if geo != null
    }
  }
}

output "stations_within_5km" {
  # sort() orders strings, so each key starts with the distance zero-padded to a fixed width.
  value = {
    for office, km in local.office_station_km : office => [
      for key in sort([for id, d in km : format("%09.3f %s", d, id) if d <= 5]) : {
        station_id  = split(" ", key)[1]
        distance_km = km[split(" ", key)[1]]
      }
    ]
  }
}
