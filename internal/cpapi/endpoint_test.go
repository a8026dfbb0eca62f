package cpapi

import (
	"strings"
	"testing"
)

func TestValidateEndpoint(t *testing.T) {
	cases := map[string]string{ // URL -> "" or a fragment of the error
		"https://webservices.chargepoint.com/webservices/chargepoint/services/5.1": "",
		"https://example.com:8443/x":           "",
		"http://127.0.0.1:8080/webservices":    "",
		"http://127.8.9.10/x":                  "",
		"http://[::1]:9000/x":                  "",
		"http://localhost:9000/x":              "",
		"http://webservices.chargepoint.com/x": "plain http on a non-loopback host",
		"http://10.0.0.5/x":                    "plain http on a non-loopback host",
		"http://127.0.0.1.example.com/x":       "plain http on a non-loopback host",
		"ftp://127.0.0.1/x":                    "scheme must be https",
		"webservices.chargepoint.com":          "has no host",
		"https://":                             "has no host",
	}
	for u, want := range cases {
		err := ValidateEndpoint(u)
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: unexpected error %v", u, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%s: error %v, want it to contain %q", u, err, want)
		}
	}
	if _, err := New(Config{Endpoint: "http://10.0.0.5/x", LicenseKey: "k", Password: "p"}); err == nil {
		t.Error("New accepted plain http to a remote host")
	}
}

func TestRegionEndpoint(t *testing.T) {
	for region, want := range map[string]string{
		"NA": "https://webservices.chargepoint.com/webservices/chargepoint/services/5.1",
		"CA": "https://webservices-ca.chargepoint.com/webservices/chargepoint/services/5.1",
		"EU": "https://webservices-eu.chargepoint.com/webservices/chargepoint/services/5.1",
	} {
		if got, err := RegionEndpoint(region); err != nil || got != want {
			t.Errorf("%s: %s, %v", region, got, err)
		}
	}
	if _, err := RegionEndpoint("AU"); err == nil || !strings.Contains(err.Error(), "CA, EU, NA") {
		t.Errorf("AU: %v", err)
	}
}
