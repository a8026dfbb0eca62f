package provider

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

const (
	fleetVehiclesDS = "data.chargepoint_fleet_vehicles.x"
	fleetUsageDS    = "data.chargepoint_fleet_usage.x"
)

// vehicleObject is the complete state value of a simulator fleet vehicle at a record number.
func vehicleObject(v simulator.FleetVehicle, recordNumber int) knownvalue.Check {
	credentials := slices.Clone(v.CredentialIDs)
	sortBy(credentials, func(s string) string { return s })
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"record_number":             knownvalue.Int64Exact(int64(recordNumber)),
		"last_modified_timestamp":   timestamp(v.LastModified),
		"fleet_vehicle_id":          knownvalue.StringExact(v.ID),
		"fleet_name":                knownvalue.StringExact(v.FleetName),
		"vehicle_id":                knownvalue.StringExact(v.VehicleID),
		"vin":                       knownvalue.StringExact(v.VIN),
		"license":                   knownvalue.StringExact(v.License),
		"color":                     knownvalue.StringExact(v.Color),
		"make":                      knownvalue.StringExact(v.Make),
		"model":                     knownvalue.StringExact(v.Model),
		"year":                      knownvalue.Int64Exact(int64(v.Year)),
		"fleet_user_id":             knownvalue.StringExact(v.UserID),
		"credential_ids":            stringList(credentials...),
		"org_id":                    knownvalue.StringExact(v.OrgID),
		"organization_name":         knownvalue.StringExact(v.OrganizationName),
		"telematics_provider":       optional(v.TelematicsProvider),
		"telematics_status":         optional(v.TelematicsStatus),
		"fleet_vehicle_create_date": timestamp(v.Created),
		"vehicle_charging_status":   knownvalue.StringExact(v.ChargingStatus),
	})
}

// usageOf returns the fleet usage rows of a vehicle, sorted by transaction ID like the data source.
func usageOf(sim *testSim, vehicleID string) []simulator.FleetUsage {
	var rows []simulator.FleetUsage
	for _, u := range sim.FleetUsage() {
		if u.FleetVehicleID == vehicleID {
			rows = append(rows, u)
		}
	}
	sortBy(rows, func(u simulator.FleetUsage) string { return fmt.Sprint(u.TransactionID) + "\x00" + u.ID })
	return rows
}

// A fleet vehicle with every attribute, and its charging sessions: each usage row must describe a real
// session of the simulator (station, port, times, energy) charged with one of the vehicle's credentials.
func TestAccFleetVehicles_vehicleAndItsSessions(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	var v simulator.FleetVehicle
	for _, w := range sim.FleetVehicles() {
		if len(usageOf(sim, w.ID)) > len(usageOf(sim, v.ID)) {
			v = w
		}
	}
	if len(usageOf(sim, v.ID)) < 2 {
		t.Fatal("no fleet vehicle has several sessions")
	}
	var sessions []knownvalue.Check
	for _, u := range usageOf(sim, v.ID) {
		s, ok := sim.Session(u.SessionID)
		if !ok || s.Active {
			t.Fatalf("usage %s points at session %d, which is missing or still active", u.ID, u.SessionID)
		}
		if !slices.Contains(v.CredentialIDs, s.CredentialID) {
			t.Fatalf("session %d was charged with %s, not a credential of %s", s.ID, s.CredentialID, v.ID)
		}
		sessions = append(sessions, knownvalue.ObjectPartial(map[string]knownvalue.Check{
			"fleet_vehicle_id": knownvalue.StringExact(v.ID),
			"station_id":       knownvalue.StringExact(s.StationID),
			"port_number":      knownvalue.Int64Exact(int64(s.PortNumber)),
			"credential_id":    knownvalue.StringExact(s.CredentialID),
			"start_time":       timestamp(s.Start),
			"end_time":         timestamp(s.End),
			"energy":           knownvalue.Float64Exact(s.Energy),
		}))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf(`
data "chargepoint_fleet_vehicles" "x" {
  fleet_vehicle_id = %q
}

data "chargepoint_fleet_usage" "x" {
  fleet_vehicle_id = data.chargepoint_fleet_vehicles.x.vehicles[0].fleet_vehicle_id
}
`, v.ID),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(fleetVehiclesDS, attrPath("vehicles"), knownvalue.ListExact([]knownvalue.Check{vehicleObject(v, 1)})),
				statecheck.ExpectKnownValue(fleetUsageDS, attrPath("usage"), knownvalue.ListExact(sessions)),
			},
		}},
	})
}

