package provider

import (
	"fmt"
	"net/http/httptest"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

const fleetVehicleRes = "chargepoint_fleet_vehicle.van"

// fleetVehicleSim is a simulator behind a fault injector: a step's endpoint may carry a fault spec.
type fleetVehicleSim struct {
	*simulator.Server
	url    string
	faults *simulator.FaultInjector
}

func startFleetVehicleSim(t *testing.T) *fleetVehicleSim {
	t.Helper()
	sim := simulator.New(simulator.Options{LicenseKey: testLicenseKey, Password: testPassword})
	faults, err := simulator.NewFaultInjector(sim, "")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(faults)
	t.Cleanup(srv.Close)
	t.Cleanup(faults.Close)
	return &fleetVehicleSim{Server: sim, url: srv.URL + simulator.Path, faults: faults}
}

// config is the provider block (with fault, a fault spec such as "fault=lost&op=addFleetVehicle&first=1")
// and the resources.
func (s *fleetVehicleSim) config(fault, resources string) string {
	endpoint := s.url
	if fault != "" {
		endpoint += "?" + fault
	}
	return fmt.Sprintf(`
provider "chargepoint" {
  endpoint    = %q
  license_key = %q
  password    = %q
}
%s`, endpoint, testLicenseKey, testPassword, resources)
}

// byPlate returns the simulator's vehicles with a license plate.
func (s *fleetVehicleSim) byPlate(plate string) []simulator.FleetVehicle {
	var out []simulator.FleetVehicle
	for _, v := range s.FleetVehicles() {
		if v.License == plate {
			out = append(out, v)
		}
	}
	return out
}

// checkDestroyed asks the simulator that no vehicle with these plates is left.
func (s *fleetVehicleSim) checkDestroyed(plates ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		for _, p := range plates {
			if n := len(s.byPlate(p)); n != 0 {
				return fmt.Errorf("%d vehicles with license plate %s left after destroy", n, p)
			}
		}
		return nil
	}
}

// simHas checks the simulator's vehicle of the resource's id with check.
func (s *fleetVehicleSim) simHas(id *string, check func(v simulator.FleetVehicle) error) resource.TestCheckFunc {
	return resource.TestCheckResourceAttrWith(fleetVehicleRes, "id", func(got string) error {
		*id = got
		v, ok := s.FleetVehicle(got)
		if !ok {
			return fmt.Errorf("the simulator has no fleet vehicle %s", got)
		}
		return check(v)
	})
}

func vehicleHCL(attrs string) string {
	return `
resource "chargepoint_fleet_vehicle" "van" {
  charge_point_card_serial_numbers = ["CARD-0001", "CARD-0002"]
  license_plate                    = "7ABC123"
  fleet_name                       = "Delivery"
  make                             = "Ford"
  year                             = "2024"
` + attrs + `}
`
}

