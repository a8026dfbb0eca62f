package simulator

import (
	"fmt"
	"math"
	"runtime"
	"strconv"
	"sync"
	"time"
)

// The seed station is the one in ChargePoint's setup guide, field for field.
const (
	seedID   = "1:81203"
	seedLat  = 37.261489868164060
	seedLong = -121.957534790039060
)

// Layout of the generated stations.
const (
	spreadKm        = 15.0     // stations lie within this distance of their city centre
	seedClearanceKm = 2.414016 // 1.5 miles: no generated station closer to the seed station
	firstNumber     = 9000000  // station i gets number firstNumber + 10*i + (0..9): unique, seven digits up to 100,000 stations
)

// RNG streams (see newRNG). Add a new stream for new attributes so existing data does not change.
const (
	streamStation uint64 = iota + 1
	streamExtras         // generate_extras.go
)

// referenceTime anchors the generated time stamps, so the data set does not depend on the clock.
var referenceTime = time.Date(2025, time.January, 15, 12, 0, 0, 0, time.UTC)

func seedStation() Station {
	ts := time.Date(2013, time.March, 5, 21, 40, 0, 0, time.UTC)
	port := func(n int) Port {
		return Port{Number: n, Status: "AVAILABLE", Level: "L2", TimeStamp: ts,
			Connector: "J1772", Voltage: "240", Current: "30", Power: "7.2"}
	}
	s := Station{
		ID: seedID, Manufacturer: "Coulomb", Model: "CT2025-HD-GW1-CCR",
		MacAddr: "000D:6F00:0154:2B8D", SerialNum: "1211150072A4",
		Name: "CHARGEPOINT / HQ 5", Description: "Front parking lot along Dell Ave.",
		Address: "1692 Dell Ave", City: "Campbell", State: "California", Country: "United States", PostalCode: "95008",
		Lat: seedLat, Long: seedLong,
		Ports: []Port{port(1), port(2)},
		Pricing: []Pricing{{Type: "None", StartTime: "00:00:00", EndTime: "23:59:59",
			MinPrice: 0.50, MaxPrice: 0.00, UnitPricePerHour: 1.50, UnitPricePerSession: 0.00, UnitPricePerKWh: 0.00}},
		MainPhone: "(888) 758-4389", ModTime: time.Date(2012, time.November, 15, 1, 29, 16, 0, time.UTC),
		TimezoneOffset: "-08:00", CurrencyCode: "USD",
		Public: true, OrgID: chargePointOrgID, OrganizationName: "ChargePoint",
	}
	addSeedExtras(&s)
	return s
}

// addSeedExtras sets the seed station's 5.1 getStations attributes. Its port 2 is UNREACHABLE (its power
// module stopped answering, an active fault), which makes UnreachableGroupID hold for every data set.
func addSeedExtras(s *Station) {
	s.CompanyID = "1"
	s.ActivationDate = time.Date(2012, time.October, 2, 18, 0, 0, 0, time.UTC)
	s.LastModified = s.ModTime
	s.WarrantyExpiration = time.Date(2027, time.October, 2, 0, 0, 0, 0, time.UTC)
	s.WarrantyService, s.WarrantyType = "Assure", "Parts and Labor"
	s.ServicePlanExpiry = time.Date(2027, time.October, 1, 0, 0, 0, 0, time.UTC)
	s.ServicePlanRenew = time.Date(2027, time.September, 1, 0, 0, 0, 0, time.UTC)
	s.SiteValidated, s.SiteValidationDate = true, time.Date(2012, time.October, 5, 16, 0, 0, 0, time.UTC)
	s.WANIPAddress, s.NetworkStatus, s.Firmware, s.Reception = "198.51.100.23", "Reachable", "4.10.2.14", 4
	s.RadioGroupID = "1000"
	s.AdminStatus, s.ProvisionStatus = "Active", "Provisioned"

	port := &s.Ports[1]
	port.Status, port.FaultReason = "UNREACHABLE", faultPowerModule.Name
	n := 0
	s.Faults = []Fault{newFault(faultPowerModule, s, port.TimeStamp.Add(-3*time.Minute), true, &n)}
	s.groupIDs = []int{20001, UnreachableGroupID}
}

