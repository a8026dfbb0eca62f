package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestResolveSettings(t *testing.T) {
	env := func(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }
	null := types.StringNull()
	cases := map[string]struct {
		cfg      providerModel
		env      map[string]string
		endpoint string
		err      string
	}{
		"default region": {
			cfg:      providerModel{LicenseKey: types.StringValue("k"), Password: types.StringValue("p"), Region: null, Endpoint: null},
			endpoint: "https://webservices.chargepoint.com/webservices/chargepoint/services/5.1",
		},
		"region from config beats environment endpoint": {
			cfg:      providerModel{LicenseKey: null, Password: null, Region: types.StringValue("EU"), Endpoint: null},
			env:      map[string]string{envEndpoint: "https://x.example/5.1", envLicenseKey: "k", envPassword: "p"},
			endpoint: "https://webservices-eu.chargepoint.com/webservices/chargepoint/services/5.1",
		},
		"region from environment": {
			cfg:      providerModel{LicenseKey: null, Password: null, Region: null, Endpoint: null},
			env:      map[string]string{envRegion: "CA", envLicenseKey: "k", envPassword: "p"},
			endpoint: "https://webservices-ca.chargepoint.com/webservices/chargepoint/services/5.1",
		},
		"endpoint from environment": {
			cfg:      providerModel{LicenseKey: null, Password: null, Region: null, Endpoint: null},
			env:      map[string]string{envEndpoint: "http://127.0.0.1:1234/x", envLicenseKey: "k", envPassword: "p"},
			endpoint: "http://127.0.0.1:1234/x",
		},
		"both in environment": {
			cfg: providerModel{LicenseKey: null, Password: null, Region: null, Endpoint: null},
			env: map[string]string{envEndpoint: "https://x.example/5.1", envRegion: "EU"},
			err: "CHARGEPOINT_ENDPOINT and CHARGEPOINT_REGION are both set",
		},
		"remote http from environment": {
			cfg: providerModel{LicenseKey: null, Password: null, Region: null, Endpoint: null},
			env: map[string]string{envEndpoint: "http://example.com/5.1"},
			err: "CHARGEPOINT_ENDPOINT: \"http://example.com/5.1\" uses plain http",
		},
		"unknown region from environment": {
			cfg: providerModel{LicenseKey: null, Password: null, Region: null, Endpoint: null},
			env: map[string]string{envRegion: "AU"},
			err: "CHARGEPOINT_REGION: unknown region \"AU\"",
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			s := resolveSettings(tc.cfg, env(tc.env))
			got, err := s.endpoint()
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || got != tc.endpoint {
				t.Fatalf("endpoint = %q, %v; want %q", got, err, tc.endpoint)
			}
			if len(s.missing()) != 0 {
				t.Errorf("missing %v", s.missing())
			}
		})
	}
}
