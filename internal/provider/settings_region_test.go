package provider

import (
	"context"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// validateProviderConfig runs the provider's ValidateProviderConfig on a configuration with the given
// attributes set and every other one null.
func validateProviderConfig(t *testing.T, inputs map[string]any) []*tfprotov6.Diagnostic {
	t.Helper()
	s, err := NewServer("test")()
	if err != nil {
		t.Fatal(err)
	}
	resp, err := s.ValidateProviderConfig(context.Background(), &tfprotov6.ValidateProviderConfigRequest{Config: providerConfig(t, s, inputs)})
	if err != nil {
		t.Fatal(err)
	}
	return resp.Diagnostics
}

// An unknown CHARGEPOINT_REGION is a region error on `region`, not an endpoint error.
func TestUnknownRegionFromEnvironmentIsARegionError(t *testing.T) {
	t.Setenv(envEndpoint, "")
	t.Setenv(envRegion, "AU")
	diags := validateProviderConfig(t, nil)
	if len(diags) != 1 {
		t.Fatalf("want one diagnostic, got %s", describe(diags))
	}
	d := diags[0]
	if d.Severity != tfprotov6.DiagnosticSeverityError || d.Summary != "Invalid ChargePoint region" ||
		!d.Attribute.Equal(tftypes.NewAttributePath().WithAttributeName("region")) {
		t.Errorf("diagnostic: %s at %v", describe(diags), d.Attribute)
	}
	want := `CHARGEPOINT_REGION: unknown region "AU": expected one of CA, EU, NA. Set CHARGEPOINT_REGION (or region in the ` +
		`provider block) to the region of your API credentials, or unset it for NA; for another host, set endpoint ` +
		`(CHARGEPOINT_ENDPOINT) instead.`
	if d.Detail != want {
		t.Errorf("detail:\n%s\nwant:\n%s", d.Detail, want)
	}
}

// The environment's region counts only where Configure reads it: not when the provider block sets
// region or endpoint. A region in any case is accepted from the environment, as Configure accepts it.
func TestRegionFromEnvironmentOnlyWhenConfigured(t *testing.T) {
	for name, tc := range map[string]struct {
		env    string
		inputs map[string]any
	}{
		"known region":                  {env: "EU"},
		"lower case":                    {env: "ca"},
		"unset":                         {env: ""},
		"block region wins":             {env: "AU", inputs: map[string]any{"region": "EU"}},
		"block endpoint wins":           {env: "AU", inputs: map[string]any{"endpoint": "https://example.com/5.1"}},
		"credentials only in the block": {env: "EU", inputs: map[string]any{"license_key": "k", "password": "p"}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Setenv(envEndpoint, "")
			t.Setenv(envRegion, tc.env)
			if diags := validateProviderConfig(t, tc.inputs); len(diags) != 0 {
				t.Errorf("diagnostics: %s", describe(diags))
			}
		})
	}
}

// What a user sees for CHARGEPOINT_REGION=AU: the region error, on the provider block, before any call.
func TestAccProviderUnknownRegionFromEnvironment(t *testing.T) {
	testAccPreCheck(t)
	t.Setenv(envEndpoint, "")
	t.Setenv(envRegion, "AU")
	t.Setenv(envLicenseKey, testLicenseKey)
	t.Setenv(envPassword, testPassword)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: `
provider "chargepoint" {}

data "chargepoint_networks" "all" {}
`,
			ExpectError: regexp.MustCompile(`(?s)Error: Invalid ChargePoint region.*CHARGEPOINT_REGION: unknown region "AU": expected one\s+of\s+CA, EU, NA`),
		}},
	})
}
