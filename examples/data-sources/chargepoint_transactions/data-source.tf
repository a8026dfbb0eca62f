# Monthly revenue report: every paid session of November 2026 at one organization's stations.
data "chargepoint_transactions" "november" {
  org_id                      = "1:ORG07225"
  transaction_type            = "Session"
  from_transaction_time_stamp = "2026-11-01T00:00:00Z"
  to_transaction_time_stamp   = "2026-11-30T23:59:59Z"
}

locals {
  november = data.chargepoint_transactions.november.transactions
  # Amounts per currency: stations in several countries bill in several currencies. Sums are exact: the
  # provider passes ChargePoint's decimals to Terraform as written.
  currencies = distinct([for t in local.november : t.currency])
  revenue = {
    for c in local.currencies : c => {
      sessions    = length([for t in local.november : t if t.currency == c])
      energy_kwh  = sum(concat([0], [for t in local.november : t.energy if t.currency == c]))
      gross       = sum(concat([0], [for t in local.november : t.gross_amount if t.currency == c]))
      service_fee = sum(concat([0], [for t in local.november : t.flex_billing_service_fee if t.currency == c]))
      tax         = sum(concat([0], [for t in local.november : coalesce(t.tax_amount, 0) if t.currency == c]))
      net_revenue = sum(concat([0], [for t in local.november : t.net_revenue if t.currency == c]))
    }
  }
}

output "november_revenue" {
  value = local.revenue
}

# Revenue per station, in US dollars, with ChargePoint's exchange rates.
output "november_revenue_usd_by_station" {
  value = {
    for id in distinct([for t in local.november : t.station_id]) : id => sum([
      for t in local.november : t.net_revenue * t.exchange_rate_usd if t.station_id == id
    ])
  }
}
