# Monthly revenue report: every paid session of November 2026 at one organization's stations.
data "chargepoint_transactions" "november" {
  org_id                      = "1:ORG07225"
  transaction_type            = "Session"
  from_transaction_time_stamp = "2026-11-01T00:00:00Z"
  to_transaction_time_stamp   = "2026-11-30T23:59:59Z"
}

locals {
  november = data.chargepoint_transactions.november.transactions
  # Amounts per currency: stations in several countries bill in several currencies. Sums are rounded
  # (format, then tonumber): Terraform computes them with more precision than it stores in the state, so
  # an unrounded sum would show as a changed output on every plan.
  currencies = distinct([for t in local.november : t.currency])
  revenue = {
    for c in local.currencies : c => {
      sessions    = length([for t in local.november : t if t.currency == c])
      energy_kwh  = tonumber(format("%.6f", sum(concat([0], [for t in local.november : t.energy if t.currency == c]))))
      gross       = tonumber(format("%.6f", sum(concat([0], [for t in local.november : t.gross_amount if t.currency == c]))))
      service_fee = tonumber(format("%.6f", sum(concat([0], [for t in local.november : t.flex_billing_service_fee if t.currency == c]))))
      tax         = tonumber(format("%.6f", sum(concat([0], [for t in local.november : coalesce(t.tax_amount, 0) if t.currency == c]))))
      net_revenue = tonumber(format("%.6f", sum(concat([0], [for t in local.november : t.net_revenue if t.currency == c]))))
    }
  }
}

output "november_revenue" {
  value = local.revenue
}

# Revenue per station, in US dollars, with ChargePoint's exchange rates.
output "november_revenue_usd_by_station" {
  value = {
    for id in distinct([for t in local.november : t.station_id]) : id => tonumber(format("%.2f", sum([
      for t in local.november : t.net_revenue * t.exchange_rate_usd if t.station_id == id
    ])))
  }
}
