package provider

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

const (
	testLicenseKey = "0123456789abcdef0123456789abcdef0123456789abcdef0123456"
	testPassword   = "0123456789abcdef0123456789abcdef"
)

var testAccProviders = map[string]func() (tfprotov6.ProviderServer, error){
	"chargepoint": NewServer("test"),
}

// testSim is a simulator on loopback for one test.
type testSim struct {
	*simulator.Server
	endpoint string

	mu         sync.Mutex
	userAgents map[string]bool
}

func startSimulator(t *testing.T, opts simulator.Options) *testSim {
	t.Helper()
	if opts.LicenseKey == "" {
		opts.LicenseKey, opts.Password = testLicenseKey, testPassword
	}
	ts := &testSim{Server: simulator.New(opts), userAgents: map[string]bool{}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ts.mu.Lock()
		ts.userAgents[r.UserAgent()] = true
		ts.mu.Unlock()
		ts.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	ts.endpoint = srv.URL + simulator.Path
	return ts
}

// seenUserAgents returns the distinct User-Agent headers the simulator received.
func (s *testSim) seenUserAgents() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for ua := range s.userAgents {
		out = append(out, ua)
	}
	return out
}

// providerConfig configures the provider for the simulator explicitly, so the tests never depend on
// CHARGEPOINT_* variables of the machine that runs them.
func (s *testSim) providerConfig() string {
	return s.providerConfigWith(testPassword)
}

func (s *testSim) providerConfigWith(password string) string {
	return fmt.Sprintf(`
provider "chargepoint" {
  endpoint    = %q
  license_key = %q
  password    = %q
}
`, s.endpoint, testLicenseKey, password)
}

func TestAccProviderConfiguration(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 10})
	query := `
data "chargepoint_public_stations" "x" {
  station_id = "1:81203"
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      sim.providerConfigWith("wrong-password") + query,
				ExpectError: regexp.MustCompile(`(?s)ChargePoint authentication failed.*license\s+key,\s+password\s+or\s+region\s+is\s+wrong`),
			},
			{
				Config: `
provider "chargepoint" {
  endpoint    = "http://webservices.chargepoint.com/webservices/chargepoint/services/5.1"
  license_key = "k"
  password    = "p"
}
` + query,
				ExpectError: regexp.MustCompile(`(?s)plain http on a non-loopback host`),
			},
			{
				Config: `
provider "chargepoint" {
  region      = "EU"
  endpoint    = "https://example.com/x"
  license_key = "k"
  password    = "p"
}
` + query,
				ExpectError: regexp.MustCompile(`(?s)Attribute "endpoint" cannot be specified when "region" is specified`),
			},
			{
				Config: `
provider "chargepoint" {
  region = "AU"
}
` + query,
				ExpectError: regexp.MustCompile(`(?s)Attribute region value must be one of`),
			},
		},
	})
}

func TestAccProviderMissingCredentials(t *testing.T) {
	testAccPreCheck(t)
	t.Setenv(envLicenseKey, "")
	t.Setenv(envPassword, "")
	sim := startSimulator(t, simulator.Options{Stations: 10})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "chargepoint" {
  endpoint = %q
}
data "chargepoint_public_stations" "x" {}
`, sim.endpoint),
			ExpectError: regexp.MustCompile(`(?s)Missing ChargePoint license_key.*CHARGEPOINT_LICENSE_KEY.*Missing ChargePoint password.*CHARGEPOINT_PASSWORD`),
		}},
	})
}

func TestAccProviderFromEnvironment(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 10})
	t.Setenv(envEndpoint, sim.endpoint)
	t.Setenv(envLicenseKey, testLicenseKey)
	t.Setenv(envPassword, testPassword)
	t.Setenv(envRegion, "")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: `
provider "chargepoint" {}
data "chargepoint_public_stations" "x" {
  station_id = "1:81203"
}
`,
			Check: resource.TestCheckResourceAttr("data.chargepoint_public_stations.x", "stations.0.station_name", "CHARGEPOINT / HQ 5"),
		}},
	})
}

func TestAccProviderUnknownConfiguration(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 10})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
resource "terraform_data" "key" {
  input = %q
}
provider "chargepoint" {
  endpoint    = %q
  license_key = terraform_data.key.output
  password    = %q
}
data "chargepoint_public_stations" "x" {
  station_id = "1:81203"
}
`, testLicenseKey, sim.endpoint, testPassword),
			ExpectError: regexp.MustCompile(`(?s)Unknown ChargePoint provider license_key.*not known until apply`),
		}},
	})
}

func TestAccProviderUserAgent(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 10})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + `
data "chargepoint_public_stations" "x" {
  station_id = "1:81203"
}
`,
			Check: func(*terraform.State) error {
				agents := sim.seenUserAgents()
				want := regexp.MustCompile(`^Terraform/\d+\.\d+\.\d+\S* \(\+https://www\.terraform\.io\) terraform-provider-chargepoint/test( |$)`)
				if len(agents) != 1 || !want.MatchString(agents[0]) {
					return fmt.Errorf("User-Agent headers %q, want one matching %s", agents, want)
				}
				return nil
			},
		}},
	})
}
