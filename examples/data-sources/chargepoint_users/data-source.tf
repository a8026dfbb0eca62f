# Audit: drivers who asked to connect to the organization and are still waiting for approval.
data "chargepoint_users" "pending" {
  connection_filter = {
    status = "PENDING"
  }
}

output "pending_connection_requests" {
  value = {
    for u in data.chargepoint_users.pending.users : u.user_id => {
      name         = "${u.first_name} ${u.last_name}"
      email        = u.driver_email
      requested_at = u.connection.request_time_stamp
      # Custom fields the driver filled in with the request, such as an employee number.
      details = { for c in u.connection.custom_infos : c.key => c.value }
    }
  }
}

# Fail the plan's checks when a request has waited for more than a week.
check "no_stale_connection_requests" {
  assert {
    condition = alltrue([
      for u in data.chargepoint_users.pending.users :
      timecmp(timeadd(u.connection.request_time_stamp, "168h"), plantimestamp()) > 0
    ])
    error_message = "Some driver connection requests have been pending for more than 7 days."
  }
}

# Drivers whose record changed this year, with the RFID cards and home chargers they hold.
data "chargepoint_users" "changed" {
  last_modified_time_stamp = "2026-01-01T00:00:00Z"
}

output "driver_credentials" {
  value = {
    for u in data.chargepoint_users.changed.users : u.user_id => {
      cards       = u.credential_ids
      home_serial = try(u.home_station_details.station_serial_number, null)
    }
  }
}