// generate returns the seed station plus n generated stations, deterministically from seed. Station i
// depends only on (seed, i), so the work is split over the CPUs.
func generate(n int, seed int64) []Station {
	out := make([]Station, n+1)
	out[0] = seedStation()
	seedPoint := newGeoPoint(seedLat, seedLong)
	workers := min(runtime.GOMAXPROCS(0), 1+n/2000)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				out[i+1] = generateStation(seed, i, seedPoint)
			}
		}()
	}
	wg.Wait()
	return out
}

type company struct{ Name, Upper string }

var companies = func() []company {
	names := []string{"Acme Corp", "Globex", "Initech", "Umbrella Health", "Stark Industries", "Wayne Enterprises",
		"Hooli", "Pied Piper", "Vandelay Industries", "Cyberdyne", "Soylent", "Tyrell", "Wonka Foods",
		"Dunder Mifflin", "Massive Dynamic", "City Parking", "Northwind Traders", "Contoso", "Fabrikam", "Oceanic"}
	out := make([]company, len(names))
	for i, n := range names {
		out[i] = company{Name: n, Upper: toUpperASCII(n)}
	}
	return out
}()

var (
	sites        = []string{"GARAGE", "LOT A", "LOT B", "LEVEL P2", "VISITOR", "FLEET", "DEPOT", "SURFACE LOT", "HQ", "PLAZA"}
	descriptions = []string{"Level P2 near the elevators.", "Visitor parking, north side.", "Behind the main building.",
		"Fleet vehicles only after 6 pm.", "Entrance from the side street.", "Ground floor, rows A and B.", "-"}
	placeWeights = func() []int {
		w := make([]int, len(places))
		for i, p := range places {
			w[i] = p.Weight
		}
		return w
	}()
)

type model struct{ Manufacturer, Model string }

// Station kinds, with the models that have them.
const (
	kindL2 = iota
	kindDC
	kindL1
	kindMixed // one L1 port, the rest L2
)

var (
	naKindWeights = []int{55, 20, 10, 15}
	euKindWeights = []int{75, 25, 0, 0}
	naModels      = [][]model{
		kindL2:    {{"ChargePoint", "CT4021-GW1"}, {"ChargePoint", "CT4011-GW1"}, {"ChargePoint", "CT4025-GW1"}, {"Coulomb", "CT2021-HD-GW1"}, {"ChargePoint", "CPF50-L23"}},
		kindDC:    {{"ChargePoint", "CPE250C-625-CCM"}, {"ChargePoint", "CPE200T-CCM"}, {"ChargePoint", "CPE280-CS-CC"}},
		kindL1:    {{"Coulomb", "CT2011-HD-GW1"}, {"ChargePoint", "CT2011-GW1"}},
		kindMixed: {{"Coulomb", "CT2025-HD-GW1-CCR"}, {"Coulomb", "CT2023-GW1"}},
	}
	euModels = [][]model{
		kindL2: {{"ChargePoint", "CPF50-EU-T2"}, {"ChargePoint", "CT4021-EU"}},
		kindDC: {{"ChargePoint", "CPE250-EU"}, {"ChargePoint", "CPE200-EU"}},
	}
	kindLabel = []string{kindL2: "L2", kindDC: "DC", kindL1: "L1", kindMixed: "L2"}
)

