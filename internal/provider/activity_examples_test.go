package provider

import (
	"fmt"
	"math"
	"os"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// The examples of the users, transactions and fleet data sources (the docs show them) are applied to
// the simulator's default data set, and their outputs compared with the data they summarize.

func exampleOf(t *testing.T, dataSource string) string {
	b, err := os.ReadFile("../../examples/data-sources/chargepoint_" + dataSource + "/data-source.tf")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// approxNumber accepts a number within a millionth of want: Terraform sums in decimal, Go in binary.
func approxNumber(want float64) knownvalue.Check {
	return knownvalue.Float64Func(func(got float64) error {
		if math.Abs(got-want) > 1e-6 {
			return fmt.Errorf("got %v, want %v", got, want)
		}
		return nil
	})
}

func applyExample(t *testing.T, sim *testSim, dataSource string, checks ...statecheck.StateCheck) {
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps:                    []resource.TestStep{{Config: sim.providerConfig() + exampleOf(t, dataSource), ConfigStateChecks: checks}},
	})
}

func TestAccExample_users(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	pending := map[string]knownvalue.Check{}
	for _, u := range sim.Users() {
		if u.ConnectionStatus == "PENDING" {
			pending[u.ID] = knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"name": knownvalue.StringExact(u.FirstName + " " + u.LastName), "email": knownvalue.StringExact(u.Email),
				"requested_at": timestamp(u.ConnectionRequested),
			})
		}
	}
	if len(pending) == 0 {
		t.Fatal("no pending driver: the example would show nothing")
	}
	applyExample(t, sim, "users", statecheck.ExpectKnownOutputValue("pending_connection_requests", knownvalue.MapExact(pending)))
}

func TestAccExample_transactionsMonthlyRevenue(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	from, to := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 30, 23, 59, 59, 0, time.UTC)
	type sums struct{ sessions, energy, gross, fee, tax, net float64 }
	byCurrency := map[string]*sums{}
	for _, tx := range sim.Transactions() {
		st, _ := sim.Dataset().Station(tx.StationID)
		if st.OrgID != "1:ORG07225" || tx.Type != "Session" || tx.Time.Before(from) || tx.Time.After(to) {
			continue
		}
		s := byCurrency[tx.Currency]
		if s == nil {
			s = &sums{}
			byCurrency[tx.Currency] = s
		}
		s.sessions++
		s.energy += tx.Energy
		s.gross += tx.GrossAmount
		s.fee += tx.ServiceFee
		s.tax += tx.TaxAmount
		s.net += tx.NetRevenue
	}
	want := map[string]knownvalue.Check{}
	for c, s := range byCurrency {
		want[c] = knownvalue.ObjectExact(map[string]knownvalue.Check{
			"sessions": approxNumber(s.sessions), "energy_kwh": approxNumber(s.energy), "gross": approxNumber(s.gross),
			"service_fee": approxNumber(s.fee), "tax": approxNumber(s.tax), "net_revenue": approxNumber(s.net),
		})
	}
	if len(want) == 0 {
		t.Fatal("no transaction in the example's month: the example would show nothing")
	}
	applyExample(t, sim, "transactions", statecheck.ExpectKnownOutputValue("november_revenue", knownvalue.MapExact(want)))
}

func TestAccExample_fleetVehicles(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	fleets := map[string]map[string]knownvalue.Check{}
	for _, v := range sim.FleetVehicles() {
		if fleets[v.FleetName] == nil {
			fleets[v.FleetName] = map[string]knownvalue.Check{}
		}
		fleets[v.FleetName][v.VehicleID] = knownvalue.ObjectExact(map[string]knownvalue.Check{
			"vehicle": knownvalue.StringExact(fmt.Sprintf("%d %s %s (%s)", v.Year, v.Make, v.Model, v.License)),
			"status":  knownvalue.StringExact(v.ChargingStatus),
			"cards":   stringList(v.CredentialIDs...),
		})
	}
	want := map[string]knownvalue.Check{}
	for name, vehicles := range fleets {
		want[name] = knownvalue.MapExact(vehicles)
	}
	if len(want) < 2 {
		t.Fatalf("%d fleets: the example would show little", len(want))
	}
	applyExample(t, sim, "fleet_vehicles", statecheck.ExpectKnownOutputValue("fleets", knownvalue.MapExact(want)))
}

func TestAccExample_fleetUsage(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	vehicleIDs := map[string]string{}
	for _, v := range sim.FleetVehicles() {
		vehicleIDs[v.ID] = v.VehicleID
	}
	from, to := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 30, 23, 59, 59, 0, time.UTC)
	type sums struct{ sessions, energy, charging, plugged float64 }
	byVehicle := map[string]*sums{}
	for _, u := range sim.FleetUsage() {
		if u.Start.Before(from) || u.Start.After(to) {
			continue
		}
		s := byVehicle[vehicleIDs[u.FleetVehicleID]]
		if s == nil {
			s = &sums{}
			byVehicle[vehicleIDs[u.FleetVehicleID]] = s
		}
		s.sessions++
		s.energy += u.Energy
		s.charging += math.Round(u.ChargingTime.Seconds())
		s.plugged += math.Round(u.SessionDuration.Seconds())
	}
	want := map[string]knownvalue.Check{}
	for id, s := range byVehicle {
		want[id] = knownvalue.ObjectPartial(map[string]knownvalue.Check{
			"sessions": approxNumber(s.sessions), "energy_kwh": approxNumber(s.energy),
			"charging_hours": approxNumber(s.charging / 3600), "plugged_hours": approxNumber(s.plugged / 3600),
		})
	}
	if len(want) == 0 {
		t.Fatal("no fleet session in the example's month")
	}
	applyExample(t, sim, "fleet_usage", statecheck.ExpectKnownOutputValue("november_by_vehicle", knownvalue.MapExact(want)))
}
