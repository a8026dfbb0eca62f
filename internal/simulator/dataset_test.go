package simulator

import (
	"bytes"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestDeterminism(t *testing.T) {
	query := publicStationsRequest(`<Geo><Lat>37.3382</Lat><Long>-121.8863</Long></Geo><Proximity>10</Proximity><Pricing><startTime>08:00:00</startTime><Duration>60</Duration><energyRequired>15</energyRequired><vehiclePower>7</vehiclePower></Pricing>`)
	_, url1 := startServer(t, Options{Seed: 42, Stations: 3000})
	_, url2 := startServer(t, Options{Seed: 42, Stations: 3000})
	_, url3 := startServer(t, Options{Seed: 43, Stations: 3000})
	a, b, c := post(t, url1, query), post(t, url2, query), post(t, url3, query)
	if a.Status != 200 || !bytes.Contains(a.Body, []byte("<stationData>")) {
		t.Fatalf("HTTP %d\n%s", a.Status, a.Body)
	}
	if !bytes.Equal(a.Body, b.Body) {
		t.Error("same seed, different responses")
	}
	if bytes.Equal(a.Body, c.Body) {
		t.Error("different seeds, same response")
	}
	if !reflect.DeepEqual(New(Options{Seed: 42, Stations: 3000}).Dataset().Stations(), New(Options{Seed: 42, Stations: 3000}).Dataset().Stations()) {
		t.Error("same seed, different data sets")
	}
	// Seed 0 means 1.
	if !reflect.DeepEqual(New(Options{}).Dataset().Stations(), New(Options{Seed: 1, Stations: DefaultStations}).Dataset().Stations()) {
		t.Error("zero Options differ from Seed 1, 300 stations")
	}
	// Station i does not depend on the total: a bigger data set contains the smaller one.
	small, big := New(Options{Stations: 50}).Dataset(), New(Options{Stations: 5000}).Dataset()
	for _, st := range small.Stations() {
		if other, ok := big.Station(st.ID); !ok || !reflect.DeepEqual(st, other) {
			t.Fatalf("station %s differs between 50 and 5000 stations", st.ID)
		}
	}
}

// TestGenerateLarge checks the invariants on a data set big enough to reach every city and ID range
// the generator uses; BenchmarkGenerate100k times (and checks) the 100,000-station one.
func TestGenerateLarge(t *testing.T) {
	checkDataset(t, New(Options{Stations: 20000}).Dataset(), 20001)
}

func TestDefaultDataset(t *testing.T) {
	d := New(Options{}).Dataset()
	checkDataset(t, d, DefaultStations+1)
	// The mix the tests and demos rely on is there.
	var l1, l2, dc, mode, multi, twoPricing, noPricing, reservable, private int
	statuses := map[string]int{}
	for _, st := range d.Stations() {
		if !st.Public {
			private++
		}
		switch len(st.Pricing) {
		case 0:
			noPricing++
		case 2:
			twoPricing++
		}
		for _, p := range st.Ports {
			statuses[p.Status]++
			switch {
			case p.Level == "L1":
				l1++
			case p.Level == "L2":
				l2++
			case p.Level == "DC":
				dc++
			case p.Mode != "":
				mode++
			}
			if len(p.Connectors) > 1 {
				multi++
			}
			if p.Reservable {
				reservable++
			}
		}
	}
	for name, n := range map[string]int{"L1": l1, "L2": l2, "DC": dc, "Mode": mode, "multi-connector": multi, "2 pricing blocks": twoPricing,
		"no pricing": noPricing, "reservable": reservable, "private": private, "AVAILABLE": statuses["AVAILABLE"], "INUSE": statuses["INUSE"],
		"UNREACHABLE": statuses["UNREACHABLE"], "UNKNOWN": statuses["UNKNOWN"]} {
		if n == 0 {
			t.Errorf("default data set has no %s ports/stations", name)
		}
	}
}

// checkDataset checks invariants of a data set of n stations.
func checkDataset(t testing.TB, d *Dataset, n int) {
	t.Helper()
	all := d.Stations()
	if len(all) != n || d.Len() != n {
		t.Fatalf("%d stations, want %d", len(all), n)
	}
	if all[0].ID != "1:81203" {
		t.Errorf("first station %s, want the seed station", all[0].ID)
	}
	seen := make(map[string]bool, n)
	prefix := map[string]string{"United States": "1:", "Canada": "4:", "Germany": "2:", "Netherlands": "2:"}
	currency := map[string]string{"United States": "USD", "Canada": "CAD", "Germany": "EUR", "Netherlands": "EUR"}
	for i, st := range all {
		if seen[st.ID] {
			t.Fatalf("duplicate station ID %s", st.ID)
		}
		seen[st.ID] = true
		if i > 0 && compareIDs(all[i-1].ID, st.ID) >= 0 {
			t.Fatalf("stations not sorted: %s before %s", all[i-1].ID, st.ID)
		}
		if n <= 100001 && i > 0 && all[i-1].ID >= st.ID {
			t.Fatalf("IDs not in string order: %s before %s", all[i-1].ID, st.ID)
		}
		if !strings.HasPrefix(st.ID, prefix[st.Country]) || st.CurrencyCode != currency[st.Country] {
			t.Fatalf("station %s in %s with currency %s", st.ID, st.Country, st.CurrencyCode)
		}
		if len(st.Ports) < 1 || len(st.Ports) > 4 || len(st.Pricing) > 2 {
			t.Fatalf("station %s: %d ports, %d pricing blocks", st.ID, len(st.Ports), len(st.Pricing))
		}
		europe := st.Country == "Germany" || st.Country == "Netherlands"
		for _, p := range st.Ports {
			if europe != (p.Mode != "") || europe == (p.Level != "") {
				t.Fatalf("station %s port %d: Level %q Mode %q", st.ID, p.Number, p.Level, p.Mode)
			}
		}
		if st.ID == "1:81203" {
			continue
		}
		if d := haversineMiles(seedLat, seedLong, st.Lat, st.Long); d < 1.5 {
			t.Fatalf("station %s is %.3f miles from the seed station", st.ID, d)
		}
		nearest := math.Inf(1)
		for _, p := range places {
			nearest = math.Min(nearest, haversineMiles(p.Lat, p.Long, st.Lat, st.Long)*1.609344)
		}
		if nearest > 15.01 {
			t.Fatalf("station %s is %.1f km from every city centre", st.ID, nearest)
		}
	}
}

func TestGeocode(t *testing.T) {
	cases := []struct {
		address, city, state, postal string
		lat, long                    float64
		ok                           bool
	}{
		{"1692 Dell Avenue", "Campbell", "CA", "95008", seedLat, seedLong, true},
		{"1692 dell ave", "", "", "", seedLat, seedLong, true},
		{"1692 Dell Ave", "Campbell", "california", "", seedLat, seedLong, true},
		{"1692 Dell Ave", "San Jose", "", "", 37.3382, -121.8863, true}, // not that street in San Jose: the city
		{"1 Infinite Loop", "Campbell", "", "", 37.2872, -121.95, true}, // unknown street: the city
		{"", "", "", "95008", 37.2872, -121.95, true},
		{"", "", "", " v6b  1a1 ", 49.2827, -123.1207, true},
		{"", "", "", "1012 AB", 52.3676, 4.9041, true},
		{"", "new  york", "NY", "", 40.7128, -74.006, true},
		{"", "Berlin", "", "10115", 52.52, 13.405, true},
		{"", "Seattle", "TX", "", 0, 0, false},
		{"", "Springfield", "", "", 0, 0, false},
		{"", "", "CA", "", 0, 0, false},
		{"", "", "", "", 0, 0, false},
	}
	for _, c := range cases {
		lat, long, ok := Geocode(c.address, c.city, c.state, c.postal)
		if ok != c.ok || lat != c.lat || long != c.long {
			t.Errorf("Geocode(%q, %q, %q, %q) = %v, %v, %v; want %v, %v, %v", c.address, c.city, c.state, c.postal, lat, long, ok, c.lat, c.long, c.ok)
		}
	}
}

func TestDistanceUnits(t *testing.T) {
	// San Francisco to New York: about 2,565 miles.
	miles, ok := Distance(37.7749, -122.4194, 40.7128, -74.0060, "M")
	if !ok || math.Abs(miles-haversineMiles(37.7749, -122.4194, 40.7128, -74.0060)) > 1e-7*miles || math.Abs(miles-2565) > 5 {
		t.Fatalf("SF-NY %v miles", miles)
	}
	for unit, per := range map[string]float64{"K": 1.609344, "N": 1.609344 / 1.852, "F": 5280, "I": 63360, "m": 1} {
		d, ok := Distance(37.7749, -122.4194, 40.7128, -74.0060, unit)
		if !ok || math.Abs(d-miles*per) > 1e-9*miles*per {
			t.Errorf("unit %s: %v, want %v", unit, d, miles*per)
		}
	}
	if _, ok := Distance(0, 0, 1, 1, "X"); ok {
		t.Error("unit X accepted")
	}
	if got := New(Options{}).Dataset().PublicWithin(seedLat, seedLong, 1, "X"); got != nil {
		t.Errorf("PublicWithin with unit X: %v", got)
	}
	if got := stationIDs(New(Options{}).Dataset().PublicWithin(seedLat, seedLong, 0, "I")); !slices.Equal(got, []string{"1:81203"}) {
		t.Errorf("radius 0 at the seed station: %v", got)
	}
}

func TestFormatCoordinate(t *testing.T) {
	for v, want := range map[float64]string{
		37.261489868164060:    "37.261489868164060",
		-121.957534790039060:  "-121.957534790039060",
		37.5:                  "37.500000000000000",
		-122:                  "-122.000000000000000",
		0.1234567890123456789: "0.123456789012346",
	} {
		if got := formatCoordinate(v); got != want {
			t.Errorf("formatCoordinate(%v) = %s, want %s", v, got, want)
		}
	}
}

func TestWildcardMatch(t *testing.T) {
	for _, c := range []struct {
		pattern, name string
		want          bool
	}{
		{"abc", "abc", true}, {"abc", "abcd", false}, {"a*", "abc", true}, {"*c", "abc", true}, {"*", "", true},
		{"a*c", "abbbc", true}, {"a*c", "ab", false}, {"*b*", "abc", true}, {"a*a", "a", false}, {"*x*", "abc", false},
		{"a**c", "ac", true}, {"ab*bc", "abc", false},
	} {
		if got := wildcardMatch(c.pattern, c.name); got != c.want {
			t.Errorf("wildcardMatch(%q, %q) = %v", c.pattern, c.name, got)
		}
	}
}

func TestNegativeStationsMeansSeedOnly(t *testing.T) {
	got := stationIDs(New(Options{Stations: -1}).Dataset().Stations())
	if !slices.Equal(got, []string{"1:81203"}) {
		t.Fatalf("stations %v", got)
	}
}
