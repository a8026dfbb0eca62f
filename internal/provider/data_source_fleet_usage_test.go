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

func clock(d time.Duration) string {
	s := int64(d.Round(time.Second).Seconds())
	return fmt.Sprintf("%02d:%02d:%02d", s/3600, s/60%60, s%60)
}

// usageObject is the complete state value of a simulator fleet usage row at a record number.
func usageObject(sim *testSim, u simulator.FleetUsage, recordNumber int) knownvalue.Check {
	var v simulator.FleetVehicle
	for _, w := range sim.FleetVehicles() {
		if w.ID == u.FleetVehicleID {
			v = w
		}
	}
	st, _ := sim.Dataset().Station(u.StationID)
	var port simulator.Port
	for _, p := range st.Ports {
		if p.Number == u.PortNumber {
			port = p
		}
	}
	portType := port.Level
	if portType == "" { // Europe: the charging mode instead of a level
		portType = "Mode " + port.Mode
	}
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"record_number":            knownvalue.Int64Exact(int64(recordNumber)),
		"fleet_vehicle_id":         knownvalue.StringExact(v.ID),
		"fleet_name":               knownvalue.StringExact(v.FleetName),
		"vehicle_id":               knownvalue.StringExact(v.VehicleID),
		"license":                  knownvalue.StringExact(v.License),
		"fleet_driver_id":          knownvalue.StringExact(u.DriverID),
		"credential_id":            knownvalue.StringExact(u.CredentialID),
		"fleet_org_id":             knownvalue.StringExact(v.OrgID),
		"fleet_org_name":           knownvalue.StringExact(v.OrganizationName),
		"fleet_user_id":            knownvalue.StringExact(v.UserID),
		"fraud_detection_status":   knownvalue.StringExact(u.FraudDetectionStatus),
		"transaction_id":           knownvalue.Int64Exact(u.TransactionID),
		"transaction_type":         knownvalue.StringExact("Session"),
		"transaction_time":         timestamp(u.TransactionTime),
		"energy":                   knownvalue.Float64Exact(u.Energy),
		"gasoline_savings":         knownvalue.Float64Exact(u.GasolineSavings),
		"ghg_savings":              knownvalue.Float64Exact(u.GHGSavings),
		"fleet_customer_id":        knownvalue.StringExact(u.FleetCustomerID),
		"odometer":                 knownvalue.Float64Exact(u.Odometer),
		"start_time":               timestamp(u.Start),
		"end_time":                 timestamp(u.End),
		"start_soc":                decimals(u.StartSOC, 1),
		"end_soc":                  decimals(u.EndSOC, 1),
		"charging_time":            knownvalue.StringExact(clock(u.ChargingTime)),
		"charging_time_seconds":    seconds(u.ChargingTime),
		"session_duration":         knownvalue.StringExact(clock(u.SessionDuration)),
		"session_duration_seconds": seconds(u.SessionDuration),
		"port_type":                knownvalue.StringExact(portType),
		"plug_type":                knownvalue.StringExact(port.Connector),
		"currency":                 knownvalue.StringExact(u.Currency),
		"fee":                      decimals(u.Fee, 2),
		"payment_id":               optional(u.PaymentID),
		"payment_source_account":   optional(u.PaymentSourceAccount),
		"payment_type":             knownvalue.StringExact(u.PaymentType),
		"pricing_rule":             knownvalue.StringExact(u.PricingRule),
		"station_org_name":         knownvalue.StringExact(st.OrganizationName),
		"station_name":             knownvalue.StringExact(st.Name),
		"address":                  knownvalue.StringExact(st.Address),
		"city":                     knownvalue.StringExact(st.City),
		"state":                    knownvalue.StringExact(st.State),
		"postal_code":              knownvalue.StringExact(st.PostalCode),
		"country":                  knownvalue.StringExact(st.Country),
		"vin":                      knownvalue.StringExact(v.VIN),
		"station_id":               knownvalue.StringExact(st.ID),
		"port_number":              knownvalue.Int64Exact(int64(u.PortNumber)),
		"id":                       knownvalue.StringExact(u.ID),
	})
}

