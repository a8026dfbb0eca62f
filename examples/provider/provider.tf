# Credentials are the API license key and its generated API password from
# Organizations > API Info in the ChargePoint portal. They can also come from the
# environment instead: CHARGEPOINT_LICENSE_KEY, CHARGEPOINT_PASSWORD and
# CHARGEPOINT_REGION (or CHARGEPOINT_ENDPOINT for a full endpoint URL, such as a
# local simulator), in which case an empty `provider "chargepoint" {}` is enough. Every other
# setting has a CHARGEPOINT_* variable too; the provider block wins over the environment.

terraform {
  required_providers {
    chargepoint = {
      source = "chargepoint-community/chargepoint"
    }
  }
}

variable "chargepoint_license_key" {
  type      = string
  sensitive = true
}

variable "chargepoint_password" {
  type      = string
  sensitive = true
}

provider "chargepoint" {
  region      = "NA" # NA, CA or EU: the region the API license was issued in
  license_key = var.chargepoint_license_key
  password    = var.chargepoint_password
}
