package simulator

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestGuideRequestReturnsSeedStation checks the setup guide's example against the guide's response.
func TestGuideRequestReturnsSeedStation(t *testing.T) {
	s, url := startServer(t, Options{})
	got, raw := searchPublicRaw(t, url, guideRequest)
	if got.ResponseCode != "100" || got.ResponseText != "API input request executed successfully." {
		t.Fatalf("code %q text %q", got.ResponseCode, got.ResponseText)
	}
	if len(got.Stations) != 1 {
		t.Fatalf("want only the seed station, got %v", ids(got.Stations))
	}
	if got.MoreFlag == nil || *got.MoreFlag != "0" {
		t.Errorf("moreFlag %v, want 0", got.MoreFlag)
	}
	st := got.Stations[0]
	want := tStation{
		StationID: "1:81203", Manufacturer: "Coulomb", Model: "CT2025-HD-GW1-CCR",
		Name: "CHARGEPOINT / HQ 5", Description: "Front parking lot along Dell Ave.",
		Address: "1692 Dell Ave", City: "Campbell", State: "California", Country: "United States", PostalCode: "95008",
		NumPorts: "2", MainPhone: "(888) 758-4389", ModTimeStamp: "2012-11-15T01:29:16Z",
		TimezoneOffset: "-08:00", CurrencyCode: "USD", RecordNumber: "1",
	}
	if st.MacAddr == "" || st.SerialNum == "" {
		t.Errorf("seed station without MAC/serial: %q %q", st.MacAddr, st.SerialNum)
	}
	gotFlat := st
	gotFlat.Ports, gotFlat.Pricing, gotFlat.MacAddr, gotFlat.SerialNum = nil, nil, "", ""
	if fmt.Sprint(gotFlat) != fmt.Sprint(want) {
		t.Errorf("station\n got %+v\nwant %+v", gotFlat, want)
	}
	if len(st.Ports) != 2 {
		t.Fatalf("%d ports", len(st.Ports))
	}
	for i, p := range st.Ports {
		if p.PortNumber != strconv.Itoa(i+1) || p.Lat != "37.261489868164060" || p.Long != "-121.957534790039060" ||
			p.Reservable != "0" || p.Level != "L2" || p.Connector != "J1772" || p.Voltage != "240" ||
			p.Current != "30" || p.Power != "7.2" || p.EstimatedCost != "0.00" || p.Mode != "" || len(p.Connectors) != 0 {
			t.Errorf("port %d: %+v", i+1, p)
		}
	}
	wantPricing := []tPricing{{Type: "None", StartTime: "00:00:00", EndTime: "23:59:59", MinPrice: "0.50", MaxPrice: "0.00",
		UnitPricePerHour: "1.50", UnitPricePerSession: "0.00", UnitPricePerKWh: "0.00"}}
	if !slices.Equal(st.Pricing, wantPricing) {
		t.Errorf("Pricing %+v", st.Pricing)
	}
	for _, lit := range []string{"<Lat>37.261489868164060</Lat>", "<Long>-121.957534790039060</Long>"} {
		if !strings.Contains(string(raw), lit) {
			t.Errorf("response lacks %s", lit)
		}
	}
	if n := s.Calls("getPublicStations"); n != 1 {
		t.Errorf("Calls = %d", n)
	}
}

func searchPublicRaw(t *testing.T, url, envelope string) (*tPublicStations, []byte) {
	t.Helper()
	res := post(t, url, envelope)
	if res.Status != 200 {
		t.Fatalf("HTTP %d\n%s", res.Status, res.Body)
	}
	env := decodeEnvelope(t, res.Body)
	if env.Body.Public == nil {
		t.Fatalf("no response\n%s", res.Body)
	}
	return env.Body.Public, res.Body
}

func TestNothingMatched(t *testing.T) {
	_, url := startServer(t, Options{})
	for name, q := range map[string]string{
		"middle of the Atlantic":  `<Geo><Lat>30</Lat><Long>-40</Long></Geo>`,
		"unknown station":         `<stationID>1:1</stationID>`,
		"unknown city":            `<City>Springfield</City><State>IL</State>`,
		"known city, wrong state": `<City>Campbell</City><State>TX</State>`,
		"unknown postal code":     `<postalCode>00000</postalCode>`,
		"empty stationID":         `<stationID/>`,
		"past the last record":    `<stationID>1:81203</stationID><startRecord>2</startRecord>`,
		"zero radius":             `<City>Seattle</City><Proximity>0</Proximity>`,
		"DC within 1 mile of HQ":  `<Address>1692 Dell Ave</Address><City>Campbell</City><Proximity>1</Proximity><Level>DC</Level>`,
	} {
		t.Run(name, func(t *testing.T) {
			got, raw := searchPublic(t, url, q)
			if got.ResponseCode != "102" || got.ResponseText != "No station found for given criteria." ||
				len(got.Stations) != 0 || got.MoreFlag != nil {
				t.Fatalf("want a bare 102, got\n%s", raw)
			}
		})
	}
}