func TestAccFleetVehicleLifecycle(t *testing.T) {
	testAccPreCheck(t)
	sim := startFleetVehicleSim(t)
	var id, firstID string
	created := vehicleHCL(`
  model                = "E-Transit"
  vin                  = "1FTBW9CK0PKA00001"
  color                = "White"
  vehicle_id           = "VAN-7"
  mifare_ids           = ["04A1B2C3"]
  vehicle_port_mac_ids = ["00:11:22:33:44:55"]
`)
	updated := vehicleHCL(`
  model                = "E-Transit Custom"
  color                = "Red"
  vehicle_id           = "VAN-7"
  mifare_ids           = ["04A1B2C3", "04D4E5F6"]
  vehicle_port_mac_ids = ["00:11:22:33:44:55"]
`)
	replaced := vehicleHCL(`
  model                = "E-Transit Custom"
  color                = "Red"
  vehicle_id           = "VAN-7"
  company_code         = "4512"
`)
	emptyAfterApply := resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             sim.checkDestroyed("7ABC123"),
		Steps: []resource.TestStep{
			{ // create and read
				Config: sim.config("", created),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(fleetVehicleRes, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(fleetVehicleRes, tfjsonpath.New("id"), knownvalue.StringRegexp(regexp.MustCompile(`^FV\d+$`))),
					statecheck.ExpectKnownValue(fleetVehicleRes, tfjsonpath.New("charge_point_card_serial_numbers"),
						knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact("CARD-0001"), knownvalue.StringExact("CARD-0002")})),
					statecheck.ExpectKnownValue(fleetVehicleRes, tfjsonpath.New("org_id"), knownvalue.StringExact("1:ORG00001")),
					statecheck.ExpectKnownValue(fleetVehicleRes, tfjsonpath.New("organization_name"), knownvalue.StringExact("ChargePoint")),
					statecheck.ExpectKnownValue(fleetVehicleRes, tfjsonpath.New("company_code"), knownvalue.Null()),
					statecheck.ExpectKnownValue(fleetVehicleRes, tfjsonpath.New("driver_id"), knownvalue.Null()),
				},
				Check: sim.simHas(&id, func(v simulator.FleetVehicle) error {
					firstID = v.ID
					got := []any{v.License, v.FleetName, v.Make, v.Model, v.Year, v.VIN, v.Color, v.VehicleID}
					want := []any{"7ABC123", "Delivery", "Ford", "E-Transit", 2024, "1FTBW9CK0PKA00001", "White", "VAN-7"}
					if fmt.Sprint(got) != fmt.Sprint(want) || !slices.Equal(v.CredentialIDs, []string{"CARD-0001", "CARD-0002"}) ||
						!slices.Equal(v.MifareIDs, []string{"04A1B2C3"}) || !slices.Equal(v.PortMACs, []string{"00:11:22:33:44:55"}) {
						return fmt.Errorf("simulator vehicle %+v", v)
					}
					return nil
				}),
			},
			{ // update in place: model and color changed, vin removed (cleared), a MIFARE ID added
				Config: sim.config("", updated),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(fleetVehicleRes, plancheck.ResourceActionUpdate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(fleetVehicleRes, tfjsonpath.New("vin"), knownvalue.Null()),
					statecheck.ExpectKnownValue(fleetVehicleRes, tfjsonpath.New("color"), knownvalue.StringExact("Red")),
				},
				Check: sim.simHas(&id, func(v simulator.FleetVehicle) error {
					if v.ID != firstID || v.Model != "E-Transit Custom" || v.Color != "Red" || v.VIN != "" ||
						!slices.Equal(v.MifareIDs, []string{"04A1B2C3", "04D4E5F6"}) {
						return fmt.Errorf("not updated in place: %+v (first ID %s)", v, firstID)
					}
					return nil
				}),
			},
			{ // drift: changed outside Terraform, planned back
				PreConfig: func() {
					if !sim.ChangeFleetVehicle(id, func(v *simulator.FleetVehicle) { v.Color, v.Model = "Blue", "Tourneo" }) {
						t.Fatalf("no vehicle %s to change", id)
					}
				},
				Config: sim.config("", updated),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(fleetVehicleRes, plancheck.ResourceActionUpdate),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: sim.simHas(&id, func(v simulator.FleetVehicle) error {
					if v.Color != "Red" || v.Model != "E-Transit Custom" {
						return fmt.Errorf("drift not corrected: %+v", v)
					}
					return nil
				}),
			},
			{ // a refresh-only plan shows the drift
				PreConfig: func() {
					sim.ChangeFleetVehicle(id, func(v *simulator.FleetVehicle) { v.Color = "Green" })
				},
				Config:             sim.config("", updated),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{ // replace: company_code, and removing every vehicle port MAC ID
				Config: sim.config("", replaced),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(fleetVehicleRes, plancheck.ResourceActionDestroyBeforeCreate)},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(fleetVehicleRes, tfjsonpath.New("org_id"), knownvalue.StringExact("1:ORG04512")),
					statecheck.ExpectKnownValue(fleetVehicleRes, tfjsonpath.New("organization_name"), knownvalue.StringExact("Golden Gate Mobility")),
				},
				Check: sim.simHas(&id, func(v simulator.FleetVehicle) error {
					if v.ID == firstID {
						return fmt.Errorf("not replaced: still %s", v.ID)
					}
					if _, ok := sim.FleetVehicle(firstID); ok {
						return fmt.Errorf("the replaced vehicle %s was not deleted", firstID)
					}
					if len(v.PortMACs) != 0 || len(v.MifareIDs) != 0 || v.OrgID != "1:ORG04512" || v.Color != "Red" {
						return fmt.Errorf("replacement %+v", v)
					}
					return nil
				}),
			},
			{ // import by ID
				ResourceName:            fleetVehicleRes,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"company_code", "mifare_ids", "vehicle_port_mac_ids"},
			},
			{ // import block with -generate-config-out: the generated configuration plans empty
				ResourceName:    fleetVehicleRes,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				GenerateConfig:  true,
			},
			{ // deleted outside Terraform: removed from state, planned for creation
				PreConfig: func() {
					if !sim.DeleteFleetVehicle(id) {
						t.Fatalf("no vehicle %s to delete", id)
					}
				},
				Config: sim.config("", replaced),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply:             []plancheck.PlanCheck{plancheck.ExpectResourceAction(fleetVehicleRes, plancheck.ResourceActionCreate)},
					PostApplyPostRefresh: emptyAfterApply.PostApplyPostRefresh,
				},
				Check: func(s *terraform.State) error {
					vs := sim.byPlate("7ABC123")
					if len(vs) != 1 || vs[0].ID == id || s.RootModule().Resources[fleetVehicleRes].Primary.ID != vs[0].ID {
						return fmt.Errorf("after re-creation the simulator has %+v (deleted: %s)", vs, id)
					}
					return nil
				},
			},
		},
	})
}

