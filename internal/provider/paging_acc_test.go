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

// readIdenticalStations runs one test with `blocks` identical chargepoint_stations data sources, paging
// sequentially (max_concurrent_requests = 1, so the count of calls is exact), and returns how many
// getStations calls the simulator answered.
func readIdenticalStations(t *testing.T, blocks int) int {
	t.Helper()
	sim := startSimulator(t, simulator.Options{Stations: coalescingStations, MaxPageSize: coalescingPageSize})
	config := sim.sequentialProviderConfig()
	var checks []statecheck.StateCheck
	for i := range blocks {
		config += fmt.Sprintf("data \"chargepoint_stations\" \"s%d\" {}\n", i)
		checks = append(checks, statecheck.ExpectKnownValue(fmt.Sprintf("data.chargepoint_stations.s%d", i), stationsPath(), knownvalue.ListSizeExact(coalescingStations+1)))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps:                    []resource.TestStep{{Config: config, ConfigStateChecks: checks}},
	})
	return sim.Calls("getStations")
}

// TestAccCoalescingTenIdenticalDataSources: ten identical data sources cost the calls of one, through
// Terraform (each Terraform command that reads them is one provider run with one client).
func TestAccCoalescingTenIdenticalDataSources(t *testing.T) {
	testAccPreCheck(t)
	var one, ten int
	t.Run("one data source", func(t *testing.T) { one = readIdenticalStations(t, 1) })
	t.Run("ten identical data sources", func(t *testing.T) { ten = readIdenticalStations(t, 10) })
	t.Logf("getStations calls: %d for one data source, %d for ten", one, ten)
	if one == 0 || one%2 != 0 {
		t.Fatalf("one data source: %d getStations calls, want a positive multiple of the 2 pages", one)
	}
	if ten != one {
		t.Errorf("ten identical data sources: %d getStations calls, one data source: %d", ten, one)
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