func TestBadProximityUnit(t *testing.T) {
	_, url := startServer(t, Options{})
	got, raw := searchPublic(t, url, `<City>Campbell</City><proximityUnit>X</proximityUnit>`)
	if got.ResponseCode != "145" || !strings.Contains(got.ResponseText, `Invalid proximityUnit "X"`) || len(got.Stations) != 0 {
		t.Fatalf("got\n%s", raw)
	}
	// Lower case and an empty element (the XSD default, M) are accepted.
	for _, u := range []string{"m", " K ", ""} {
		if got, raw := searchPublic(t, url, `<City>Campbell</City><proximityUnit>`+u+`</proximityUnit>`); got.ResponseCode != "100" {
			t.Errorf("unit %q:\n%s", u, raw)
		}
	}
}

// TestPaging walks a result set whose size is an exact multiple of MaxPageSize.
func TestPaging(t *testing.T) {
	// Find a data set whose public station count n has a divisor in [3, n/3], so there are at least three
	// full pages.
	var (
		s        *Server
		url      string
		n, size  int
		stations int
	)
	for stations = 40; size == 0; stations++ {
		all := New(Options{Stations: stations}).Dataset().Stations()
		n = 0
		for _, st := range all {
			if st.Public {
				n++
			}
		}
		for d := 3; d <= n/3; d++ {
			if n%d == 0 {
				size = d
				break
			}
		}
	}
	s, url = startServer(t, Options{Stations: stations - 1, MaxPageSize: size})
	var want []string
	for _, st := range s.Dataset().Stations() {
		if st.Public {
			want = append(want, st.ID)
		}
	}
	if len(want) != n || n%size != 0 {
		t.Fatalf("setup: %d public stations, page size %d", len(want), size)
	}

	var got []string
	pages := 0
	for start := 1; ; pages++ {
		q := fmt.Sprintf("<startRecord>%d</startRecord>", start)
		if start == 1 {
			q = "" // the default startRecord is 1
		}
		resp, raw := searchPublic(t, url, q)
		if resp.ResponseCode != "100" || len(resp.Stations) != size {
			t.Fatalf("page at %d: code %s, %d stations (page size %d)\n%s", start, resp.ResponseCode, len(resp.Stations), size, raw)
		}
		for i, st := range resp.Stations {
			if st.RecordNumber != strconv.Itoa(start+i) {
				t.Fatalf("record %d has recordNumber %s", start+i, st.RecordNumber)
			}
		}
		got = append(got, ids(resp.Stations)...)
		start += len(resp.Stations)
		last := start > n
		if resp.MoreFlag == nil || *resp.MoreFlag != map[bool]string{true: "0", false: "1"}[last] {
			t.Fatalf("page ending at %d of %d: moreFlag %v", start-1, n, resp.MoreFlag)
		}
		if last {
			break
		}
	}
	if pages+1 != n/size || !slices.Equal(got, want) {
		t.Fatalf("walked %d pages, ids %v\nwant %v", pages+1, got, want)
	}
	if resp, _ := searchPublic(t, url, fmt.Sprintf("<startRecord>%d</startRecord>", n+1)); resp.ResponseCode != "102" {
		t.Errorf("startRecord past the end: code %s", resp.ResponseCode)
	}

	// numStations below the cap is honoured, above it is capped.
	resp, _ := searchPublic(t, url, "<startRecord>2</startRecord><numStations>2</numStations>")
	if !slices.Equal(ids(resp.Stations), want[1:3]) || resp.Stations[0].RecordNumber != "2" || *resp.MoreFlag != "1" {
		t.Errorf("numStations 2 from 2: %v", ids(resp.Stations))
	}
	resp, _ = searchPublic(t, url, "<numStations>100000</numStations>")
	if len(resp.Stations) != size {
		t.Errorf("numStations above MaxPageSize: %d stations, cap %d", len(resp.Stations), size)
	}
	// A page that ends exactly on the last record has moreFlag 0; one record earlier, 1.
	resp, _ = searchPublic(t, url, fmt.Sprintf("<startRecord>%d</startRecord><numStations>2</numStations>", n-1))
	if len(resp.Stations) != 2 || *resp.MoreFlag != "0" {
		t.Errorf("last two: %d stations, moreFlag %s", len(resp.Stations), *resp.MoreFlag)
	}
	resp, _ = searchPublic(t, url, fmt.Sprintf("<startRecord>%d</startRecord><numStations>2</numStations>", n-2))
	if len(resp.Stations) != 2 || *resp.MoreFlag != "1" {
		t.Errorf("two before the last: moreFlag %s", *resp.MoreFlag)
	}
}

