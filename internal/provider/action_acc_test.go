package provider

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// Actions need Terraform 1.14 or later; OpenTofu has none. These tests skip elsewhere, saying why.

// actionsCLI are the version checks of every test that uses actions.
var actionsCLI = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0), skipOnOpenTofu{}}

// skipOnOpenTofu skips on OpenTofu (acc.sh points terraform-plugin-testing at registry.opentofu.org for
// it): OpenTofu has no actions or list resources, whatever its version.
type skipOnOpenTofu struct{}

func (skipOnOpenTofu) CheckTerraformVersion(_ context.Context, _ tfversion.CheckTerraformVersionRequest, resp *tfversion.CheckTerraformVersionResponse) {
	if isOpenTofu(os.Getenv("TF_ACC_TERRAFORM_PATH")) {
		resp.Skip = "OpenTofu has no provider actions or list resources (Terraform 1.14 and later)"
	}
}

func isOpenTofu(cli string) bool {
	return os.Getenv("TF_ACC_PROVIDER_HOST") == "registry.opentofu.org" || strings.HasPrefix(filepath.Base(cli), "tofu")
}

// unshedStation is the first station of the data set with two ports or more and no shed.
func unshedStation(t *testing.T, sim *testSim) simulator.Station {
	t.Helper()
	for _, st := range sim.Dataset().Stations() {
		if len(st.Ports) > 1 && len(sim.StationShed(st.ID)) == 0 {
			return st
		}
	}
	t.Fatal("no unshed station with two ports in the simulator's data set")
	return simulator.Station{}
}

func checkSim(f func() error) resource.TestCheckFunc {
	return func(*terraform.State) error { return f() }
}

// TestAccActionTriggers: actions invoked by action_trigger in a terraform_data resource's lifecycle:
// chargepoint_shed_load after create, then chargepoint_clear_shed_state and chargepoint_clear_alarms
// after update, each checked in the simulator.
func TestAccActionTriggers(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	st := unshedStation(t, sim)
	alarm := sim.Alarms()[0]
	trigger := func(input, events string, actions ...string) string {
		return fmt.Sprintf(`
resource "terraform_data" "event" {
  input = %q
  lifecycle {
    action_trigger {
      events  = [%s]
      actions = [%s]
    }
  }
}
`, input, events, strings.Join(actions, ", "))
	}
	actionsHCL := fmt.Sprintf(`
action "chargepoint_shed_load" "garage" {
  config {
    station_id       = %[1]q
    percent_shed     = 40
    duration_minutes = 0
    ports = [{ port_number = %[2]d, allowed_load_kw = 1.5 }]
  }
}

action "chargepoint_shed_load" "group" {
  config {
    sg_id           = %[3]d
    allowed_load_kw = 3.3
  }
}

action "chargepoint_clear_shed_state" "garage" {
  config {
    station_id = %[1]q
  }
}

action "chargepoint_clear_alarms" "station" {
  config {
    station_id   = %[4]q
    alarm_type   = %[5]q
    clear_reason = "acceptance test"
  }
}
`, st.ID, st.Ports[1].Number, simulator.HealthyGroupID, alarm.StationID, alarm.Type)

	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   actionsCLI,
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			{
				Config: sim.providerConfig() + actionsHCL +
					trigger("shed", "after_create", "action.chargepoint_shed_load.garage", "action.chargepoint_shed_load.group"),
				Check: checkSim(func() error {
					shed := sim.StationShed(st.ID)
					if len(shed) != len(st.Ports) {
						return fmt.Errorf("station %s: %d of %d ports shed after chargepoint_shed_load: %+v", st.ID, len(shed), len(st.Ports), shed)
					}
					if p := shed[st.Ports[0].Number]; !p.ByPercent || p.PercentShed != 40 {
						return fmt.Errorf("port %d: want percent_shed 40, got %+v", st.Ports[0].Number, p)
					}
					if p := shed[st.Ports[1].Number]; p.ByPercent || p.AllowedLoad != 1.5 || !p.PerPort {
						return fmt.Errorf("port %d: want allowed_load_kw 1.5 on the port, got %+v", st.Ports[1].Number, p)
					}
					if g, ok := sim.GroupShed(simulator.HealthyGroupID); !ok || g.ByPercent || g.AllowedLoad != 3.3 {
						return fmt.Errorf("group %d: want allowed_load_kw 3.3, got %+v (shed: %v)", simulator.HealthyGroupID, g, ok)
					}
					return nil
				}),
			},
			{
				Config: sim.providerConfig() + actionsHCL +
					trigger("clear", "after_update", "action.chargepoint_clear_shed_state.garage", "action.chargepoint_clear_alarms.station"),
				Check: checkSim(func() error {
					if shed := sim.StationShed(st.ID); len(shed) != 0 {
						return fmt.Errorf("station %s still shed after chargepoint_clear_shed_state: %+v", st.ID, shed)
					}
					for _, a := range sim.Alarms() {
						if a.StationID == alarm.StationID && a.Type == alarm.Type {
							return fmt.Errorf("alarm %+v not cleared by chargepoint_clear_alarms", a)
						}
					}
					cleared := sim.ClearedAlarms()
					if len(cleared) == 0 || cleared[0].Reason != "acceptance test" {
						return fmt.Errorf("want cleared alarms with reason %q, got %+v", "acceptance test", cleared)
					}
					return nil
				}),
			},
		},
	})
}

