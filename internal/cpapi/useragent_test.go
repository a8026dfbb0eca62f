package cpapi

import (
	"context"
	"net/http"
	"os"
	"testing"
)

// The provider's User-Agent reaches the server in HashiCorp's form, with TF_APPEND_USER_AGENT (trimmed)
// after a space when it is set and not blank.
func TestUserAgentHeader(t *testing.T) {
	const base = "Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-chargepoint/1.2.3"
	for _, tc := range []struct {
		name  string
		set   bool // false: TF_APPEND_USER_AGENT unset
		value string
		want  string
	}{
		{"unset", false, "", base},
		{"empty", true, "", base},
		{"blank", true, " \n\t", base},
		{"product", true, "ci-runner/7", base + " ci-runner/7"},
		{"trimmed, comment kept", true, "  JenkinsAgent/i-1234 BuildID/56 (nightly)\n", base + " JenkinsAgent/i-1234 BuildID/56 (nightly)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// t.Setenv restores the variable's value (or its absence) after the test, unset included.
			t.Setenv("TF_APPEND_USER_AGENT", tc.value)
			if !tc.set {
				if err := os.Unsetenv("TF_APPEND_USER_AGENT"); err != nil {
					t.Fatal(err)
				}
			}
			fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
				write(w, 200, soapOK("getPublicStations", ok100+`<moreFlag>0</moreFlag>`))
			})
			c, err := New(Config{Endpoint: fs.URL + ServicePath, LicenseKey: testKey, Password: testPassword,
				UserAgent: UserAgent("1.9.8", "1.2.3"), MaxConcurrentRequests: 1})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.GetPublicStations(context.Background(), guideQuery()); err != nil {
				t.Fatal(err)
			}
			if got := fs.last().header.Values("User-Agent"); len(got) != 1 || got[0] != tc.want {
				t.Errorf("User-Agent = %q, want exactly %q", got, tc.want)
			}
		})
	}
}