func TestDefaultPageSizeIs500(t *testing.T) {
	_, url := startServer(t, Options{Stations: 700})
	resp, _ := searchPublic(t, url, "")
	if len(resp.Stations) != 500 || *resp.MoreFlag != "1" || resp.Stations[499].RecordNumber != "500" {
		t.Fatalf("%d stations, moreFlag %s", len(resp.Stations), *resp.MoreFlag)
	}
}

// TestProximityUnits expresses the same radius in every unit and expects the same stations.
func TestProximityUnits(t *testing.T) {
	s, url := startServer(t, Options{Stations: 2000})
	const lat, long, miles = 37.7749, -122.4194, 3.0 // San Francisco
	// The radius must not sit on a station's distance, or rounding could legitimately differ.
	for _, st := range s.Dataset().Stations() {
		d, _ := Distance(lat, long, st.Lat, st.Long, "M")
		if math.Abs(d-miles) < 1e-6 {
			t.Fatalf("station %s lies on the test radius", st.ID)
		}
	}
	radius := map[string]float64{
		"M": miles,
		"K": miles * 1.609344,
		"N": miles * 1.609344 / 1.852,
		"F": miles * 5280,
		"I": miles * 63360,
	}
	var want []string
	for _, st := range s.Dataset().Stations() {
		if st.Public && haversineMiles(lat, long, st.Lat, st.Long) <= miles {
			want = append(want, st.ID)
		}
	}
	if len(want) < 5 {
		t.Fatalf("only %d stations within %v miles: test is too weak", len(want), miles)
	}
	if n := len(stationIDs(s.Dataset().PublicWithin(lat, long, miles, "M"))); n != len(want) {
		t.Errorf("PublicWithin: %d stations, want %d", n, len(want))
	}
	for unit, r := range radius {
		q := fmt.Sprintf("<Geo><Lat>%v</Lat><Long>%v</Long></Geo><Proximity>%v</Proximity><proximityUnit>%s</proximityUnit>", lat, long, r, unit)
		resp, _ := searchPublic(t, url, q)
		if !slices.Equal(ids(resp.Stations), want) {
			t.Errorf("unit %s: %d stations %v\nwant %d %v", unit, len(resp.Stations), ids(resp.Stations), len(want), want)
		}
		if got := stationIDs(s.Dataset().PublicWithin(lat, long, r, unit)); !slices.Equal(got, want) {
			t.Errorf("PublicWithin unit %s: %v", unit, got)
		}
	}
	// Defaults: 5 miles.
	var want5 []string
	for _, st := range s.Dataset().Stations() {
		if st.Public && haversineMiles(lat, long, st.Lat, st.Long) <= 5 {
			want5 = append(want5, st.ID)
		}
	}
	resp, _ := searchPublic(t, url, fmt.Sprintf("<Geo><Lat>%v</Lat><Long>%v</Long></Geo><numStations>500</numStations>", lat, long))
	if len(want5) <= len(want) || !slices.Equal(ids(resp.Stations), want5) {
		t.Errorf("default radius: %d stations, want %d", len(resp.Stations), len(want5))
	}
}

// haversineMiles is written independently of geo.go.
func haversineMiles(lat1, long1, lat2, long2 float64) float64 {
	rad := func(d float64) float64 { return d * math.Pi / 180 }
	dLat, dLong := rad(lat2-lat1), rad(long2-long1)
	a := math.Pow(math.Sin(dLat/2), 2) + math.Cos(rad(lat1))*math.Cos(rad(lat2))*math.Pow(math.Sin(dLong/2), 2)
	return 2 * 3958.7613 * math.Atan2(math.Sqrt(a), math.Sqrt(1-a))
}

