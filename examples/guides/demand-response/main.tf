terraform {
  required_providers {
    chargepoint = {
      source = "chargepoint-community/chargepoint"
    }
  }
}

# The provider is configured from the environment: CHARGEPOINT_LICENSE_KEY, CHARGEPOINT_PASSWORD and
# CHARGEPOINT_REGION (or CHARGEPOINT_ENDPOINT for the simulator).

# The demand response event: shed the Garage West group to half its load.
resource "chargepoint_load_shed" "garage" {
  sg_id        = 20002
  percent_shed = 50
}