func generateStation(seed int64, i int, seedPoint geoPoint) Station {
	r := newRNG(seed, streamStation, uint64(i))
	p := places[r.weighted(placeWeights)]
	lat, long := scatter(r, p, seedPoint)

	kindWeights, models := naKindWeights, naModels
	if p.Europe {
		kindWeights, models = euKindWeights, euModels
	}
	kind := r.weighted(kindWeights)
	m := pick(r, models[kind])
	site := r.intn(len(companies))
	comp := companies[site]
	label := kindLabel[kind]
	if p.Europe && kind == kindL2 {
		label = "AC"
	}

	s := Station{
		ID:           strconv.Itoa(p.CPN) + ":" + strconv.Itoa(firstNumber+10*i+r.intn(10)),
		Manufacturer: m.Manufacturer,
		Model:        m.Model,
		MacAddr:      fmt.Sprintf("000D:6F00:%04X:%04X", 0x0150+(i>>16), uint16(i)^uint16(mix64(uint64(seed)))),
		SerialNum:    fmt.Sprintf("%02d%02d%02d%05d%X", r.between(11, 24), r.between(1, 12), r.between(1, 28), i%100000, r.intn(16)),
		Name:         fmt.Sprintf("%s / %s %s %02d", comp.Upper, pick(r, sites), label, r.between(1, 40)),
		Description:  pick(r, descriptions),
		City:         p.City, State: p.State, Country: p.Country,
		Lat: lat, Long: long,
		MainPhone:      p.MainPhone,
		ModTime:        time.Date(2013, time.January, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.intn(12*365*86400)) * time.Second),
		TimezoneOffset: p.TimezoneOffset,
		CurrencyCode:   p.Currency,
		Public:         r.chance(0.9),
	}
	number := r.between(1, 2999)
	if p.Europe {
		s.Address = pick(r, p.Streets) + " " + strconv.Itoa(number)
	} else {
		s.Address = strconv.Itoa(number) + " " + pick(r, p.Streets)
	}
	s.PostalCode = pick(r, p.PostalCodes)
	switch p.CPN {
	case 4: // Canadian FSA + LDU, e.g. "V6B 1A1"
		s.PostalCode += fmt.Sprintf(" %d%c%d", r.intn(10), 'A'+r.intn(26), r.intn(10))
	case 2:
		if p.Country == "Netherlands" {
			s.PostalCode += fmt.Sprintf(" %c%c", 'A'+r.intn(26), 'A'+r.intn(26))
		}
	}
	s.Ports = generatePorts(r, kind, p.Europe)
	s.Pricing = generatePricing(r, kind)
	addExtras(&s, seed, i)
	return s
}

// scatter places a station uniformly within spreadKm of the city centre, but never within 1.5 miles of
// the seed station (so "within 1 mile of 1692 Dell Ave" finds the seed station alone). Coordinates are
// rounded to 6 decimals (about 0.1 m).
func scatter(r *rng, p place, seedPoint geoPoint) (lat, long float64) {
	for {
		d := spreadKm * math.Sqrt(r.float())
		theta := 2 * math.Pi * r.float()
		lat = round(p.Lat+d*math.Cos(theta)/111.32, 6)
		long = round(p.Long+d*math.Sin(theta)/(111.32*math.Cos(p.Lat*math.Pi/180)), 6)
		if haversineKm(seedPoint, newGeoPoint(lat, long)) >= seedClearanceKm {
			return lat, long
		}
	}
}

var (
	naDCConnectors = []string{"CCS1", "CHAdeMO"}
	euDCConnectors = []string{"CCS2", "CHAdeMO"}
	dcVoltages     = []int{400, 500, 750, 920}
	dcPowers       = []float64{50, 62.5, 125, 200, 350}
)