func TestAddressSearch(t *testing.T) {
	s, url := startServer(t, Options{})
	within := func(lat, long, miles float64) []string {
		var out []string
		for _, st := range s.Dataset().Stations() {
			if st.Public && haversineMiles(lat, long, st.Lat, st.Long) <= miles {
				out = append(out, st.ID)
			}
		}
		return out
	}
	cases := []struct {
		name, query string
		want        []string
	}{
		{"street address, state code", `<Address>1692 Dell Avenue</Address><City>Campbell</City><State>CA</State><postalCode>95008</postalCode><Proximity>1</Proximity>`, []string{"1:81203"}},
		{"street address, other spelling", `<Address> 1692  DELL AVE. </Address><City>campbell</City><State>California</State><Proximity>1</Proximity>`, []string{"1:81203"}},
		{"full one-line address", `<Address>1692 Dell Ave, Campbell, CA 95008</Address><Proximity>1</Proximity>`, []string{"1:81203"}},
		{"postal code", `<postalCode>98101</postalCode><Proximity>4</Proximity>`, within(47.6062, -122.3321, 4)},
		{"city", `<City>Austin</City><State>TX</State><Proximity>6</Proximity><proximityUnit>K</proximityUnit>`, within(30.2672, -97.7431, 6/1.609344)},
		{"Canadian postal code", `<postalCode>V6B 4Y8</postalCode><Proximity>2</Proximity>`, within(49.2827, -123.1207, 2)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if len(c.want) == 0 {
				t.Fatal("test case matches nothing")
			}
			resp, raw := searchPublic(t, url, c.query)
			if !slices.Equal(ids(resp.Stations), c.want) {
				t.Fatalf("got %v, want %v\n%s", ids(resp.Stations), c.want, raw)
			}
		})
	}
}

func TestFilters(t *testing.T) {
	s, url := startServer(t, Options{Stations: 1000})
	all := s.Dataset().Stations()
	filter := func(keep func(st *Station) bool) []string {
		var out []string
		for i := range all {
			if all[i].Public && keep(&all[i]) {
				out = append(out, all[i].ID)
			}
		}
		return out
	}
	anyPort := func(st *Station, f func(p Port) bool) bool { return slices.ContainsFunc(st.Ports, f) }
	var private, multi string
	for _, st := range all {
		if !st.Public && private == "" {
			private = st.ID
		}
		if st.Public && multi == "" && anyPort(&st, func(p Port) bool { return len(p.Connectors) > 1 }) {
			multi = st.ID
		}
	}
	cases := []struct {
		name, query string
		want        []string
	}{
		{"stationID, case-insensitive", `<stationID>1:81203</stationID>`, []string{"1:81203"}},
		{"private station is not public", `<stationID>` + private + `</stationID>`, nil},
		{"manufacturer", `<stationManufacturer>coulomb</stationManufacturer>`, filter(func(st *Station) bool { return st.Manufacturer == "Coulomb" })},
		{"model", `<stationModel>CPE250C-625-CCM</stationModel>`, filter(func(st *Station) bool { return st.Model == "CPE250C-625-CCM" })},
		{"name wildcard", `<stationName>acme corp / *DC*</stationName>`, filter(func(st *Station) bool {
			return strings.HasPrefix(st.Name, "ACME CORP / ") && strings.Contains(st.Name[len("ACME CORP / "):], "DC")
		})},
		{"name exact", `<stationName>CHARGEPOINT / HQ 5</stationName>`, []string{"1:81203"}},
		{"country alias", `<Country>CA</Country>`, filter(func(st *Station) bool { return st.Country == "Canada" })},
		{"country name", `<Country>germany</Country>`, filter(func(st *Station) bool { return st.Country == "Germany" })},
		{"state code", `<State>WA</State>`, filter(func(st *Station) bool { return st.State == "Washington" })},
		{"level DC", `<Level>DC</Level>`, filter(func(st *Station) bool { return anyPort(st, func(p Port) bool { return p.Level == "DC" }) })},
		{"level L1 by number", `<Level>1</Level>`, filter(func(st *Station) bool { return anyPort(st, func(p Port) bool { return p.Level == "L1" }) })},
		{"mode 3", `<Mode>3</Mode>`, filter(func(st *Station) bool { return anyPort(st, func(p Port) bool { return p.Mode == "3" }) })},
		{"connector on a two-cable port", `<Connector>chademo</Connector>`, filter(func(st *Station) bool {
			return anyPort(st, func(p Port) bool { return strings.Contains(p.Connector, "CHAdeMO") })
		})},
		{"voltage and level on the same port", `<Voltage>208</Voltage><Level>L2</Level>`, filter(func(st *Station) bool {
			return anyPort(st, func(p Port) bool { return p.Voltage == "208" && p.Level == "L2" })
		})},
		{"power, numerically", `<Power>62.50</Power>`, filter(func(st *Station) bool { return anyPort(st, func(p Port) bool { return p.Power == "62.5" }) })},
		{"reservable", `<Reservable>true</Reservable>`, filter(func(st *Station) bool { return anyPort(st, func(p Port) bool { return p.Reservable }) })},
		{"not reservable", `<Reservable>0</Reservable><Country>DE</Country>`, filter(func(st *Station) bool {
			return st.Country == "Germany" && anyPort(st, func(p Port) bool { return !p.Reservable })
		})},
		{"serial number", `<serialNumber>1211150072a4</serialNumber>`, []string{"1:81203"}},
		{"demo serial numbers", `<demoSerialNumber><serialNumber>1211150072A4</serialNumber><serialNumber>nope</serialNumber></demoSerialNumber>`, []string{"1:81203"}},
		{"qualified children", `<urn:stationID>` + multi + `</urn:stationID>`, []string{multi}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.want != nil && len(c.want) == len(filter(func(*Station) bool { return true })) {
				t.Fatal("filter keeps every station: test is too weak")
			}
			resp, raw := searchPublic(t, url, c.query+"<numStations>500</numStations>")
			if c.want == nil {
				if resp.ResponseCode != "102" {
					t.Fatalf("want 102\n%s", raw)
				}
				return
			}
			if len(c.want) == 0 || len(c.want) > 500 {
				t.Fatalf("test case keeps %d stations", len(c.want))
			}
			if !slices.Equal(ids(resp.Stations), c.want) {
				t.Fatalf("got %d %v\nwant %d %v", len(resp.Stations), ids(resp.Stations), len(c.want), c.want)
			}
		})
	}
}

