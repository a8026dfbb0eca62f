# Bulk import of a fleet's vehicles (Terraform 1.14 and later), in a file named *.tfquery.hcl beside the
# configuration that has the provider block:
#
#   terraform query -generate-config-out=generated.tf
#   terraform plan   # only imports
#   terraform apply
#
# terraform query alone lists what was found; include_resource = true is what -generate-config-out needs.
list "chargepoint_fleet_vehicle" "delivery_vans" {
  provider         = chargepoint
  include_resource = true

  config {
    fleet_name = "Delivery Vans"
    make       = "Ford"
    model      = "E-Transit"
  }
}

# Every vehicle of one organization.
list "chargepoint_fleet_vehicle" "organization" {
  provider = chargepoint

  config {
    org_id = "1:ORG04512"
  }
}
