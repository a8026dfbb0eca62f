package provider

import (
	"fmt"
	"testing"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// The simulator answers in order already, so the acceptance tests cannot see a missing sort: these feed
// the sorts shuffled input. Group IDs sort as numbers (9 < 10 < 100), station IDs naturally.

func TestSortStationGroups(t *testing.T) {
	groups := []cpapi.StationGroup{
		{SgID: cpapi.IntOf(100), Stations: []cpapi.StationGroupPoint{{StationID: cpapi.StringOf("1:10")}, {StationID: cpapi.StringOf("1:9")}}},
		{SgID: cpapi.IntOf(9)},
		{SgID: cpapi.IntOf(10)},
	}
	sortStationGroups(groups)
	got := fmt.Sprint(groups[0].SgID, groups[1].SgID, groups[2].SgID, groups[2].Stations[0].StationID, groups[2].Stations[1].StationID)
	if want := "9 10 100 1:9 1:10"; got != want {
		t.Errorf("order %s, want %s", got, want)
	}
}

func TestSortStationGroupDetails(t *testing.T) {
	g := cpapi.StationGroupDetails{
		Groups:   []cpapi.ChildStationGroup{{SgID: cpapi.IntOf(20)}, {SgID: cpapi.IntOf(3)}},
		Stations: []cpapi.StationGroupStation{{StationID: cpapi.StringOf("2:1")}, {StationID: cpapi.StringOf("1:200")}, {StationID: cpapi.StringOf("1:30")}},
	}
	sortStationGroupDetails(&g)
	got := fmt.Sprint(g.Groups[0].SgID, g.Groups[1].SgID, g.Stations[0].StationID, g.Stations[1].StationID, g.Stations[2].StationID)
	if want := "3 20 1:30 1:200 2:1"; got != want {
		t.Errorf("order %s, want %s", got, want)
	}
}

func TestSortOrganizations(t *testing.T) {
	orgs := []cpapi.Organization{
		{OrgID: cpapi.StringOf("2:ORG00001")},
		{OrgID: cpapi.StringOf("1:ORG04512"), Groups: []cpapi.OrgStationGroup{{SgID: cpapi.IntOf(11)}, {SgID: cpapi.IntOf(2)}}},
		{OrgID: cpapi.StringOf("1:ORG00001")},
	}
	sortOrganizations(orgs)
	got := fmt.Sprint(orgs[0].OrgID, orgs[1].OrgID, orgs[2].OrgID, orgs[1].Groups[0].SgID, orgs[1].Groups[1].SgID)
	if want := "1:ORG00001 1:ORG04512 2:ORG00001 2 11"; got != want {
		t.Errorf("order %s, want %s", got, want)
	}
}

func TestSortStationRights(t *testing.T) {
	rights := []cpapi.StationRights{
		{SgID: cpapi.IntOf(100), StationRightsProfile: cpapi.StringOf("a")},
		{SgID: cpapi.IntOf(20), StationRightsProfile: cpapi.StringOf("station_viewer")},
		{SgID: cpapi.IntOf(20), StationRightsProfile: cpapi.StringOf("network_manager"),
			Stations: []cpapi.StationWithRights{{StationID: cpapi.StringOf("1:81203")}, {StationID: cpapi.StringOf("1:5")}}},
	}
	sortStationRights(rights)
	var got string
	for _, r := range rights {
		got += fmt.Sprintf("%s/%s ", r.SgID, r.StationRightsProfile)
	}
	got += fmt.Sprint(rights[0].Stations[0].StationID, rights[0].Stations[1].StationID)
	if want := "20/network_manager 20/station_viewer 100/a 1:5 1:81203"; got != want {
		t.Errorf("order %q, want %q", got, want)
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
