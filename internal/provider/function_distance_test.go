package provider

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

func TestHaversineKm_knownDistances(t *testing.T) {
	const r = earthRadiusKm
	lax := [2]float64{33 + 57.0/60, -(118 + 24.0/60)}
	jfk := [2]float64{40 + 38.0/60, -(73 + 47.0/60)}
	cases := []struct {
		name                     string
		lat1, long1, lat2, long2 float64
		want, tolerance          float64
	}{
		{"same point", 37.2615, -121.9575, 37.2615, -121.9575, 0, 0},
		{"one degree of longitude on the equator", 0, 10, 0, 11, 2 * math.Pi * r / 360, 1e-9},
		{"one degree of latitude", 45, 7, 46, 7, 2 * math.Pi * r / 360, 1e-9},
		{"equator to pole", 0, 0, 90, 0, math.Pi * r / 2, 1e-9},
		{"pole to pole", 90, 0, -90, 0, math.Pi * r, 1e-9},
		{"antipodes on the equator", 0, 0, 0, 180, math.Pi * r, 1e-9},
		{"across the antimeridian", 0, 179, 0, -179, 2 * 2 * math.Pi * r / 360, 1e-9},
		// Ed Williams' Aviation Formulary worked example: LAX to JFK is 0.623585 radians.
		{"LAX to JFK", lax[0], lax[1], jfk[0], jfk[1], 0.623585 * r, 0.000001 * r},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := haversineKm(c.lat1, c.long1, c.lat2, c.long2)
			if math.Abs(got-c.want) > c.tolerance {
				t.Errorf("haversineKm = %.9f km, want %.9f ± %g", got, c.want, c.tolerance)
			}
			if back := haversineKm(c.lat2, c.long2, c.lat1, c.long1); back != got {
				t.Errorf("not symmetric: %.12f one way, %.12f the other", got, back)
			}
		})
	}
}

func TestHaversineKm_nearlyAntipodalIsNotNaN(t *testing.T) {
	for _, long := range []float64{-180, -90, 0, 90} {
		got := haversineKm(1e-7, long, -1e-7, long+180)
		if math.IsNaN(got) || math.Abs(got-math.Pi*earthRadiusKm) > 1e-3 {
			t.Errorf("long %v: %v km, want half the circumference", long, got)
		}
	}
}

func distanceOutput(a, b string) string {
	return fmt.Sprintf("output \"d\" {\n  value = provider::chargepoint::distance(%s, %s)\n}\n", a, b)
}

// distanceConfig is distanceOutput with the provider configured (credentials for a loopback endpoint
// that is never called): OpenTofu 1.10 configures a provider even when a configuration only calls its
// functions.
func distanceConfig(a, b string) string {
	return fmt.Sprintf(`provider "chargepoint" {
  endpoint    = "http://127.0.0.1:9/webservices/chargepoint/services/5.1"
  license_key = %q
  password    = %q
}
`, testLicenseKey, testPassword) + distanceOutput(a, b)
}

func within(want, tolerance float64) knownvalue.Check {
	return knownvalue.Float64Func(func(got float64) error {
		if math.Abs(got-want) > tolerance {
			return fmt.Errorf("got %.9f, want %.9f ± %g", got, want, tolerance)
		}
		return nil
	})
}

// wrapped matches pattern in a CLI message that may break a line at any space.
func wrapped(pattern string) *regexp.Regexp {
	return regexp.MustCompile(strings.ReplaceAll(pattern, " ", `\s+`))
}

var distanceFunctionCLIs = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)}

func TestAccDistanceFunction_values(t *testing.T) {
	testAccPreCheck(t)
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   distanceFunctionCLIs,
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:            distanceConfig(`{ lat = 0, long = 10 }`, `{ lat = 0, long = 11 }`),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("d", within(111.195080234, 1e-6))},
			},
			{
				Config:            distanceConfig(`{ lat = 37.288, long = -121.9453 }`, `{ lat = 37.3382, long = -121.8863 }`),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("d", within(7.640949, 1e-6))},
			},
			{
				// Extra attributes are dropped by the conversion to { lat, long }.
				Config:            distanceConfig(`{ name = "HQ", lat = 37.288, long = -121.9453 }`, `{ lat = 37.288, long = -121.9453, note = 1 }`),
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("d", knownvalue.Float64Exact(0))},
			},
		},
	})
}