// The answer to addFleetVehicle is lost after the vehicle was added: the provider adopts it, so there
// is neither a duplicate nor an orphan.
func TestAccFleetVehicleLostAddAdopted(t *testing.T) {
	testAccPreCheck(t)
	sim := startFleetVehicleSim(t)
	const fault = "fault=lost&op=addFleetVehicle&first=1"
	t.Cleanup(func() {
		if n := sim.faults.Hits(fault); n != 1 {
			t.Errorf("the simulator saw %d addFleetVehicle requests with the fault, want 1 (an add is never repeated)", n)
		}
	})
	hcl := vehicleHCL(`  model = "E-Transit"` + "\n")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             sim.checkDestroyed("7ABC123"),
		Steps: []resource.TestStep{
			{
				Config: sim.config(fault, hcl),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: func(s *terraform.State) error {
					vs := sim.byPlate("7ABC123")
					if len(vs) != 1 {
						return fmt.Errorf("the simulator has %d vehicles with the plate, want 1", len(vs))
					}
					if got := s.RootModule().Resources[fleetVehicleRes].Primary.ID; got != vs[0].ID {
						return fmt.Errorf("state id %s, simulator's vehicle %s", got, vs[0].ID)
					}
					return nil
				},
			},
			{ // the next plan, without the fault, is empty too
				Config:   sim.config("", hcl),
				PlanOnly: true,
			},
		},
	})
}

// An ambiguous add that was not applied (HTTP 500 before the simulator handles it): nothing to adopt,
// so the apply fails with the adoption's error and nothing is in the state; the next apply adds it.
func TestAccFleetVehicleAmbiguousAddNotApplied(t *testing.T) {
	testAccPreCheck(t)
	sim := startFleetVehicleSim(t)
	const fault = "fault=status&status=500&op=addFleetVehicle&first=1"
	t.Cleanup(func() {
		if n := sim.faults.Hits(fault); n != 1 {
			t.Errorf("the simulator saw %d addFleetVehicle requests, want 1 (an ambiguous add is never repeated)", n)
		}
	})
	hcl := vehicleHCL(`  model = "E-Transit"` + "\n")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             sim.checkDestroyed("7ABC123"),
		Steps: []resource.TestStep{
			{
				Config:      sim.config(fault, hcl),
				ExpectError: regexp.MustCompile(`(?s)addFleetVehicle.*most\s+likely\s+not\s+added`),
			},
			{
				PreConfig: func() {
					if n := len(sim.byPlate("7ABC123")); n != 0 {
						t.Fatalf("the failed add left %d vehicles", n)
					}
				},
				Config: sim.config("", hcl),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(fleetVehicleRes, plancheck.ResourceActionCreate)},
				},
				Check: func(*terraform.State) error {
					if n := len(sim.byPlate("7ABC123")); n != 1 {
						return fmt.Errorf("%d vehicles with the plate, want 1", n)
					}
					return nil
				},
			},
		},
	})
}