// The filters reach ChargePoint, the xsd:date one included: each selects exactly the simulator's vehicles.
func TestAccFleetVehicles_filters(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	vehicles := sim.FleetVehicles()
	v := vehicles[len(vehicles)/2]
	cases := []struct {
		name, body string
		keep       func(simulator.FleetVehicle) bool
	}{
		{"created on a day", fmt.Sprintf(`fleet_vehicle_create_date = %q`, v.Created.UTC().Format("2006-01-02")),
			func(w simulator.FleetVehicle) bool {
				return w.Created.UTC().Format("2006-01-02") == v.Created.UTC().Format("2006-01-02")
			}},
		{"make and year", fmt.Sprintf("make = %q\n  year = %d", v.Make, v.Year),
			func(w simulator.FleetVehicle) bool { return w.Make == v.Make && w.Year == v.Year }},
		{"charging state", fmt.Sprintf(`vehicle_charging_status = %q`, v.ChargingStatus),
			func(w simulator.FleetVehicle) bool { return w.ChargingStatus == v.ChargingStatus }},
		{"credential", fmt.Sprintf(`credential_id = %q`, v.CredentialIDs[0]),
			func(w simulator.FleetVehicle) bool { return slices.Contains(w.CredentialIDs, v.CredentialIDs[0]) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var want []knownvalue.Check
			for _, w := range vehicles {
				if tc.keep(w) {
					want = append(want, knownvalue.StringExact(w.ID))
				}
			}
			if len(want) == len(vehicles) {
				t.Fatalf("all %d vehicles match: the filter would prove nothing", len(vehicles))
			}
			checks := []statecheck.StateCheck{statecheck.ExpectKnownValue(fleetVehiclesDS, attrPath("vehicles"), knownvalue.ListSizeExact(len(want)))}
			for i, id := range want {
				checks = append(checks, statecheck.ExpectKnownValue(fleetVehiclesDS, attrPath("vehicles", i, "fleet_vehicle_id"), id))
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config:            sim.providerConfig() + "data \"chargepoint_fleet_vehicles\" \"x\" {\n  " + tc.body + "\n}\n",
					ConfigStateChecks: checks,
				}},
			})
		})
	}
}

func TestAccFleetVehicles_paging(t *testing.T) {
	testAccPreCheck(t)
	testAccPaging(t, "fleet_vehicles", "getFleetVehicles", "vehicles", "fleet_vehicle_id", func(sim *testSim) []knownvalue.Check {
		var ids []knownvalue.Check
		for _, v := range sim.FleetVehicles() {
			ids = append(ids, knownvalue.StringExact(v.ID))
		}
		return ids
	})
}

func TestAccFleetVehicles_planTimeValidation(t *testing.T) {
	testAccPreCheck(t)
	testPlanTimeValidation(t, "fleet_vehicles", "getFleetVehicles", map[string]planCase{
		"charging status": {`vehicle_charging_status = "Plugged In"`,
			`Attribute vehicle_charging_status value must be one of:\s+\["Fault"\s+"Charged"\s+"Charging"\s+"Not\s+Plugged\s+In"\]`},
		"impossible date":      {`fleet_vehicle_create_date = "2026-02-30"`, `fleet_vehicle_create_date must be a date, YYYY-MM-DD`},
		"timestamp for a date": {`fleet_vehicle_create_date = "2026-02-01T00:00:00Z"`, `fleet_vehicle_create_date must be a date, YYYY-MM-DD`},
		"modified since":       {`modified_since = "yesterday"`, `modified_since must be an RFC 3339 timestamp`},
	})
}
