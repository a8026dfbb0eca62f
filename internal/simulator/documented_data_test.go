package simulator

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// simulatorGuide is the source of docs/guides/simulator.md (tfplugindocs copies it as it is).
const simulatorGuide = "../../templates/guides/simulator.md.tmpl"

// providerIndex is the source of docs/index.md, whose "Testing locally" section sums the data set up.
const providerIndex = "../../templates/index.md.tmpl"

// TestDocumentedDataSet: every figure the simulator guide states about the default data set (stations,
// ports, cities, organizations, networks, groups, activity, the clock, the flags' defaults) is the data
// set's. The guide's text is compared with white space collapsed, so line wrapping does not matter.
func TestDocumentedDataSet(t *testing.T) {
	raw, err := os.ReadFile(simulatorGuide)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(raw)), " ")
	var want []string
	add := func(format string, args ...any) { want = append(want, fmt.Sprintf(format, args...)) }

	s := New(Options{})
	d := s.Dataset()
	stations := d.Stations()

	// The flags' defaults.
	add("`-stations %d -seed %d`", DefaultStations, DefaultSeed)
	add("| `-stations` | `%d` |", DefaultStations)
	add("| `-seed` | `%d` |", DefaultSeed)
	add("| `-max-page-size` | `%d` |", DefaultMaxPageSize)

	// Stations.
	seed, ok := d.Station(seedID)
	if !ok || stations[0].ID != seedID {
		t.Fatal("no seed station")
	}
	add("**%d stations**: the seed station and %d generated ones", len(stations), len(stations)-1)
	add("`%s` %q at %s, %s, CA %s", seed.ID, seed.Name, seed.Address, seed.City, seed.PostalCode)
	if len(seed.Ports) != 2 || seed.Ports[0].Status != "AVAILABLE" || seed.Ports[1].Status != "UNREACHABLE" || len(seed.Faults) == 0 {
		t.Errorf("seed station ports %+v, faults %+v", seed.Ports, seed.Faults)
	}
	for _, p := range seed.Ports {
		if p.Power != "7.2" || p.Connector != "J1772" {
			t.Errorf("seed station port %d: %s kW %s", p.Number, p.Power, p.Connector)
		}
	}
	add("with two 7.2 kW J1772 ports: port 1 AVAILABLE, port 2 UNREACHABLE")
	if near := d.PublicWithin(seedLat, seedLong, 1, "M"); len(near) != 1 || near[0].ID != seedID {
		t.Errorf("within a mile of the seed station: %d stations", len(near))
	}
	idRE := regexp.MustCompile(`^[124]:9[0-9]{6}$`)
	public, ports, unreachableStations, faults := 0, 0, 0, 0
	status := map[string]int{}
	byCity, byOrg, byNetwork := map[string]int{}, map[string]int{}, map[string]int{}
	for _, st := range stations {
		if st.ID != seedID && !idRE.MatchString(st.ID) {
			t.Errorf("generated station ID %s", st.ID)
		}
		if st.Public {
			public++
		}
		if st.NetworkStatus == "Unreachable" {
			unreachableStations++
		}
		faults += len(st.Faults)
		for _, p := range st.Ports {
			ports++
			status[p.Status]++
			if p.TimeStamp.After(time.Date(2025, time.February, 1, 0, 0, 0, 0, time.UTC)) {
				t.Errorf("station %s port %d: time stamp %s", st.ID, p.Number, p.TimeStamp)
			}
		}
		byCity[st.City]++
		byOrg[st.OrgID]++
		byNetwork[st.ID[:strings.Index(st.ID, ":")]]++
	}
	add("**%d public** stations", public)
	add("and %d private ones", len(stations)-public)
	add("**%d ports**: %d AVAILABLE, %d INUSE, %d UNKNOWN and %d UNREACHABLE", ports,
		status["AVAILABLE"], status["INUSE"], status["UNKNOWN"], status["UNREACHABLE"])
	add("%d stations are entirely unreachable (`network_status` \"Unreachable\"); there are %d active faults in all", unreachableStations, faults)

	// Cities, organizations and networks.
	var postalCodes []string
	orgCities := map[string][]string{}
	for _, p := range places {
		org := orgOfCity[p.City]
		row := fmt.Sprintf("| %s | %s, %s | %d | `%s` | %d", p.City, p.State, p.Country, p.CPN, org, byCity[p.City])
		if p.City == seed.City {
			row += " (with the seed station)"
		}
		add("%s |", row)
		postalCodes = append(postalCodes, p.PostalCodes...)
		orgCities[org] = append(orgCities[org], p.City)
	}
	add("the postal codes of the stations (%s)", strings.Join(postalCodes, ", "))
	for _, o := range d.Organizations() {
		add("| `%s` | %s | %s | %s | %d |", o.ID, o.CompanyID, o.Name, strings.Join(orgCities[o.ID], ", "), byOrg[o.ID])
	}
	var networks []string
	for i, c := range d.CPNInstances() {
		n := fmt.Sprint(byNetwork[c.ID])
		switch {
		case byNetwork[c.ID] == 0:
			n = "none"
		case i == 0:
			n += " stations"
		}
		networks = append(networks, fmt.Sprintf("%s %s (%s)", c.ID, c.Name, n))
	}
	if len(networks) != 4 {
		t.Errorf("%d networks, the guide says four", len(networks))
	}
	add("`chargepoint_networks` lists four networks: %s and %s.", strings.Join(networks[:len(networks)-1], ", "), networks[len(networks)-1])

	// Groups.
	for _, g := range d.Groups() {
		parent := ""
		if g.ParentID != 0 {
			parent = fmt.Sprint(g.ParentID)
		}
		add("%s", strings.Join(strings.Fields(fmt.Sprintf("| %d | %s | `%s` | %s | %d |", g.ID, g.Name, g.OrgID, parent, len(g.StationIDs))), " "))
	}

	// Activity and the clock.
	add("**%s**", Now.Format(time.RFC3339))
	sessions := s.Sessions()
	active, atSeed := 0, 0
	for _, x := range sessions {
		if x.Start.Before(Now.Add(-activityWindow)) || x.Start.After(Now) {
			t.Errorf("session %d starts at %s", x.ID, x.Start)
		}
		if x.Active {
			active++
		}
		if x.StationID == seedID {
			atSeed++
			if x.UserID != referenceUserID {
				t.Errorf("session %d at the seed station by %s", x.ID, x.UserID)
			}
		}
	}
	if active != status["INUSE"] {
		t.Errorf("%d sessions in progress, %d INUSE ports", active, status["INUSE"])
	}
	add("**%d charging sessions**, all started in the 30 days before that instant (from %s), of which **%d are in progress**",
		len(sessions), Now.Add(-activityWindow).Format(time.DateOnly), active)
	users := s.Users()
	if users[0].ID != referenceUserID || users[0].FirstName+" "+users[0].LastName != "Ada Lovelace" || atSeed != 6 {
		t.Errorf("first driver %+v, %d sessions at the seed station", users[0], atSeed)
	}
	add("**%d drivers** (user IDs from %s; %s is Ada Lovelace, who has six fixed sessions at the seed station)",
		len(users), referenceUserID, referenceUserID)
	add("**%d alarms**, **%d transactions**, **%d fleet vehicles** and **%d fleet usage rows**",
		len(s.Alarms()), len(s.Transactions()), len(s.FleetVehicles()), len(s.FleetUsage()))

	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s does not say %q", simulatorGuide, w)
		}
	}

	// The summaries in the provider documentation ("Testing locally") and the README.
	words := map[int]string{4: "four", 5: "five", 9: "nine"}
	summary := fmt.Sprintf("%s organizations, %d station groups, %d stations in %s cities",
		words[len(d.Organizations())], len(d.Groups()), len(stations), words[len(places)])
	for file, says := range map[string][]string{
		providerIndex: {
			summary + ", sessions and alarms on a fixed clock, " + Now.Format(time.RFC3339),
			fmt.Sprintf("-stations (%d), -seed (%d), -max-page-size (%d)", DefaultStations, DefaultSeed, DefaultMaxPageSize),
		},
		"../../README.md": {
			summary + ", activity on a fixed clock, " + Now.Format(time.RFC3339),
			fmt.Sprintf("`-stations` %d, `-seed` %d, `-max-page-size` %d", DefaultStations, DefaultSeed, DefaultMaxPageSize),
		},
	} {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(string(raw)), " ")
		for _, w := range says {
			if !strings.Contains(text, w) {
				t.Errorf("%s does not say %q", file, w)
			}
		}
	}
	// Every table row of numbers in the guide was checked above: none is left unchecked.
	rows := regexp.MustCompile(`\| [^|]+ \|[^\n]*\| [0-9]+( \(with the seed station\))? \|`).FindAllString(string(raw), -1)
	for _, row := range rows {
		norm := strings.Join(strings.Fields(row), " ")
		if !slices.ContainsFunc(want, func(w string) bool { return strings.Contains(w, norm) || strings.Contains(norm, w) }) {
			t.Errorf("the guide's row %q is not checked", row)
		}
	}
	if len(rows) < len(places)+len(organizations)+len(groupSpecs) {
		t.Errorf("found %d table rows with counts in the guide", len(rows))
	}
}
