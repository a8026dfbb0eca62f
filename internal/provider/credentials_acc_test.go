package provider

import (
	"bytes"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// credentialForms are the forms of a credential counted in every output: raw and XML/HTML-escaped.
func credentialForms(secret string) []string {
	forms := []string{secret}
	for _, r := range []*strings.Replacer{
		strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;"),
		strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;"),
	} {
		if e := r.Replace(secret); e != secret {
			forms = append(forms, e)
		}
	}
	return forms
}

// TestAccCredentialsNeverShown runs apply (and show -json, output -json) with the real CLI under
// TF_LOG=TRACE for each way the credentials could come back, and counts them in every output.
func TestAccCredentialsNeverShown(t *testing.T) {
	testAccPreCheck(t)
	cli := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if cli == "" {
		t.Skip("TF_ACC_TERRAFORM_PATH is not set: this test runs the CLI itself")
	}
	if runtime.GOOS == "windows" {
		t.Skip("runs a shell-free CLI with a Unix dev_overrides path")
	}
	host := os.Getenv("TF_ACC_PROVIDER_HOST")
	if host == "" {
		host = "registry.terraform.io"
	}
	// Credentials with the characters XML escapes, so that the raw and every escaped form differ and are
	// all counted.
	const testLicenseKey, testPassword = `lk&<key>"'0123456789abcdef`, `pw&<ss>"'w0rd`
	sim := simulator.New(simulator.Options{LicenseKey: testLicenseKey, Password: testPassword, Stations: 5})
	fi, err := simulator.NewFaultInjector(sim, "")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(fi)
	t.Cleanup(srv.Close)
	t.Cleanup(fi.Close)
	endpoint := srv.URL + simulator.Path

	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "terraform-provider-chargepoint"), "../..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	rc := filepath.Join(dir, "terraformrc")
	writeFile(t, rc, fmt.Sprintf("provider_installation {\n  dev_overrides {\n    %q = %q\n  }\n  direct {}\n}\n",
		host+"/chargepoint-community/chargepoint", bin))

	cases := []struct {
		name, fault, password string
		fromEnv               bool
		wantErr               string // "" for success
	}{
		{name: "success", password: testPassword},
		{name: "responseText quoting the key", fault: "fault=text-echo", password: testPassword, wantErr: "responseCode 101"},
		{name: "auth fault quoting the key", fault: "fault=auth-echo", password: testPassword, wantErr: "ChargePoint authentication failed"},
		{name: "rejected password", password: "wrong-" + testPassword, wantErr: "ChargePoint authentication failed"},
		{name: "credentials from the environment", password: testPassword, fromEnv: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			work := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-"))
			ep := endpoint
			if tc.fault != "" {
				ep += "?" + tc.fault
			}
			creds := fmt.Sprintf("  license_key = %q\n  password    = %q\n", testLicenseKey, tc.password)
			if tc.fromEnv {
				creds = ""
			}
			writeFile(t, filepath.Join(work, "main.tf"), fmt.Sprintf(`terraform {
  required_providers {
    chargepoint = { source = "chargepoint-community/chargepoint" }
  }
}

provider "chargepoint" {
  endpoint = %q
%s}

data "chargepoint_public_stations" "x" {
  station_id = "1:81203"
}

output "stations" {
  value = data.chargepoint_public_stations.x
}
`, ep, creds))
			logPath := filepath.Join(work, "trace.log")
			env := append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1",
				"TF_LOG=TRACE", "TF_LOG_PATH="+logPath)
			if tc.fromEnv {
				env = append(env, "CHARGEPOINT_LICENSE_KEY="+testLicenseKey, "CHARGEPOINT_PASSWORD="+tc.password)
			}
			run := func(args ...string) (string, error) {
				cmd := exec.Command(cli, args...)
				cmd.Dir, cmd.Env = work, env
				var out bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &out
				err := cmd.Run()
				return out.String(), err
			}
			outputs := map[string]string{}
			applyOut, err := run("apply", "-no-color", "-auto-approve")
			outputs["apply output"] = applyOut
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("apply: %v\n%s", err, applyOut)
				}
				for _, args := range [][]string{{"show", "-json"}, {"output", "-json"}} {
					out, err := run(args...)
					if err != nil {
						t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
					}
					outputs[strings.Join(args, " ")] = out
				}
				if !strings.Contains(outputs["output -json"], "1:81203") {
					t.Errorf("output -json lacks the station:\n%s", outputs["output -json"])
				}
			} else {
				if err == nil {
					t.Fatalf("apply succeeded; want %q\n%s", tc.wantErr, applyOut)
				}
				if !strings.Contains(applyOut, tc.wantErr) {
					t.Errorf("apply output lacks %q:\n%s", tc.wantErr, applyOut)
				}
			}
			if state, err := os.ReadFile(filepath.Join(work, "terraform.tfstate")); err == nil {
				outputs["state"] = string(state)
			} else if tc.wantErr == "" {
				t.Errorf("no state: %v", err)
			}
			logData, err := os.ReadFile(logPath)
			if err != nil || len(logData) == 0 {
				t.Fatalf("empty log %s: %v", logPath, err)
			}
			outputs["log"] = string(logData)
			if !strings.Contains(outputs["log"], "ChargePoint API request") || !strings.Contains(outputs["log"], "UsernameToken") {
				t.Errorf("the log has no TRACE line of the provider's SOAP request")
			}
			for where, text := range outputs {
				for _, secret := range []string{testLicenseKey, tc.password} {
					for _, form := range credentialForms(secret) {
						if n := strings.Count(text, form); n != 0 {
							t.Errorf("%s: %d occurrences of %q", where, n, form)
						}
					}
				}
			}
		})
	}
}
