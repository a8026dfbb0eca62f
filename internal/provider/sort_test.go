package provider

import (
	"fmt"
	"testing"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// The data sources sort their top-level lists in cpapi's natural order; cpapi sorts the lists inside
// the items, as its descriptions promise (cpapi/sort_test.go). The simulator already answers in
// order, so the acceptance tests cannot see a missing sort: these feed the sorts shuffled input.

// sortBy and naturalCompare are the data sources' order, for the tests' expectations.
func sortBy[T any](items []T, key func(T) string) { cpapi.SortBy(items, key) }

func naturalCompare(a, b string) int { return cpapi.NaturalCompare(a, b) }

func TestSortUsers(t *testing.T) {
	users := []cpapi.User{{UserID: cpapi.StringOf("1000010")}, {UserID: cpapi.StringOf("1000009")}}
	sortUsers(users)
	if users[0].UserID.Value != "1000009" {
		t.Errorf("users not sorted by user_id: %v, %v", users[0].UserID, users[1].UserID)
	}
}

func TestActivityListsSortByID(t *testing.T) {
	txs := []cpapi.Transaction{{TransactionID: cpapi.IntOf(182400010)}, {TransactionID: cpapi.IntOf(9)}, {TransactionID: cpapi.IntOf(182400002)}}
	newTransactionsDataSource().(*listDataSource[cpapi.TransactionSearchRequest, cpapi.Transaction]).sort(txs)
	if txs[0].TransactionID.Value != 9 || txs[2].TransactionID.Value != 182400010 {
		t.Errorf("transactions not sorted by transaction_id: %v", txs)
	}

	vehicles := []cpapi.FleetVehicle{{FleetVehicleID: cpapi.StringOf("FV100010")}, {FleetVehicleID: cpapi.StringOf("FV100009")}}
	newFleetVehiclesDataSource().(*listDataSource[cpapi.FleetVehicleSearchRequest, cpapi.FleetVehicle]).sort(vehicles)
	if vehicles[0].FleetVehicleID.Value != "FV100009" {
		t.Errorf("vehicles not sorted: %v", vehicles)
	}

	usage := []cpapi.FleetUsage{
		{TransactionID: cpapi.IntOf(53068048), ID: cpapi.StringOf("FU2")},
		{TransactionID: cpapi.IntOf(182400011), ID: cpapi.StringOf("FU1")},
		{TransactionID: cpapi.IntOf(53068048), ID: cpapi.StringOf("FU1")},
	}
	newFleetUsageDataSource().(*listDataSource[cpapi.FleetUsageSearchRequest, cpapi.FleetUsage]).sort(usage)
	if usage[0].ID.Value != "FU1" || usage[1].ID.Value != "FU2" || usage[2].TransactionID.Value != 182400011 {
		t.Errorf("usage not sorted by transaction_id, then id: %v", usage)
	}
}

// Group IDs sort as numbers (9 < 10 < 100), IDs with a network prefix naturally.
func TestSortGroupsOrganizationsRights(t *testing.T) {
	groups := []cpapi.StationGroup{{SgID: cpapi.IntOf(100)}, {SgID: cpapi.IntOf(9)}, {SgID: cpapi.IntOf(10)}}
	sortStationGroups(groups)
	if got, want := fmt.Sprint(groups[0].SgID, groups[1].SgID, groups[2].SgID), "9 10 100"; got != want {
		t.Errorf("groups %s, want %s", got, want)
	}

	orgs := []cpapi.Organization{{OrgID: cpapi.StringOf("2:ORG00001")}, {OrgID: cpapi.StringOf("1:ORG04512")}, {OrgID: cpapi.StringOf("1:ORG00001")}}
	sortOrganizations(orgs)
	if got, want := fmt.Sprint(orgs[0].OrgID, orgs[1].OrgID, orgs[2].OrgID), "1:ORG00001 1:ORG04512 2:ORG00001"; got != want {
		t.Errorf("organizations %s, want %s", got, want)
	}

	rights := []cpapi.StationRights{
		{SgID: cpapi.IntOf(100), StationRightsProfile: cpapi.StringOf("a")},
		{SgID: cpapi.IntOf(20), StationRightsProfile: cpapi.StringOf("station_viewer")},
		{SgID: cpapi.IntOf(20), StationRightsProfile: cpapi.StringOf("network_manager")},
	}
	sortStationRights(rights)
	var got string
	for _, r := range rights {
		got += fmt.Sprintf("%s/%s ", r.SgID, r.StationRightsProfile)
	}
	if want := "20/network_manager 20/station_viewer 100/a "; got != want {
		t.Errorf("rights %q, want %q", got, want)
	}
}

func TestSortTasksAndNetworks(t *testing.T) {
	tasks := []cpapi.RightsTask{{Task: cpapi.StringOf("View Station Details")}, {Task: cpapi.StringOf("Manage Power")}}
	sortRightsTasks(tasks)
	networks := []cpapi.Network{{CpnID: cpapi.StringOf("10")}, {CpnID: cpapi.StringOf("4")}, {CpnID: cpapi.StringOf("1")}}
	sortNetworks(networks)
	got := fmt.Sprint(tasks[0].Task, "|", networks[0].CpnID, networks[1].CpnID, networks[2].CpnID)
	if want := "Manage Power|1 4 10"; got != want {
		t.Errorf("order %q, want %q", got, want)
	}
}
