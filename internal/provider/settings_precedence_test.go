package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// What the provider documentation says about the provider block and the environment: the block wins,
// region and endpoint go together, and an empty string in the block counts as set.
func TestProviderBlockWinsOverEnvironment(t *testing.T) {
	null, nullInt := types.StringNull(), types.Int64Null()
	base := providerModel{LicenseKey: null, Password: null, Region: null, Endpoint: null,
		MaxRetries: nullInt, RequestTimeout: null, CACertFile: null, CACertPEM: null,
		MaxConcurrentRequests: nullInt, MaxRecords: nullInt}
	env := map[string]string{
		envLicenseKey: "env-key", envPassword: "env-password", envRegion: "EU",
		envMaxRetries: "0", envRequestTimeout: "5s", envMaxConcurrentRequests: "2", envMaxRecords: "10",
	}
	getenv := func(k string) string { return env[k] }

	cfg := base
	cfg.LicenseKey, cfg.Password = types.StringValue("block-key"), types.StringValue("")
	cfg.MaxRetries, cfg.RequestTimeout = types.Int64Value(5), types.StringValue("1m")
	cfg.MaxConcurrentRequests, cfg.MaxRecords = types.Int64Value(7), types.Int64Value(99)
	s := resolveSettings(cfg, getenv)
	if s.licenseKey != "block-key" {
		t.Errorf("license key %q, want the block's", s.licenseKey)
	}
	if m := s.missing(); len(m) != 1 || m[0].attribute != "password" {
		t.Errorf(`password = "" must be missing, not CHARGEPOINT_PASSWORD: missing %v`, m)
	}
	res, err := resolveResilience(cfg, getenv, nil)
	if err != nil || res.MaxRetries != 5 || res.RequestTimeout.String() != "1m0s" {
		t.Errorf("resilience %+v, %v; want the block's 5 retries and 1m", res, err)
	}
	paging, err := resolvePaging(cfg, getenv)
	if err != nil || paging.MaxConcurrentRequests != 7 || paging.MaxRecords != 99 {
		t.Errorf("paging %+v, %v; want the block's 7 and 99", paging, err)
	}

	// Without the block's values, the environment's.
	res, err = resolveResilience(base, getenv, nil)
	if err != nil || res.MaxRetries != 0 || res.RequestTimeout.String() != "5s" {
		t.Errorf("resilience %+v, %v; want CHARGEPOINT_MAX_RETRIES=0 (off) and 5s", res, err)
	}
	if paging, err = resolvePaging(base, getenv); err != nil || paging.MaxConcurrentRequests != 2 || paging.MaxRecords != 10 {
		t.Errorf("paging %+v, %v; want the environment's 2 and 10", paging, err)
	}
	if s := resolveSettings(base, getenv); s.licenseKey != "env-key" || s.password != "env-password" {
		t.Errorf("credentials %q %q, want the environment's", s.licenseKey, s.password)
	}

	// An endpoint in the block ignores CHARGEPOINT_REGION (and a region in the block
	// CHARGEPOINT_ENDPOINT: TestResolveSettings).
	cfg = base
	cfg.Endpoint = types.StringValue("https://example.com/5.1")
	if got, err := resolveSettings(cfg, getenv).endpoint(); err != nil || got != "https://example.com/5.1" {
		t.Errorf("endpoint %q, %v", got, err)
	}
	if got, err := resolveSettings(base, getenv).endpoint(); err != nil || !strings.Contains(got, "webservices-eu.") {
		t.Errorf("endpoint from CHARGEPOINT_REGION=EU: %q, %v", got, err)
	}
}

// A provider alias falls back to the same environment variables as the default configuration: an alias
// with its own license key and endpoint but no password sends CHARGEPOINT_PASSWORD, which its server
// rejects; with its own password it reads.
func TestAccProviderAliasTakesEnvironmentPassword(t *testing.T) {
	testAccPreCheck(t)
	home := startSimulator(t, simulator.Options{Stations: 10})
	const otherKey, otherPassword = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9", "fedcba9876543210fedcba9876543210"
	other := startSimulator(t, simulator.Options{Stations: 10, LicenseKey: otherKey, Password: otherPassword})
	t.Setenv(envRegion, "")
	t.Setenv(envEndpoint, home.endpoint)
	t.Setenv(envLicenseKey, testLicenseKey)
	t.Setenv(envPassword, testPassword)
	config := func(aliasPassword string) string {
		return fmt.Sprintf(`
provider "chargepoint" {}

provider "chargepoint" {
  alias       = "other"
  endpoint    = %q
  license_key = %q
  %s
}

data "chargepoint_stations" "home" {
  station_id = "1:81203"
}

data "chargepoint_stations" "other" {
  provider   = chargepoint.other
  station_id = "1:81203"
}

output "found" {
  value = [length(data.chargepoint_stations.home.stations), length(data.chargepoint_stations.other.stations)]
}
`, other.endpoint, otherKey, aliasPassword)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config:      config(""),
				ExpectError: regexp.MustCompile(`(?s)ChargePoint authentication failed.*with data\.chargepoint_stations\.other`),
			},
			{
				Config: config(fmt.Sprintf("password = %q", otherPassword)),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("found", knownvalue.ListExact([]knownvalue.Check{
						knownvalue.Int64Exact(1), knownvalue.Int64Exact(1),
					})),
				},
			},
		},
	})
}

// Every CHARGEPOINT_* variable the provider reads is in the environment table of the provider
// documentation and of the README.
func TestEveryEnvironmentVariableDocumented(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	read := map[string]bool{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`"(CHARGEPOINT_[A-Z_]+)"`).FindAllStringSubmatch(string(src), -1) {
			read[m[1]] = true
		}
	}
	if len(read) != 9 {
		t.Errorf("the provider reads %d CHARGEPOINT_* variables, the docs say 9: %v", len(read), read)
	}
	for _, doc := range []string{"../../templates/index.md.tmpl", "../../docs/index.md", "../../README.md"} {
		text, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		for v := range read {
			if !strings.Contains(string(text), "| `"+v+"` |") {
				t.Errorf("%s has no table row for %s", doc, v)
			}
		}
	}
}
