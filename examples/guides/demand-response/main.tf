terraform {
  required_providers {
    chargepoint = {
      source = "chargepoint-community/chargepoint"
    }
  }
}

provider "chargepoint" {}

# The demand response event: shed the Garage West group to half its load.
resource "chargepoint_load_shed" "garage" {
  sg_id        = 20002
  percent_shed = 50
}