func TestEstimatedCost(t *testing.T) {
	_, url := startServer(t, Options{})
	pricing := func(minutes int, kwh float64) string {
		return fmt.Sprintf(`<stationID>1:81203</stationID><Pricing><startTime>08:00:00</startTime><Duration>%d</Duration><energyRequired>%v</energyRequired><vehiclePower>7.2</vehiclePower></Pricing>`, minutes, kwh)
	}
	for _, c := range []struct {
		query, want string
	}{
		{pricing(120, 14), "3.00"}, // 1.50/h x 2 h
		{pricing(90, 10), "2.25"},
		{pricing(10, 1), "0.50"}, // 0.25, raised to minPrice
		{`<stationID>1:81203</stationID>`, "0.00"},
	} {
		resp, raw := searchPublic(t, url, c.query)
		for _, p := range resp.Stations[0].Ports {
			if p.EstimatedCost != c.want {
				t.Fatalf("estimatedCost %s, want %s\n%s", p.EstimatedCost, c.want, raw)
			}
		}
	}
	// Generated stations: per-kWh and per-session prices count, stations without pricing cost 0.00.
	s, url := startServer(t, Options{Stations: 500})
	checked := map[string]bool{}
	for _, st := range s.Dataset().Stations() {
		if !st.Public {
			continue
		}
		kind := "none"
		want := 0.0
		if len(st.Pricing) > 0 {
			p := st.Pricing[0]
			kind = p.Type
			want = math.Max(p.UnitPricePerHour*1.5+p.UnitPricePerSession+p.UnitPricePerKWh*20, p.MinPrice)
		}
		if checked[kind] {
			continue
		}
		checked[kind] = true
		resp, _ := searchPublic(t, url, `<stationID>`+st.ID+`</stationID><Pricing><startTime>18:00:00</startTime><Duration>90</Duration><energyRequired>20</energyRequired><vehiclePower>11</vehiclePower></Pricing>`)
		want = math.Round(want*100) / 100 // half away from zero, as money is rounded
		if got := resp.Stations[0].Ports[0].EstimatedCost; got != fmt.Sprintf("%.2f", want) {
			t.Errorf("%s (%s): estimatedCost %s, want %.2f", st.ID, kind, got, want)
		}
	}
	if len(checked) < 4 {
		t.Errorf("only pricing kinds %v checked", checked)
	}
}