func generatePorts(r *rng, kind int, europe bool) []Port {
	var n int
	switch kind {
	case kindDC, kindL1:
		n = r.between(1, 2)
	case kindMixed:
		n = r.between(2, 3)
	default:
		n = r.between(1, 4)
	}
	ts := referenceTime.Add(-time.Duration(r.intn(7*86400)) * time.Second)
	unreachable := r.chance(0.1)
	if unreachable {
		ts = ts.Add(-time.Duration(r.between(7, 60)) * 24 * time.Hour)
	}
	ports := make([]Port, n)
	for j := range ports {
		pt := Port{Number: j + 1, Reservable: r.chance(0.1), TimeStamp: ts}
		switch {
		case unreachable:
			pt.Status = "UNREACHABLE"
		default:
			pt.Status = []string{"AVAILABLE", "INUSE", "UNKNOWN"}[r.weighted([]int{65, 28, 7})]
		}
		portKind := kind
		if kind == kindMixed {
			portKind = kindL2
			if j == 0 {
				portKind = kindL1
			}
		}
		switch {
		case portKind == kindL1:
			pt.Level, pt.Connector, pt.Voltage, pt.Current, pt.Power = "L1", "NEMA 5-20R", "120", "16", "1.9"
		case portKind == kindL2 && !europe:
			v, a := pick(r, []int{208, 240}), pick(r, []int{24, 30, 32})
			pt.Level, pt.Connector = "L2", "J1772"
			pt.Voltage, pt.Current, pt.Power = strconv.Itoa(v), strconv.Itoa(a), formatKW(round(float64(v*a)/1000, 1))
		case portKind == kindL2: // Europe: Mode 3, Type 2
			pt.Mode, pt.Connector = "3", "Type 2"
			switch r.intn(3) {
			case 0:
				pt.Voltage, pt.Current, pt.Power = "230", "32", "7.4"
			case 1:
				pt.Voltage, pt.Current, pt.Power = "400", "16", "11"
			default:
				pt.Voltage, pt.Current, pt.Power = "400", "32", "22"
			}
		default: // DC
			connectors := naDCConnectors
			if europe {
				pt.Mode = "4"
				connectors = euDCConnectors
			} else {
				pt.Level = "DC"
			}
			v, kw := pick(r, dcVoltages), pick(r, dcPowers)
			pt.Voltage, pt.Current, pt.Power = strconv.Itoa(v), strconv.Itoa(int(math.Round(kw*1000/float64(v)))), formatKW(kw)
			if r.chance(0.4) { // one port, two cables: 1A and 1B
				label := strconv.Itoa(j + 1)
				pt.Connector = connectors[0] + ", " + connectors[1]
				second := pt.Status
				if second == "INUSE" {
					second = "AVAILABLE" // only one cable charges at a time
				}
				pt.Connectors = []Connector{
					{Label: label + "A", Status: pt.Status, Type: connectors[0]},
					{Label: label + "B", Status: second, Type: connectors[1]},
				}
			} else {
				pt.Connector = pick(r, connectors)
			}
		}
		ports[j] = pt
	}
	return ports
}

func generatePricing(r *rng, kind int) []Pricing {
	blocks := r.weighted([]int{25, 55, 20})
	if blocks == 0 {
		return nil
	}
	typ := []string{"Hourly", "kWh", "Session", "None"}[r.weighted([]int{35, 35, 15, 15})]
	base := Pricing{Type: typ, StartTime: "00:00:00", EndTime: "23:59:59", MinPrice: []float64{0, 0.50, 1.00}[r.intn(3)]}
	switch typ {
	case "Hourly", "None":
		base.UnitPricePerHour = 1 + 0.25*float64(r.intn(9))
	case "kWh":
		base.UnitPricePerKWh = round(0.25+0.01*float64(r.intn(31)), 2)
		if kind == kindDC {
			base.UnitPricePerKWh = round(base.UnitPricePerKWh+0.15, 2)
		}
	case "Session":
		base.UnitPricePerSession = float64(r.between(1, 5))
	}
	if r.chance(0.2) {
		base.MaxPrice = float64(r.between(10, 30))
	}
	if blocks == 1 {
		return []Pricing{base}
	}
	// Two blocks: off-peak mornings, peak afternoons and evenings (1.5 times the price).
	am, pm := base, base
	am.EndTime = "11:59:59"
	pm.StartTime = "12:00:00"
	pm.UnitPricePerHour = round(pm.UnitPricePerHour*1.5, 2)
	pm.UnitPricePerKWh = round(pm.UnitPricePerKWh*1.5, 2)
	pm.UnitPricePerSession = round(pm.UnitPricePerSession*1.5, 2)
	return []Pricing{am, pm}
}

func formatKW(kw float64) string { return strconv.FormatFloat(kw, 'f', -1, 64) }

func toUpperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
