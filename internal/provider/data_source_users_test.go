package provider

import (
	"fmt"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

const usersDS = "data.chargepoint_users.x"

func customInfos(infos []simulator.CustomInfo) knownvalue.Check {
	infos = slices.Clone(infos)
	slices.SortStableFunc(infos, func(a, b simulator.CustomInfo) int { return naturalCompare(a.Key, b.Key) })
	checks := []knownvalue.Check{}
	for _, c := range infos {
		checks = append(checks, knownvalue.ObjectExact(map[string]knownvalue.Check{"key": knownvalue.StringExact(c.Key), "value": knownvalue.StringExact(c.Value)}))
	}
	return knownvalue.ListExact(checks)
}

// userObject is the complete state value of a simulator driver at a record number.
func userObject(u simulator.User, recordNumber int) knownvalue.Check {
	var home knownvalue.Check = knownvalue.Null()
	if h := u.Home; h != nil {
		home = knownvalue.ObjectExact(map[string]knownvalue.Check{
			"station_serial_number": knownvalue.StringExact(h.SerialNumber), "station_status": knownvalue.StringExact(h.Status),
			"station_model_number": knownvalue.StringExact(h.ModelNumber), "station_mac_address": knownvalue.StringExact(h.MacAddress),
			"station_activation_date": timestamp(h.Activated),
		})
	}
	credentials := slices.Clone(u.CredentialIDs)
	sortBy(credentials, func(s string) string { return s })
	return knownvalue.ObjectExact(map[string]knownvalue.Check{
		"last_modified_timestamp": timestamp(u.LastModified),
		"user_id":                 knownvalue.StringExact(u.ID),
		"first_name":              knownvalue.StringExact(u.FirstName),
		"last_name":               knownvalue.StringExact(u.LastName),
		"driver_email":            knownvalue.StringExact(u.Email),
		"connection": knownvalue.ObjectExact(map[string]knownvalue.Check{
			"status": knownvalue.StringExact(u.ConnectionStatus), "request_time_stamp": timestamp(u.ConnectionRequested),
			"custom_infos": customInfos(u.ConnectionInfo),
		}),
		"management_realm": knownvalue.ObjectExact(map[string]knownvalue.Check{
			"status": knownvalue.StringExact(u.RealmStatus), "signup_time_stamp": timestamp(u.RealmSignup),
			"custom_infos": customInfos(u.RealmInfo),
		}),
		"credential_ids":       stringList(credentials...),
		"home_station_details": home,
		"record_number":        knownvalue.Int64Exact(int64(recordNumber)),
	})
}

// A driver with several credentials and a home station, with every attribute.
func TestAccUsers_driverWithCredentialsAndHomeStation(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	i := slices.IndexFunc(sim.Users(), func(u simulator.User) bool {
		return len(u.CredentialIDs) > 1 && u.Home != nil && len(u.ConnectionInfo) > 0 && len(u.RealmInfo) > 0
	})
	if i < 0 {
		t.Fatal("the simulator has no driver with several credentials, a home station and custom infos")
	}
	u := sim.Users()[i]
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf(`
data "chargepoint_users" "x" {
  user_id = %q
}
`, u.ID),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(usersDS, attrPath("users"), knownvalue.ListExact([]knownvalue.Check{userObject(u, 1)})),
			},
		}},
	})
}

// The filters reach ChargePoint: connection and management realm status, a connection custom field,
// a credential and a change time. Each must select exactly the drivers the simulator holds for it.
func TestAccUsers_filters(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{Stations: 20})
	users := sim.Users()
	ada := users[slices.IndexFunc(users, func(u simulator.User) bool { return len(u.ConnectionInfo) > 0 && len(u.CredentialIDs) > 1 })]
	since := users[len(users)/2].LastModified
	cases := []struct {
		name, body string
		keep       func(simulator.User) bool
	}{
		{"pending connections", `connection_filter = { status = "PENDING" }`,
			func(u simulator.User) bool { return u.ConnectionStatus == "PENDING" }},
		{"connected but not managed", `
  connection_filter = { status = "APPROVED" }
  management_realm  = { status = "NOT MANAGED" }`,
			func(u simulator.User) bool { return u.ConnectionStatus == "APPROVED" && u.RealmStatus == "NOT MANAGED" }},
		{"connection custom field", fmt.Sprintf(`
  connection_filter = {
    status      = %q
    custom_info = { key = %q, value = %q }
  }`, ada.ConnectionStatus, ada.ConnectionInfo[0].Key, ada.ConnectionInfo[0].Value),
			func(u simulator.User) bool {
				return u.ConnectionStatus == ada.ConnectionStatus && slices.Contains(u.ConnectionInfo, ada.ConnectionInfo[0])
			}},
		{"second credential", fmt.Sprintf(`credential_id = %q`, ada.CredentialIDs[1]),
			func(u simulator.User) bool { return slices.Contains(u.CredentialIDs, ada.CredentialIDs[1]) }},
		{"changed since", fmt.Sprintf(`last_modified_time_stamp = %q`, since.Format("2006-01-02T15:04:05-07:00")),
			func(u simulator.User) bool { return !u.LastModified.Before(since) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var ids []string
			for _, u := range users {
				if tc.keep(u) {
					ids = append(ids, u.ID)
				}
			}
			if len(ids) == 0 || len(ids) == len(users) {
				t.Fatalf("%d of %d drivers match: the filter would prove nothing", len(ids), len(users))
			}
			checks := []statecheck.StateCheck{statecheck.ExpectKnownValue(usersDS, attrPath("users"), knownvalue.ListSizeExact(len(ids)))}
			for i, id := range ids {
				checks = append(checks, statecheck.ExpectKnownValue(usersDS, attrPath("users", i, "user_id"), knownvalue.StringExact(id)))
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config:            sim.providerConfig() + "data \"chargepoint_users\" \"x\" {\n  " + tc.body + "\n}\n",
					ConfigStateChecks: checks,
				}},
			})
		})
	}
}

func TestAccUsers_paging(t *testing.T) {
	testAccPreCheck(t)
	testAccPaging(t, "users", "getUsers", "users", "user_id", func(sim *testSim) []knownvalue.Check {
		var ids []knownvalue.Check
		for _, u := range sim.Users() {
			ids = append(ids, knownvalue.StringExact(u.ID))
		}
		return ids
	})
}

func TestAccUsers_planTimeValidation(t *testing.T) {
	testAccPreCheck(t)
	testPlanTimeValidation(t, "users", "getUsers", map[string]planCase{
		"connection status": {`connection_filter = { status = "CONNECTED" }`,
			`Attribute connection_filter.status value must be one of:\s+\["APPROVED"\s+"NOT\s+CONNECTED"\s+"REJECTED"\s+"PENDING"\]`},
		"realm status": {`management_realm = { status = "MANAGED" }`,
			`Attribute management_realm.status value must be one of:\s+\["APPROVED"\s+"NOT\s+MANAGED"\]`},
		"timestamp": {`last_modified_time_stamp = "2026-01-01"`,
			`last_modified_time_stamp must be an RFC 3339 timestamp`},
		"reserved name": {`connection = { status = "PENDING" }`, `(?s)Unsupported argument.*"connection"`},
	})
}
