package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// The simulator of these tests: 31 stations in pages of at most 20, so a full read is two pages.
const (
	coalescingStations = 30
	coalescingPageSize = 20
)

// sequentialProviderConfig is providerConfig with one request in flight: no page is requested ahead,
// so tests can count one call per page and provider run.
func (s *testSim) sequentialProviderConfig() string {
	return withProviderSetting(s.providerConfig(), "max_concurrent_requests = 1")
}

func withProviderSetting(config, setting string) string {
	return strings.Replace(config, "provider \"chargepoint\" {", "provider \"chargepoint\" {\n  "+setting, 1)
}

// countGetStations runs one single-step test with `blocks` identical chargepoint_stations data sources over
// a simulator of `stations` stations plus its seed station in pages of at most pageSize, with the
// default settings, and returns how many getStations calls the simulator answered in all the Terraform
// commands of the test (each command that reads the data sources is one provider run).
func countGetStations(t *testing.T, stations, pageSize, blocks int) int {
	t.Helper()
	sim := startSimulator(t, simulator.Options{Stations: stations, MaxPageSize: pageSize})
	config := sim.providerConfig()
	var checks []statecheck.StateCheck
	for i := range blocks {
		config += fmt.Sprintf("data \"chargepoint_stations\" \"s%d\" {}\n", i)
		checks = append(checks, statecheck.ExpectKnownValue(fmt.Sprintf("data.chargepoint_stations.s%d", i), stationsPath(), knownvalue.ListSizeExact(stations+1)))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps:                    []resource.TestStep{{Config: config, ConfigStateChecks: checks}},
	})
	return sim.Calls("getStations")
}

// TestAccPagingCalls counts getStations calls through Terraform, with the default settings, against
// the calls of a one-page read (one per provider run): pages are requested ahead in rounds that grow
// only while pages come back full, and identical reads are made once per run.
func TestAccPagingCalls(t *testing.T) {
	testAccPreCheck(t)
	var runs, pages25, one2Page, ten2Page int
	t.Run("one page", func(t *testing.T) { runs = countGetStations(t, 10, 500, 1) })
	// 2.5 pages, as 1,234 stations in pages of 500 (which cpapi's TestPagingCallsOnTheSimulator reads);
	// small, as a state of 1,234 stations takes Terraform minutes on a loaded CI machine.
	t.Run("25 stations in pages of 10", func(t *testing.T) { pages25 = countGetStations(t, 24, 10, 1) })
	t.Run("one 2-page data source", func(t *testing.T) { one2Page = countGetStations(t, coalescingStations, coalescingPageSize, 1) })
	t.Run("ten identical 2-page data sources", func(t *testing.T) { ten2Page = countGetStations(t, coalescingStations, coalescingPageSize, 10) })
	t.Logf("getStations calls: %d provider runs; 2.5 pages: %d; one 2-page read: %d; ten identical 2-page reads: %d",
		runs, pages25, one2Page, ten2Page)
	if runs == 0 {
		t.Fatal("the one-page read made no getStations call")
	}
	if pages25 != 3*runs {
		t.Errorf("2.5 pages: %d getStations calls in %d provider runs, want 3 a run", pages25, runs)
	}
	// A 2-page read asks for the third page beside the second; when the second says it is the last
	// before the third is sent, the third is cancelled unsent: 2 or 3 calls a run.
	for name, calls := range map[string]int{"one 2-page read": one2Page, "ten identical 2-page reads": ten2Page} {
		if calls < 2*runs || calls > 3*runs {
			t.Errorf("%s: %d getStations calls in %d provider runs, want 2 or 3 a run", name, calls, runs)
		}
	}
}

// TestAccPagingMaxRecords: a read past max_records fails with an error that says how to raise it.
func TestAccPagingMaxRecords(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: coalescingStations, MaxPageSize: coalescingPageSize})
	config := withProviderSetting(sim.providerConfig(), "max_records = 20")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config:      config + "data \"chargepoint_stations\" \"all\" {}\n",
			ExpectError: regexp.MustCompile(`(?s)getStations:\s+the\s+server\s+announced\s+more\s+than\s+20\s+records.*max_records`),
		}},
	})
}

// TestAccPagingAheadMatchesSequential: through Terraform, a many-page read with pages requested ahead
// (the default) gives the state of the same read page by page.
func TestAccPagingAheadMatchesSequential(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 60, MaxPageSize: 7}) // 61 stations, 9 pages
	sequential := strings.Replace(sim.sequentialProviderConfig(), "provider \"chargepoint\" {", "provider \"chargepoint\" {\n  alias = \"sequential\"", 1)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + sequential + `
data "chargepoint_stations" "ahead" {}
data "chargepoint_stations" "sequential" {
  provider = chargepoint.sequential
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.chargepoint_stations.ahead", stationsPath(), knownvalue.ListSizeExact(61)),
				statecheck.CompareValuePairs("data.chargepoint_stations.ahead", stationsPath(), "data.chargepoint_stations.sequential", stationsPath(), compare.ValuesSame()),
			},
		}},
	})
}