// TestAccActionValidation: the shed validation, shared with chargepoint_load_shed, at plan time.
func TestAccActionValidation(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	step := func(config, want string) resource.TestStep {
		return resource.TestStep{
			Config: sim.providerConfig() + `
action "chargepoint_shed_load" "x" {
  config {
` + config + `
  }
}
resource "terraform_data" "x" {
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.chargepoint_shed_load.x]
    }
  }
}
`,
			ExpectError: regexp.MustCompile(want),
		}
	}
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   actionsCLI,
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{
			step(`sg_id = 1
station_id = "1:2"
percent_shed = 10`, `sg_id.*station_id|station_id.*sg_id`),
			step(`station_id = "1:2"
percent_shed = 10
allowed_load_kw = 1`, `allowed_load_kw.*percent_shed|percent_shed.*allowed_load_kw`),
			step(`station_id = "1:2"
percent_shed = 101`, `between 0 and 100`),
			step(`station_id = "1:2"
allowed_load_kw = -1`, `at least 0`),
			step(`station_id = "1:2"
ports = [{ port_number = 1, percent_shed = 10 }, { port_number = 1, percent_shed = 20 }]`, `Duplicate port number`),
			step(`sg_id = 20006
ports = [{ port_number = 1, percent_shed = 10 }]`, `sg_id.*ports|ports.*sg_id`),
			step(`station_id = "1:2"`, `Missing shed limit`),
		},
	})
}

// TestAccActionInvoke: terraform apply -invoke=action.<type>.<name>, which terraform-plugin-testing
// cannot run: the test runs the CLI itself, with a provider binary it builds and a dev_overrides CLI
// configuration, against the simulator.
func TestAccActionInvoke(t *testing.T) {
	testAccPreCheck(t)
	cli := actionsCLIPath(t)
	sim := startSimulator(t, simulator.Options{})
	st := unshedStation(t, sim)
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "terraform-provider-chargepoint"), "../..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	rc := filepath.Join(dir, "terraformrc")
	writeFile(t, rc, fmt.Sprintf(`provider_installation {
  dev_overrides {
    "registry.terraform.io/chargepoint-community/chargepoint" = %q
  }
  direct {}
}
`, bin))
	work := filepath.Join(dir, "work")
	writeFile(t, filepath.Join(work, "main.tf"), `terraform {
  required_providers {
    chargepoint = { source = "chargepoint-community/chargepoint" }
  }
}
`+sim.providerConfig()+fmt.Sprintf(`
action "chargepoint_shed_load" "garage" {
  config {
    station_id   = %[1]q
    percent_shed = 25
  }
}

action "chargepoint_clear_shed_state" "garage" {
  config {
    station_id = %[1]q
  }
}
`, st.ID))
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(cli, args...)
		cmd.Dir = work
		cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s %s: %v\n%s", cli, strings.Join(args, " "), err, out.String())
		}
		return out.String()
	}

	out := run("apply", "-no-color", "-auto-approve", "-invoke=action.chargepoint_shed_load.garage")
	shed := sim.StationShed(st.ID)
	if len(shed) != len(st.Ports) {
		t.Fatalf("after -invoke=action.chargepoint_shed_load.garage: %d of %d ports of %s shed: %+v\n%s", len(shed), len(st.Ports), st.ID, shed, out)
	}
	for n, p := range shed {
		if !p.ByPercent || p.PercentShed != 25 {
			t.Errorf("port %d: want percent_shed 25, got %+v", n, p)
		}
	}
	if !strings.Contains(out, "shedLoad for station_id") {
		t.Errorf("the progress messages are not in the output:\n%s", out)
	}

	out = run("apply", "-no-color", "-auto-approve", "-invoke=action.chargepoint_clear_shed_state.garage")
	if shed := sim.StationShed(st.ID); len(shed) != 0 {
		t.Fatalf("after -invoke=action.chargepoint_clear_shed_state.garage, %s is still shed: %+v\n%s", st.ID, shed, out)
	}
}

// actionsCLIPath is TF_ACC_TERRAFORM_PATH when it is Terraform 1.14 or later; the test skips otherwise.
func actionsCLIPath(t *testing.T) string {
	t.Helper()
	cli := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if cli == "" {
		t.Skip("TF_ACC_TERRAFORM_PATH is not set: this test runs the CLI itself (make acc-terraform-actions)")
	}
	if isOpenTofu(cli) {
		t.Skip("OpenTofu has no provider actions (Terraform 1.14 and later)")
	}
	out, err := exec.Command(cli, "version").Output()
	if err != nil {
		t.Fatalf("%s version: %v", cli, err)
	}
	m := regexp.MustCompile(`(?m)^(Terraform|OpenTofu) v(\S+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("%s version printed no version:\n%s", cli, out)
	}
	if string(m[1]) == "OpenTofu" {
		t.Skip("OpenTofu has no provider actions (Terraform 1.14 and later)")
	}
	var major, minor int
	if _, err := fmt.Sscanf(string(m[2]), "%d.%d", &major, &minor); err != nil {
		t.Fatalf("%s version: %q: %v", cli, m[2], err)
	}
	if major < 1 || major == 1 && minor < 14 {
		t.Skipf("Terraform %s: actions need Terraform 1.14.0 or later", m[2])
	}
	if runtime.GOOS == "windows" {
		t.Skip("runs a shell-free CLI with a Unix dev_overrides path")
	}
	return cli
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}
