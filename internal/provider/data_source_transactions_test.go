package provider

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

const transactionsDS = "data.chargepoint_transactions.x"

// transactionObject is the complete state value of a simulator transaction at a record number.
func transactionObject(sim *testSim, tx simulator.Transaction, recordNumber int) knownvalue.Check {
	st, _ := sim.Dataset().Station(tx.StationID)
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"station_id":                   knownvalue.StringExact(tx.StationID),
		"station_name":                 knownvalue.StringExact(st.Name),
		"station_mac_addr":             knownvalue.StringExact(st.MacAddr),
		"port_number":                  knownvalue.Int64Exact(int64(tx.PortNumber)),
		"organization_name":            knownvalue.StringExact(st.OrganizationName),
		"pricing_rule_name":            knownvalue.StringExact(tx.PricingRuleName),
		"transaction_type":             knownvalue.StringExact(tx.Type),
		"transaction_id":               knownvalue.Int64Exact(tx.ID),
		"energy":                       knownvalue.Float64Exact(tx.Energy),
		"transaction_time":             timestamp(tx.Time),
		"start_time":                   timestamp(tx.Start),
		"end_time":                     timestamp(tx.End),
		"currency":                     knownvalue.StringExact(tx.Currency),
		"gross_amount":                 decimals(tx.GrossAmount, 2),
		"flex_billing_service_fee":     decimals(tx.ServiceFee, 2),
		"net_revenue":                  decimals(tx.NetRevenue, 2),
		"exchange_rate_usd":            knownvalue.Float64Exact(tx.ExchangeRateUSD),
		"company_id":                   knownvalue.StringExact(st.CompanyID),
		"record_number":                knownvalue.Int64Exact(int64(recordNumber)),
		"anonymous_credit_card_number": optional(tx.CreditCard),
		"tax_amount":                   decimals(tx.TaxAmount, 2),
		"net_amount":                   decimals(tx.NetAmount, 2),
	})
}

// Transactions with every attribute: one paid by a contactless card, one taxed, one in another currency
// than US dollars where the data set has them.
func TestAccTransactions_moneyFields(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	txs := sim.Transactions()
	picks := map[int64]simulator.Transaction{txs[0].ID: txs[0]}
	for _, keep := range []func(simulator.Transaction) bool{
		func(tx simulator.Transaction) bool { return tx.CreditCard != "" },
		func(tx simulator.Transaction) bool { return tx.TaxAmount > 0 },
		func(tx simulator.Transaction) bool { return tx.Currency != "USD" },
	} {
		if i := slices.IndexFunc(txs, keep); i >= 0 {
			picks[txs[i].ID] = txs[i]
		}
	}
	for _, tx := range picks {
		t.Run(fmt.Sprint(tx.ID), func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config: sim.providerConfig() + fmt.Sprintf(`
data "chargepoint_transactions" "x" {
  transaction_id = %d
}
`, tx.ID),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(transactionsDS, attrPath("transactions"), knownvalue.ListExact([]knownvalue.Check{transactionObject(sim, tx, 1)})),
					},
				}},
			})
		})
	}
}

// A time window selects the transactions recorded within it, both ends included, in any time zone.
func TestAccTransactions_timeWindowAndStation(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	txs := sim.Transactions()
	from, to := txs[3].Time, txs[len(txs)-4].Time
	pst := time.FixedZone("PST", -8*3600)
	var inWindow []knownvalue.Check
	for _, tx := range txs {
		if !tx.Time.Before(from) && !tx.Time.After(to) {
			inWindow = append(inWindow, knownvalue.Int64Exact(tx.ID))
		}
	}
	station := txs[0].StationID
	var atStation []knownvalue.Check
	for _, tx := range txs {
		if tx.StationID == station {
			atStation = append(atStation, knownvalue.Int64Exact(tx.ID))
		}
	}
	if len(atStation) == len(txs) {
		t.Fatal("every transaction is at one station: the station filter would prove nothing")
	}
	ids := func(address string, want []knownvalue.Check) []statecheck.StateCheck {
		checks := []statecheck.StateCheck{statecheck.ExpectKnownValue(address, attrPath("transactions"), knownvalue.ListSizeExact(len(want)))}
		for i, id := range want {
			checks = append(checks, statecheck.ExpectKnownValue(address, attrPath("transactions", i, "transaction_id"), id))
		}
		return checks
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf(`
data "chargepoint_transactions" "x" {
  from_transaction_time_stamp = %q
  to_transaction_time_stamp   = %q
  transaction_type            = "Session"
}

data "chargepoint_transactions" "station" {
  station_id = %q
}
`, from.In(pst).Format(time.RFC3339), to.Format(time.RFC3339), station),
			ConfigStateChecks: append(ids(transactionsDS, inWindow), ids("data.chargepoint_transactions.station", atStation)...),
		}},
	})
}

func TestAccTransactions_paging(t *testing.T) {
	testAccPreCheck(t)
	testAccPaging(t, "transactions", "getTransactionData", "transactions", "transaction_id", func(sim *testSim) []knownvalue.Check {
		var ids []knownvalue.Check
		for _, tx := range sim.Transactions() {
			ids = append(ids, knownvalue.Int64Exact(tx.ID))
		}
		return ids
	})
}

func TestAccTransactions_planTimeValidation(t *testing.T) {
	testAccPreCheck(t)
	testPlanTimeValidation(t, "transactions", "getTransactionData", map[string]planCase{
		"transaction type": {`transaction_type = "Refund"`,
			`Attribute transaction_type value must be one of:\s+\["Session"\s+"Reservation"\s+"Reservation\s+Cancel"\s+"Reservation\s+Usage\s+Addendum"\]`},
		// 00:59:59 on 1 February at UTC+2 is still 31 January in UTC, before the window opens.
		"reversed window": {`
  from_transaction_time_stamp = "2026-02-01T00:00:00Z"
  to_transaction_time_stamp   = "2026-02-01T00:59:59+02:00"`,
			`(?s)Invalid time window.*from_transaction_time_stamp \(2026-02-01T00:00:00Z\) is after\s+to_transaction_time_stamp`},
		"timestamp": {`to_transaction_time_stamp = "31/01/2026"`, `to_transaction_time_stamp must be an RFC 3339 timestamp`},
	})
}
