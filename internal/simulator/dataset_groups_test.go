package simulator

import (
	"slices"
	"strings"
	"testing"
)

// TestGuaranteedGroupFacts checks the two facts tests and examples rely on, for several seeds and sizes.
func TestGuaranteedGroupFacts(t *testing.T) {
	for _, opts := range []Options{{}, {Stations: -1}, {Stations: 10}, {Stations: 20}, {Seed: 7, Stations: 50}, {Seed: 99, Stations: 1000}} {
		d := New(opts).Dataset()
		unreachable, ok1 := d.Group(UnreachableGroupID)
		healthyGroup, ok2 := d.Group(HealthyGroupID)
		if !ok1 || !ok2 || unreachable.Name != "Garage West" || healthyGroup.Name != "Bay Area Fleet" {
			t.Fatalf("%+v: groups %+v %+v", opts, unreachable, healthyGroup)
		}
		found := false
		for _, id := range unreachable.StationIDs {
			st, _ := d.Station(id)
			found = found || slices.ContainsFunc(st.Ports, func(p Port) bool { return p.Status == "UNREACHABLE" })
		}
		if !found {
			t.Errorf("%+v: no UNREACHABLE port in group %d", opts, UnreachableGroupID)
		}
		for _, id := range healthyGroup.StationIDs {
			st, _ := d.Station(id)
			for _, p := range st.Ports {
				if p.Status != "AVAILABLE" && p.Status != "INUSE" {
					t.Errorf("%+v: station %s of group %d has a port %s", opts, id, HealthyGroupID, p.Status)
				}
			}
		}
		if opts.Stations == 0 && len(healthyGroup.StationIDs) < 10 {
			t.Errorf("default data set: only %d stations in group %d", len(healthyGroup.StationIDs), HealthyGroupID)
		}
	}
	// The seed station's port 2 is the UNREACHABLE one, and it has an active fault.
	seed, _ := New(Options{Stations: -1}).Dataset().Station("1:81203")
	if seed.Ports[0].Status != "AVAILABLE" || seed.Ports[1].Status != "UNREACHABLE" || len(seed.Faults) != 1 || seed.Faults[0].Code != "3002" {
		t.Errorf("seed station: ports %+v faults %+v", seed.Ports, seed.Faults)
	}
}

// TestGroupStructure checks the invariants of organizations, groups and memberships.
func TestGroupStructure(t *testing.T) {
	d := New(Options{Stations: 2000}).Dataset()
	orgs := map[string]Organization{}
	for i, o := range d.Organizations() {
		orgs[o.ID] = o
		if i > 0 && d.Organizations()[i-1].ID >= o.ID {
			t.Errorf("organizations not sorted at %s", o.ID)
		}
		if want := strings.TrimLeft(o.ID[strings.Index(o.ID, "ORG")+3:], "0"); o.CompanyID != want {
			t.Errorf("organization %s: companyID %s", o.ID, o.CompanyID)
		}
	}
	if o, ok := d.Organization("4:ORG00318"); !ok || o.Name != "Maple Leaf EV" {
		t.Errorf("Organization(4:ORG00318) = %+v, %v", o, ok)
	}
	if _, ok := d.Organization("1:ORG99999"); ok {
		t.Error("Organization(1:ORG99999) found")
	}
	if len(orgs) < 4 || orgs["1:ORG00001"].Name != "ChargePoint" {
		t.Fatalf("organizations %v", orgs)
	}
	groups := d.Groups()
	names := map[string]bool{}
	children := 0
	for i, g := range groups {
		if i > 0 && groups[i-1].ID >= g.ID {
			t.Errorf("groups not sorted at %d", g.ID)
		}
		if names[strings.ToLower(g.Name)] {
			t.Errorf("group name %q is not unique", g.Name)
		}
		names[strings.ToLower(g.Name)] = true
		if _, ok := orgs[g.OrgID]; !ok {
			t.Errorf("group %d: unknown organization %s", g.ID, g.OrgID)
		}
		if len(g.RightsProfiles) == 0 {
			t.Errorf("group %d has no rights profile", g.ID)
		}
		if len(g.StationIDs) == 0 {
			t.Errorf("group %d is empty with 2000 stations", g.ID)
		}
		if !slices.IsSortedFunc(g.StationIDs, compareIDs) {
			t.Errorf("group %d: stations not sorted", g.ID)
		}
		if g.ParentID != 0 {
			children++
			parent, ok := d.Group(g.ParentID)
			if !ok || parent.OrgID != g.OrgID {
				t.Fatalf("group %d: parent %d %+v", g.ID, g.ParentID, parent)
			}
			for _, id := range g.StationIDs {
				if !slices.Contains(parent.StationIDs, id) {
					t.Errorf("station %s is in group %d but not in its parent %d", id, g.ID, g.ParentID)
				}
			}
		}
		for _, id := range g.StationIDs {
			st, _ := d.Station(id)
			if st.OrgID != g.OrgID {
				t.Errorf("station %s of %s is in group %d of %s", id, st.OrgID, g.ID, g.OrgID)
			}
			if !slices.ContainsFunc(d.GroupsOf(id), func(o Group) bool { return o.ID == g.ID }) {
				t.Errorf("GroupsOf(%s) lacks %d", id, g.ID)
			}
		}
	}
	if children == 0 || !slices.ContainsFunc(groups, func(g Group) bool { p, _ := d.Group(g.ParentID); return p.ParentID != 0 }) {
		t.Error("no nested (grandchild) group")
	}
	multi := 0
	for _, st := range d.Stations() {
		o, ok := orgs[st.OrgID]
		if !ok || o.Name != st.OrganizationName || o.CompanyID != st.CompanyID || !strings.HasPrefix(st.ID, st.OrgID[:2]) {
			t.Fatalf("station %s: organization %s %q %q", st.ID, st.OrgID, st.OrganizationName, st.CompanyID)
		}
		gs := d.GroupsOf(st.ID)
		if len(gs) == 0 {
			t.Errorf("station %s is in no group", st.ID)
		}
		if len(gs) > 1 {
			multi++
		}
	}
	if len(d.GroupsOf("1:81203")) < 2 || multi < 500 {
		t.Errorf("seed station in %d groups; %d stations in several groups", len(d.GroupsOf("1:81203")), multi)
	}
	if d.GroupsOf("1:1") != nil {
		t.Error("GroupsOf an unknown station")
	}
	if _, ok := d.Group(1); ok {
		t.Error("Group(1) found")
	}
}

func TestRightsProfilesAndNetworks(t *testing.T) {
	d := New(Options{Stations: -1}).Dataset()
	profiles := d.RightsProfiles()
	if len(profiles) != 2 || profiles[0].Name != "network_manager" || len(profiles[0].Tasks) != 6 ||
		profiles[1].Name != "station_viewer" || len(profiles[1].Tasks) != 2 {
		t.Fatalf("profiles %+v", profiles)
	}
	for _, g := range d.Groups() {
		for _, p := range g.RightsProfiles {
			if !slices.ContainsFunc(profiles, func(rp RightsProfile) bool { return rp.Name == p }) {
				t.Errorf("group %d: unknown profile %s", g.ID, p)
			}
		}
	}
	cpn := d.CPNInstances()
	if len(cpn) != 4 || cpn[0] != (CPN{"1", "NA", "ChargePoint Operations"}) || cpn[3] != (CPN{"4", "CA", "ChargePoint Canada"}) {
		t.Errorf("CPN instances %+v", cpn)
	}
}