// Every session of one vehicle with every attribute, the HH:MM:SS durations also in seconds.
func TestAccFleetUsage_vehicleSessions(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	var vehicleID string
	for _, v := range sim.FleetVehicles() {
		if len(usageOf(sim, v.ID)) > len(usageOf(sim, vehicleID)) {
			vehicleID = v.ID
		}
	}
	// The simulator answers in session order (the record numbers); the data source sorts by transaction_id.
	var rows []simulator.FleetUsage
	records := map[string]int{}
	for _, u := range sim.FleetUsage() {
		if u.FleetVehicleID == vehicleID {
			rows = append(rows, u)
			records[u.ID] = len(rows)
		}
	}
	sortBy(rows, func(u simulator.FleetUsage) string { return fmt.Sprint(u.TransactionID) + "\x00" + u.ID })
	var want []knownvalue.Check
	for _, u := range rows {
		want = append(want, usageObject(sim, u, records[u.ID]))
	}
	if len(want) < 2 {
		t.Fatalf("the busiest fleet vehicle has %d sessions", len(want))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf(`
data "chargepoint_fleet_usage" "x" {
  fleet_vehicle_id = %q
}
`, vehicleID),
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownValue(fleetUsageDS, attrPath("usage"), knownvalue.ListExact(want))},
		}},
	})
}

// A time window (on the session start, both ends included) and a fraud detection status select
// exactly the simulator's rows; the top-level `id` input is the usage record's ID.
func TestAccFleetUsage_filters(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	all := sim.FleetUsage()
	sortBy(all, func(u simulator.FleetUsage) string { return fmt.Sprint(u.TransactionID) + "\x00" + u.ID })
	starts := make([]time.Time, len(all))
	for i, u := range all {
		starts[i] = u.Start
	}
	slices.SortFunc(starts, time.Time.Compare)
	from, to := starts[2], starts[len(starts)-3] // leaves out the two earliest and the two latest sessions
	status := all[0].FraudDetectionStatus
	cases := []struct {
		name, body string
		keep       func(simulator.FleetUsage) bool
	}{
		{"window", fmt.Sprintf("from_time_stamp = %q\n  to_time_stamp = %q", from.Format(time.RFC3339), to.Format(time.RFC3339)),
			func(u simulator.FleetUsage) bool { return !u.Start.Before(from) && !u.Start.After(to) }},
		{"fraud detection status", fmt.Sprintf(`fraud_detection_status = %q`, status),
			func(u simulator.FleetUsage) bool { return u.FraudDetectionStatus == status }},
		{"record id", fmt.Sprintf(`id = %q`, all[1].ID), func(u simulator.FleetUsage) bool { return u.ID == all[1].ID }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var want []knownvalue.Check
			for _, u := range all {
				if tc.keep(u) {
					want = append(want, knownvalue.Int64Exact(u.TransactionID))
				}
			}
			if len(want) == 0 || len(want) == len(all) {
				t.Fatalf("%d of %d rows match: the filter would prove nothing", len(want), len(all))
			}
			checks := []statecheck.StateCheck{statecheck.ExpectKnownValue(fleetUsageDS, attrPath("usage"), knownvalue.ListSizeExact(len(want)))}
			for i, id := range want {
				checks = append(checks, statecheck.ExpectKnownValue(fleetUsageDS, attrPath("usage", i, "transaction_id"), id))
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config:            sim.providerConfig() + "data \"chargepoint_fleet_usage\" \"x\" {\n  " + tc.body + "\n}\n",
					ConfigStateChecks: checks,
				}},
			})
		})
	}
}

func TestAccFleetUsage_paging(t *testing.T) {
	testAccPreCheck(t)
	testAccPaging(t, "fleet_usage", "getFleetUsageData", "usage", "transaction_id", func(sim *testSim) []knownvalue.Check {
		rows := sim.FleetUsage()
		sortBy(rows, func(u simulator.FleetUsage) string { return fmt.Sprint(u.TransactionID) + "\x00" + u.ID })
		var ids []knownvalue.Check
		for _, u := range rows {
			ids = append(ids, knownvalue.Int64Exact(u.TransactionID))
		}
		return ids
	})
}

func TestAccFleetUsage_planTimeValidation(t *testing.T) {
	testAccPreCheck(t)
	testPlanTimeValidation(t, "fleet_usage", "getFleetUsageData", map[string]planCase{
		"fraud detection status": {`fraud_detection_status = "Fraud Detected"`,
			`(?s)Attribute fraud_detection_status value must be one of: \["Unknown"\s+"Verified\s+\(Power\s+Values\s+Matched\)".*"Session\s+Validated"\]`},
		"transaction type": {`transaction_type = "session"`, `Attribute transaction_type value must be one of`},
		"reversed window": {`
  from_time_stamp = "2026-11-20T00:00:00Z"
  to_time_stamp   = "2026-11-19T23:59:59Z"`,
			`(?s)Invalid time window.*from_time_stamp \(2026-11-20T00:00:00Z\) is after to_time_stamp`},
		"timestamp": {`from_time_stamp = "2026-11-20 00:00:00"`, `from_time_stamp must be an RFC 3339 timestamp`},
	})
}