// One test case with a step per invalid argument, so that an older CLI skips the whole test.
func TestAccDistanceFunction_invalidArguments(t *testing.T) {
	testAccPreCheck(t)
	cases := []struct{ a, b, err string }{
		{`{ lat = 90.5, long = 0 }`, `{ lat = 0, long = 0 }`, `a\.lat must be between -90 and 90 degrees, got 90\.5`},
		{`{ lat = 0, long = 0 }`, `{ lat = 0, long = -181 }`, `b\.long must be between -180 and 180 degrees, got -181`},
		{`{ lat = null, long = 0 }`, `{ lat = 0, long = 0 }`, `a\.lat and a\.long must not be null`},
		{`{ lat = 0 }`, `{ lat = 0, long = 0 }`, `(?i)attribute "long" is required`},
		{`null`, `{ lat = 0, long = 0 }`, `argument must not be null`},
		{`"37.2,-121.9"`, `{ lat = 0, long = 0 }`, `(?i)object required`},
	}
	steps := make([]resource.TestStep, len(cases))
	for i, c := range cases {
		steps[i] = resource.TestStep{Config: distanceConfig(c.a, c.b), ExpectError: wrapped(c.err)}
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   distanceFunctionCLIs,
		ProtoV6ProviderFactories: testAccProviders,
		Steps:                    steps,
	})
}

// A port's geo, as the data sources return it, is passed directly.
func TestAccDistanceFunction_portGeo(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	// The guide query's station, 1:81203, has its ports at (37.26148986816406, -121.95753479003906).
	want := haversineKm(37.26148986816406, -121.95753479003906, 37.3382, -121.8863)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   distanceFunctionCLIs,
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + `
data "chargepoint_public_stations" "x" {
  address        = "1692 Dell Avenue"
  city           = "Campbell"
  state          = "CA"
  postal_code    = "95008"
  proximity      = 1
  proximity_unit = "M"
}
` + distanceOutput(`data.chargepoint_public_stations.x.stations[0].ports[0].geo`, `{ lat = 37.3382, long = -121.8863 }`),
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("d", within(want, 1e-9))},
		}},
	})
}

// The documentation example runs as written against the simulator, and its answer matches the
// stations of the data set within 5 km of each office, nearest first.
func TestAccDistanceFunction_example(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	t.Setenv(envEndpoint, sim.endpoint)
	t.Setenv(envLicenseKey, testLicenseKey)
	t.Setenv(envPassword, testPassword)
	// The example declares chargepoint-community/chargepoint, as a module must to call its functions.
	t.Setenv("TF_ACC_PROVIDER_NAMESPACE", "chargepoint-community")
	offices := map[string][2]float64{"austin": {30.2672, -97.7431}, "new_york": {40.7549, -73.9840}}
	checks := []statecheck.StateCheck{
		statecheck.ExpectKnownOutputValue("hq_to_city_hall_km", within(7.640949, 1e-6)),
		statecheck.ExpectKnownOutputValue("stations_within_5km", knownvalue.MapSizeExact(len(offices))),
	}
	for office, at := range offices {
		type near struct {
			id string
			km float64
		}
		var want []near
		for _, st := range sim.Dataset().Stations() {
			if st.OrgID != "1:ORG07225" || len(st.Ports) == 0 {
				continue
			}
			km := haversineKm(at[0], at[1], st.Lat, st.Long)
			if math.Abs(km-5) < 1e-3 {
				t.Fatalf("station %s is %v km from %s: too close to the 5 km edge for this test", st.ID, km, office)
			}
			if km <= 5 {
				want = append(want, near{st.ID, km})
			}
		}
		if len(want) < 2 {
			t.Fatalf("only %d stations within 5 km of %s: the example shows nothing to sort", len(want), office)
		}
		sort.Slice(want, func(i, j int) bool { return want[i].km < want[j].km })
		list := make([]knownvalue.Check, len(want))
		for i, n := range want {
			list[i] = knownvalue.ObjectExact(map[string]knownvalue.Check{
				"station_id":  knownvalue.StringExact(n.id),
				"distance_km": within(n.km, 1e-6),
			})
		}
		checks = append(checks, statecheck.ExpectKnownOutputValueAtPath("stations_within_5km", tfjsonpath.New(office), knownvalue.ListExact(list)))
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   distanceFunctionCLIs,
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			ConfigFile:        config.StaticFile("../../examples/functions/distance/function.tf"),
			ConfigStateChecks: checks,
		}},
	})
}