// responseCodes of writes become diagnostics naming the operation, code and text; a failed update
// leaves the state (and ChargePoint) as they were.
func TestAccFleetVehicleResponseCodes(t *testing.T) {
	testAccPreCheck(t)
	sim := startFleetVehicleSim(t)
	sim.AddFleetVehicle(simulator.FleetVehicle{License: "DUP-1", FleetName: "Delivery", Make: "Ford", Model: "E-Transit", Year: 2023,
		CredentialIDs: []string{"CARD-9"}})
	ok := vehicleHCL(`  model = "E-Transit"` + "\n")
	var id string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             sim.checkDestroyed("7ABC123"),
		Steps: []resource.TestStep{
			{ // a configuration without a card is refused at plan time
				Config: sim.config("", `
resource "chargepoint_fleet_vehicle" "van" {
  license_plate = "7ABC123"
  fleet_name    = "Delivery"
  make          = "Ford"
  model         = "E-Transit"
  year          = "2024"
}
`),
				PlanOnly:    true,
				ExpectError: regexp.MustCompile(`A card is required`),
			},
			{ // 190: the plate exists in the fleet
				Config:      sim.config("", strings.Replace(ok, `"7ABC123"`, `"DUP-1"`, 1)),
				ExpectError: regexp.MustCompile(`(?s)addFleetVehicle failed with responseCode 190.*DUP-1`),
			},
			{ // 189 from the year
				Config:      sim.config("", strings.Replace(ok, `"2024"`, `"1800"`, 1)),
				ExpectError: regexp.MustCompile(`(?s)addFleetVehicle failed with responseCode 189.*Invalid\s+year\s+1800`),
			},
			{
				Config: sim.config("", ok),
				Check:  sim.simHas(&id, func(simulator.FleetVehicle) error { return nil }),
			},
			{ // 189 from an unknown driver: the update fails, ChargePoint and state keep the vehicle as it was
				Config:      sim.config("", vehicleHCL(`  model = "Other"`+"\n"+`  driver_id = "no-such-driver"`+"\n")),
				ExpectError: regexp.MustCompile(`(?s)updateFleetVehicle failed with responseCode 189.*no-such-driver`),
			},
			{
				PreConfig: func() {
					if v, _ := sim.FleetVehicle(id); v.Model != "E-Transit" || v.UserID != "" {
						t.Fatalf("the failed update changed the vehicle: %+v", v)
					}
				},
				Config:   sim.config("", ok),
				PlanOnly: true,
			},
		},
	})
}

// The documentation's example applies, plans empty and is destroyed.
func TestAccFleetVehicleExample(t *testing.T) {
	testAccPreCheck(t)
	sim := startFleetVehicleSim(t)
	example, err := os.ReadFile("../../examples/resources/chargepoint_fleet_vehicle/resource.tf")
	if err != nil {
		t.Fatal(err)
	}
	var id string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		CheckDestroy:             sim.checkDestroyed("7ABC123"),
		Steps: []resource.TestStep{{
			Config: sim.config("", string(example)),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValueAtPath("van", tfjsonpath.New("organization"), knownvalue.StringExact("ChargePoint")),
			},
			Check: sim.simHas(&id, func(v simulator.FleetVehicle) error {
				if v.Model != "E-Transit" || !slices.Equal(v.PortMACs, []string{"00:11:22:33:44:55"}) {
					return fmt.Errorf("simulator vehicle %+v", v)
				}
				return nil
			}),
		}},
	})
}
