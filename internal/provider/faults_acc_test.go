package provider

import (
	"fmt"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// faultRow is one injected fault and how the read must end: success (checks, after more than one
// attempt when minHits > 1), or one clear error.
type faultRow struct {
	name     string
	fault    url.Values // the simulator's fault spec, sent in the endpoint's query string
	settings string     // extra provider arguments
	station  string     // station_id queried; default the seed station
	checks   []statecheck.StateCheck
	minHits  int // requests the simulator must have seen with this fault (retries)
	err      string
}

var seedStationFound = []statecheck.StateCheck{check(stationsPath(0, "station_id"), knownvalue.StringExact("1:81203"))}

func spec(kv ...string) url.Values {
	v := url.Values{}
	for i := 0; i < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v
}

// TestAccFaults runs a table of injected faults through the CLI: every transient fault ends in success
// after a retry, odd data decodes (or becomes null), and the rest end in one clear diagnostic, all in
// bounded time (request_timeout bounds a stall; retries are bounded by max_retries).
func TestAccFaults(t *testing.T) {
	testAccPreCheck(t)
	rows := []faultRow{
		{name: "HTTP 500 page", fault: spec("fault", "status", "status", "500", "first", "1"), checks: seedStationFound, minHits: 2},
		{name: "HTTP 502 gateway page", fault: spec("fault", "html", "status", "502", "title", "502 Bad Gateway", "first", "1"), checks: seedStationFound, minHits: 2},
		{name: "HTTP 503 with Retry-After 2", fault: spec("fault", "status", "status", "503", "retry_after", "2", "first", "1"), checks: seedStationFound, minHits: 2},
		{name: "HTTP 429 with Retry-After 1", fault: spec("fault", "status", "status", "429", "retry_after", "1", "first", "1"), checks: seedStationFound, minHits: 2},
		{name: "connection reset mid-body", fault: spec("fault", "reset", "first", "1"), checks: seedStationFound, minHits: 2},
		{name: "SOAP Server fault twice", fault: spec("fault", "server-fault", "first", "2"), checks: seedStationFound, minHits: 3},
		{name: "slow answer", fault: spec("fault", "slow", "delay", "300ms"), checks: seedStationFound, minHits: 1},
		{name: "transient fault, then nothing matches", fault: spec("fault", "status", "status", "503", "first", "1"), station: "9:0",
			checks: []statecheck.StateCheck{check(stationsPath(), knownvalue.ListExact([]knownvalue.Check{}))}, minHits: 2},
		{name: "ISO-8859-1 city", fault: spec("fault", "charset", "city", "Saint-Étienne"), minHits: 1,
			checks: []statecheck.StateCheck{check(stationsPath(0, "city"), knownvalue.StringExact("Saint-Étienne"))}},
		{name: "Windows-1252 city", fault: spec("fault", "charset", "charset", "windows-1252", "city", "Besançon"), minHits: 1,
			checks: []statecheck.StateCheck{check(stationsPath(0, "city"), knownvalue.StringExact("Besançon"))}},
		{name: "NaN power becomes null", fault: spec("fault", "nan"), minHits: 1,
			checks: []statecheck.StateCheck{check(stationsPath(0, "ports", 0, "power"), knownvalue.Null())}},
		{name: "INF power becomes null", fault: spec("fault", "nan", "value", "INF"), minHits: 1,
			checks: []statecheck.StateCheck{check(stationsPath(0, "ports", 0, "power"), knownvalue.Null())}},
		{name: "stalled body", fault: spec("fault", "stall"), settings: `request_timeout = "1s"`, minHits: 1,
			err: `getPublicStations.*no complete answer within request_timeout \(1s\): the response body stalled`},
		{name: "captive portal", fault: spec("fault", "html"), minHits: 1,
			err: `answered an HTML page \(HTTP 200, title "Guest Wi-Fi – Sign in"\) rather than SOAP`},
		{name: "503 that never ends", fault: spec("fault", "status", "status", "503"), settings: `max_retries = 1`, minHits: 2,
			err: `HTTP 503.*gave up after 2 attempts: max_retries \(1\) reached`},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) { testAccFault(t, row) })
	}
}

func testAccFault(t *testing.T, row faultRow) {
	faults, err := simulator.NewFaultInjector(simulator.New(simulator.Options{
		LicenseKey: testLicenseKey, Password: testPassword, Stations: 10,
	}), "")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(faults)
	t.Cleanup(srv.Close)
	t.Cleanup(faults.Close) // runs first: a stalled answer ends before srv.Close waits for it
	station := row.station
	if station == "" {
		station = "1:81203"
	}
	config := fmt.Sprintf(`
provider "chargepoint" {
  endpoint    = %q
  license_key = %q
  password    = %q
  %s
}
data "chargepoint_public_stations" "x" {
  station_id = %q
}
`, srv.URL+simulator.Path+"?"+row.fault.Encode(), testLicenseKey, testPassword, row.settings, station)
	step := resource.TestStep{Config: config, ConfigStateChecks: row.checks}
	if row.err != "" {
		// Terraform wraps diagnostics: any space in the pattern matches a line break too.
		step.ExpectError = regexp.MustCompile(`(?s)` + strings.ReplaceAll(row.err, " ", `\s+`))
	}
	resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: testAccProviders, Steps: []resource.TestStep{step}})
	if hits := faults.Hits(row.fault.Encode()); hits < row.minHits {
		t.Errorf("the simulator saw %d requests with this fault, want at least %d", hits, row.minHits)
	}
}
