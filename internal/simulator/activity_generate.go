package simulator

import (
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// RNG streams of the activity data (see newRNG); numbered apart from the station streams.
const (
	streamActivitySessions uint64 = 101 + iota
	streamActivityUsers
	streamActivityAlarms
	streamActivityBilling
	streamActivityFleet
	streamActivityIntervals
)

// First IDs: IDs grow with time (sessions by start, transactions by transaction time) and with the
// driver's index (users), with gaps, as real IDs have.
const (
	firstSessionID     = 53068029
	firstTransactionID = 182400000
	firstUserID        = 1000000
	referenceUserID    = "1000001"
)

// activitySeed derives the seed of the activity data from the stations, which are themselves a
// function of Options.Seed and Options.Stations: the same options give the same activity.
func activitySeed(d *Dataset) int64 {
	h := fnv.New64a()
	for i := range d.stations {
		st := &d.stations[i]
		h.Write([]byte(st.ID))
		h.Write([]byte(st.MacAddr))
		h.Write([]byte(st.SerialNum))
	}
	return int64(h.Sum64())
}

func fnvString(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

func buildActivity(d *Dataset) *activity {
	seed := activitySeed(d)
	a := &activity{
		stations:         d,
		sessionIndex:     map[int64]int{},
		activeOnPort:     map[portRef]int{},
		userIndex:        map[string]int{},
		vehicleIndex:     map[string]int{},
		transactionIndex: map[int64]int{},
		shedPercent:      map[string]int{},
	}
	a.users, a.vehicles = generateDrivers(seed, max(40, d.Len()/3), stationOrgs(d))
	for i, u := range a.users {
		a.userIndex[u.ID] = i
	}
	for i, v := range a.vehicles {
		a.vehicleIndex[v.ID] = i
	}
	a.generateSessions(seed)
	a.generateTransactions(seed)
	a.generateFleetUsage(seed)
	a.generateAlarms(seed)
	return a
}

type orgRef struct{ ID, CompanyID, Name string }

// stationOrgs lists the organizations that own stations, sorted by ID: fleets belong to them.
func stationOrgs(d *Dataset) []orgRef {
	seen := map[string]orgRef{}
	for i := range d.stations {
		st := &d.stations[i]
		seen[st.OrgID] = orgRef{st.OrgID, st.CompanyID, st.OrganizationName}
	}
	out := make([]orgRef, 0, len(seen))
	for _, o := range seen {
		out = append(out, o)
	}
	slices.SortFunc(out, func(a, b orgRef) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// --- drivers and fleet vehicles ---

var (
	firstNames = []string{"Ada", "Grace", "Alan", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Frances", "John",
		"Radia", "Tim", "Hedy", "Vint", "Katherine", "Donald", "Shafi", "Edsger", "Joan", "Niklaus", "Sophie", "Lars", "Amara", "Hiro"}
	lastNames = []string{"Nguyen", "Garcia", "Smith", "Mueller", "Johnson", "Kim", "Patel", "Rossi", "Dubois", "Jansen",
		"Okafor", "Tanaka", "Silva", "Cohen", "Novak", "Larsen", "Brown", "Schmidt", "Lopez", "Singh", "Murphy", "Chen"}
	departments     = []string{"Engineering", "Facilities", "Sales", "Operations", "Finance", "Research"}
	homeModels      = []string{"CPH50-NEMA6-50-L23", "CPH50-HW-L23", "CPH25-L23"}
	homeStatuses    = []string{"AVAILABLE", "AVAILABLE", "AVAILABLE", "INUSE", "UNREACHABLE"}
	vehicleColors   = []string{"White", "Silver", "Black", "Blue", "Red", "Grey"}
	telematics      = []string{"Geotab", "Samsara"}
	vinAlphabet     = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
	fleetCategories = map[string]string{"VAN": "Delivery Vans", "CAR": "Pool Cars", "TRK": "Service Trucks"}
)

// ev is a vehicle model: what it accepts (kW, AC and DC) and its battery (kWh).
type ev struct {
	Make, Model, Type string
	Year              int
	ACkW, DCkW        float64
	BatteryKWh        float64
	Category          string // fleet vehicles only: VAN, CAR or TRK
}

var (
	privateEVs = []ev{
		{"Tesla", "Model 3", "BEV", 2023, 11, 170, 75, ""},
		{"Chevrolet", "Bolt EV", "BEV", 2022, 11, 55, 65, ""},
		{"Nissan", "Leaf", "BEV", 2021, 6.6, 50, 40, ""},
		{"Ford", "Mustang Mach-E", "BEV", 2024, 11, 150, 91, ""},
		{"Hyundai", "Ioniq 5", "BEV", 2023, 11, 230, 77, ""},
		{"Kia", "EV6", "BEV", 2024, 11, 230, 77, ""},
		{"Volkswagen", "ID.4", "BEV", 2022, 11, 135, 82, ""},
		{"Toyota", "RAV4 Prime", "PHEV", 2023, 6.6, 0, 18, ""},
		{"BMW", "i4", "BEV", 2024, 11, 200, 84, ""},
	}
	fleetEVs = []ev{
		{"Ford", "E-Transit", "BEV", 2023, 11, 115, 68, "VAN"},
		{"Rivian", "EDV 500", "BEV", 2024, 11, 210, 135, "VAN"},
		{"Chevrolet", "Bolt EV", "BEV", 2023, 11, 55, 65, "CAR"},
		{"Tesla", "Model 3", "BEV", 2024, 11, 170, 75, "CAR"},
		{"Ford", "F-150 Lightning", "BEV", 2023, 11, 150, 98, "TRK"},
	}
	referenceEV = privateEVs[1] // the reference driver's Bolt
)

// referenceUser is driver 0, the same for every seed: the driver of the seed station's sessions.
func referenceUser() User {
	return User{
		ID: referenceUserID, FirstName: "Ada", LastName: "Lovelace", Email: "ada.lovelace@example.com",
		LastModified:        time.Date(2026, time.October, 2, 17, 45, 0, 0, time.UTC),
		ConnectionStatus:    "APPROVED",
		ConnectionRequested: time.Date(2024, time.March, 11, 9, 30, 0, 0, time.UTC),
		ConnectionInfo:      []CustomInfo{{"Employee ID", "E-1815"}},
		RealmStatus:         "APPROVED",
		RealmSignup:         time.Date(2024, time.March, 12, 8, 0, 0, 0, time.UTC),
		RealmInfo:           []CustomInfo{{"Department", "Engineering"}},
		CredentialIDs:       []string{"490178743", "CNCP0000481668"},
		Home: &HomeStation{SerialNumber: "2211410072A1", Status: "AVAILABLE", ModelNumber: "CPH50-NEMA6-50-L23",
			MacAddress: "0024:B100:0002:4F1A", Activated: time.Date(2024, time.April, 2, 18, 20, 0, 0, time.UTC)},
	}
}

// generateDrivers returns n drivers (the reference driver first) and the fleet vehicles of the fleet
// drivers, both sorted by ID.
func generateDrivers(seed int64, n int, orgs []orgRef) ([]User, []FleetVehicle) {
	users := make([]User, n)
	users[0] = referenceUser()
	var vehicles []FleetVehicle
	for i := 1; i < n; i++ {
		r := newRNG(seed, streamActivityUsers, uint64(i))
		u := User{
			ID:        strconv.Itoa(firstUserID + 10*i + r.intn(10)),
			FirstName: pick(r, firstNames),
			LastName:  pick(r, lastNames),
		}
		u.Email = fmt.Sprintf("%s.%s%d@example.com", strings.ToLower(u.FirstName), strings.ToLower(u.LastName), i)
		u.LastModified = Now.Add(-randDuration(r, time.Hour, 400*24*time.Hour))
		u.ConnectionStatus = []string{"APPROVED", "PENDING", "REJECTED", "NOT CONNECTED"}[r.weighted([]int{70, 8, 5, 17})]
		u.ConnectionRequested = u.LastModified.Add(-randDuration(r, 0, 500*24*time.Hour))
		if u.ConnectionStatus == "APPROVED" || u.ConnectionStatus == "PENDING" {
			if r.chance(0.6) {
				u.ConnectionInfo = append(u.ConnectionInfo, CustomInfo{"Department", pick(r, departments)})
			}
			if r.chance(0.5) {
				u.ConnectionInfo = append(u.ConnectionInfo, CustomInfo{"Employee ID", fmt.Sprintf("E-%04d", 1000+i)})
			}
		}
		fleet := r.chance(0.15) && len(orgs) > 0
		u.RealmStatus = "NOT MANAGED"
		if fleet || r.chance(0.3) {
			u.RealmStatus = "APPROVED"
			u.RealmSignup = u.ConnectionRequested.Add(randDuration(r, time.Hour, 20*24*time.Hour))
			if u.RealmSignup.After(u.LastModified) {
				u.RealmSignup = u.LastModified
			}
			if r.chance(0.5) {
				u.RealmInfo = []CustomInfo{{"Cost Center", fmt.Sprintf("CC-%03d", 100+r.intn(60))}}
			}
		}
		switch {
		case fleet:
			u.CredentialIDs = []string{fmt.Sprintf("CPFL%010d", 205756+i)}
		case r.chance(0.7):
			u.CredentialIDs = []string{fmt.Sprintf("CNCP%010d", 481700+3*i)}
		default:
			u.CredentialIDs = []string{fmt.Sprintf("%09d", 300000000+7*i), fmt.Sprintf("CNCP%010d", 481700+3*i)}
		}
		if !fleet && r.chance(0.12) {
			u.Home = &HomeStation{
				SerialNumber: fmt.Sprintf("%02d%02d%02d%05d%X", r.between(19, 25), r.between(1, 12), r.between(1, 28), i%100000, r.intn(16)),
				Status:       pick(r, homeStatuses),
				ModelNumber:  pick(r, homeModels),
				MacAddress:   fmt.Sprintf("0024:B100:%04X:%04X", r.intn(0x10000), r.intn(0x10000)),
				Activated:    u.ConnectionRequested.Add(-randDuration(r, 0, 300*24*time.Hour)),
			}
		}
		if fleet {
			v := generateVehicle(r, i, &u, orgs)
			u.FleetVehicleID = v.ID
			vehicles = append(vehicles, v)
		}
		users[i] = u
	}
	return users, vehicles
}

// fleetModel is the model of a fleet vehicle (its year included), for the physics of its sessions.
func fleetModel(v *FleetVehicle) ev {
	m := fleetEVs[0]
	for _, candidate := range fleetEVs {
		if candidate.Make == v.Make && candidate.Model == v.Model {
			m = candidate
		}
	}
	m.Year = v.Year
	return m
}

func generateVehicle(r *rng, i int, u *User, orgs []orgRef) FleetVehicle {
	m := pick(r, fleetEVs)
	org := pick(r, orgs)
	v := FleetVehicle{
		ID:               fmt.Sprintf("FV%06d", 100000+i),
		FleetName:        org.Name + " " + fleetCategories[m.Category],
		VehicleID:        fmt.Sprintf("%s-%03d", m.Category, i%1000),
		License:          fmt.Sprintf("%d%c%c%c%03d", r.between(1, 9), 'A'+r.intn(26), 'A'+r.intn(26), 'A'+r.intn(26), r.intn(1000)),
		Color:            pick(r, vehicleColors),
		Make:             m.Make,
		Model:            m.Model,
		Year:             m.Year - r.intn(2),
		UserID:           u.ID,
		CredentialIDs:    u.CredentialIDs,
		OrgID:            org.ID,
		OrganizationName: org.Name,
		companyID:        org.CompanyID,
		Created:          Now.Add(-randDuration(r, 60*24*time.Hour, 800*24*time.Hour)),
	}
	vin := make([]byte, 17)
	for j := range vin {
		vin[j] = vinAlphabet[r.intn(len(vinAlphabet))]
	}
	v.VIN = string(vin)
	if r.chance(0.7) {
		v.TelematicsProvider, v.TelematicsStatus = pick(r, telematics), "Connected"
	}
	v.LastModified = v.Created.Add(randDuration(r, 0, Now.Sub(v.Created)-time.Hour))
	return v
}

// --- sessions ---

// seedSessions are the seed station's sessions, the same for every seed, all on port 1 (port 2 is
// UNREACHABLE) and all by the reference driver. Four of them start in the 7 days before Now (12.120572 + 18.734210 + 1.203311 + 25.480000 kWh); the
// 12-minute one has exactly one 15-minute interval; the 63-hour one shows hours beyond 24.
var seedSessions = []struct {
	port               int
	start              string
	duration, charging string
	energy             float64
	credential         int
	endedBy            string
}{
	{1, "2026-11-02T15:20:04Z", "3h5m41s", "2h38m10s", 17.084512, 1, "Plug Out at Vehicle"},
	{1, "2026-11-07T17:00:00Z", "63h45m20s", "5h12m0s", 33.109870, 1, "Timeout"},
	{1, "2026-11-14T16:05:11Z", "2h41m30s", "1h52m5s", 12.120572, 0, "Plug Out at Vehicle"},
	{1, "2026-11-16T09:12:40Z", "4h10m2s", "2h53m11s", 18.734210, 1, "Plug Out at Station"},
	{1, "2026-11-18T13:40:02Z", "12m9s", "11m7s", 1.203311, 0, "Plug Out at Vehicle"},
	{1, "2026-11-19T08:30:00Z", "9h0m0s", "3h55m12s", 25.480000, 1, "Plug Out at Vehicle"},
}

func fixedSeedSessions() []Session {
	ref := referenceUser()
	out := make([]Session, len(seedSessions))
	for i, f := range seedSessions {
		start, _ := time.Parse(time.RFC3339, f.start)
		dur, _ := time.ParseDuration(f.duration)
		charging, _ := time.ParseDuration(f.charging)
		out[i] = Session{
			StationID: seedID, PortNumber: f.port, UserID: ref.ID, CredentialID: ref.CredentialIDs[f.credential],
			Start: start, End: start.Add(dur), Charging: charging, Energy: f.energy, EndedBy: f.endedBy,
			VehicleMake: referenceEV.Make, VehicleModel: referenceEV.Model,
			VehicleModelYear: strconv.Itoa(referenceEV.Year), VehicleType: referenceEV.Type,
			VehiclePortMAC: "00:1E:C0:5A:21:7F",
		}
	}
	return out
}

var endings = []string{"Plug Out at Vehicle", "Plug Out at Station", "Timeout", "Remote Stop"}

// generateSessions gives every reachable port of every generated station a few completed sessions in
// the 30 days before Now, and every INUSE port one session in progress at Now. IDs follow start order.
func (a *activity) generateSessions(seed int64) {
	sessions := fixedSeedSessions()
	for i := range a.stations.stations {
		st := &a.stations.stations[i]
		if st.ID == seedID {
			continue
		}
		r := newRNG(seed, streamActivitySessions, uint64(i))
		shed := r.chance(0.05)
		if shed {
			a.shedPercent[st.ID] = 50
		}
		for _, p := range st.Ports {
			if p.Status == "UNREACHABLE" {
				continue
			}
			limit := Now
			if p.Status == "INUSE" {
				s := a.session(r, st, &p, true, shed)
				sessions = append(sessions, s)
				limit = s.Start.Add(-randDuration(r, 10*time.Minute, 2*time.Hour))
			}
			k := r.weighted([]int{45, 30, 15, 10})
			if k == 0 {
				continue
			}
			from := Now.Add(-activityWindow)
			slot := limit.Sub(from) / time.Duration(k)
			for j := range k {
				s := a.session(r, st, &p, false, shed)
				dur := s.End.Sub(s.Start)
				if dur > slot-time.Hour {
					continue // does not fit (only long sessions in a short window)
				}
				offset := randDuration(r, 0, slot-dur-time.Minute)
				start := from.Add(time.Duration(j)*slot + offset).Truncate(time.Second)
				s.Start, s.End = start, start.Add(dur)
				if s.DriverOptedOut {
					s.DriverOptOutTime = start.Add(randDuration(r, 0, dur)).Truncate(time.Second)
				}
				sessions = append(sessions, s)
			}
		}
	}
	slices.SortStableFunc(sessions, func(x, y Session) int {
		if c := x.Start.Compare(y.Start); c != 0 {
			return c
		}
		if c := compareIDs(x.StationID, y.StationID); c != 0 {
			return c
		}
		return x.PortNumber - y.PortNumber
	})
	for i := range sessions {
		sessions[i].ID = firstSessionID + 7*int64(i) + int64(mix64(uint64(seed)^uint64(i))%7)
		a.sessionIndex[sessions[i].ID] = i
		if sessions[i].Active {
			a.activeOnPort[portRef{sessions[i].StationID, sessions[i].PortNumber}] = i
		}
	}
	a.sessions = sessions
}

// session draws one session on port p: its driver, vehicle, duration and energy. A completed session's
// Start is Now and is moved into place by the caller; an active one starts before Now and is charging
// at Now.
func (a *activity) session(r *rng, st *Station, p *Port, active, shed bool) Session {
	dc := p.Level == "DC" || p.Mode == "4"
	priced := len(st.Pricing) > 0
	s := Session{StationID: st.ID, PortNumber: p.Number, Active: active}

	// Duration class first: long sessions are never fleet sessions (fleet usage durations are xsd:time).
	var dur time.Duration
	long := false
	switch {
	case active:
	case r.chance(0.08):
		dur = randDuration(r, 5*time.Minute, 14*time.Minute)
	case dc:
		dur = randDuration(r, 15*time.Minute, 75*time.Minute)
	case r.chance(0.05):
		dur, long = randDuration(r, 25*time.Hour, 70*time.Hour), true
	default:
		dur = randDuration(r, 30*time.Minute, 10*time.Hour)
	}
	dur = dur.Truncate(time.Second)

	var user *User
	anonymous := priced && r.chance(0.07)
	if !anonymous {
		i := 1 + r.intn(len(a.users)-1)
		for tries := 0; long && a.users[i].FleetVehicleID != "" && tries < len(a.users); tries++ {
			i = 1 + i%(len(a.users)-1)
		}
		user = &a.users[i]
		s.UserID = user.ID
		s.CredentialID = pick(r, user.CredentialIDs)
	} else {
		s.PaymentTerminalInfo = fmt.Sprintf("Contactless reader T-%04d", r.intn(10000))
	}

	var vehicle ev
	reported, fleet := false, false
	if user != nil && user.FleetVehicleID != "" {
		v := a.vehicle(user.FleetVehicleID)
		vehicle, reported, fleet = fleetModel(v), true, true
	} else {
		for {
			vehicle = pick(r, privateEVs)
			if !dc || vehicle.DCkW > 0 {
				break
			}
		}
		reported = r.chance(0.6)
	}
	if reported {
		s.VehicleMake, s.VehicleModel = vehicle.Make, vehicle.Model
		s.VehicleModelYear, s.VehicleType = strconv.Itoa(vehicle.Year), vehicle.Type
		mac := r.next()
		if fleet { // the same car every time
			mac = fnvString(user.FleetVehicleID)
		}
		s.VehiclePortMAC = fmt.Sprintf("00:1E:C0:%02X:%02X:%02X", byte(mac>>16), byte(mac>>8), byte(mac))
	}

	portKW, _ := strconv.ParseFloat(p.Power, 64)
	accepts := vehicle.ACkW
	if dc {
		accepts = vehicle.DCkW
	}
	kw := min(portKW, accepts) * (0.85 + 0.12*r.float())
	if shed && active {
		kw = min(kw, portKW*0.5)
	}
	startPct := 10 + 50*r.float()
	target := 80 + 20*r.float()
	if dc {
		target = 75 + 15*r.float()
	}
	needH := vehicle.BatteryKWh * (target - startPct) / 100 / kw

	var charging time.Duration
	if active {
		elapsed := randDuration(r, 15*time.Minute, 6*time.Hour)
		if dc {
			elapsed = randDuration(r, 5*time.Minute, 35*time.Minute)
		}
		elapsed = max(3*time.Minute, min(elapsed, time.Duration(0.9*needH*float64(time.Hour)))).Truncate(time.Second)
		s.Start = Now.Add(-elapsed)
		charging = elapsed
	} else {
		maxH := dur.Hours() * (0.6 + 0.38*r.float())
		charging = time.Duration(min(needH, maxH) * float64(time.Hour)).Truncate(time.Second)
		s.Start, s.End = Now, Now.Add(dur)
		s.EndedBy = endings[r.weighted([]int{60, 20, 12, 8})]
		s.DriverOptedOut = r.chance(0.03)
	}
	s.Charging = charging
	s.Energy = round(kw*charging.Hours(), 6)
	if dc || fleet {
		s.StartBattery = round(startPct, 1)
		s.StopBattery = round(min(100, startPct+s.Energy/vehicle.BatteryKWh*100), 1)
	}
	return s
}

func (a *activity) vehicle(id string) *FleetVehicle {
	i, ok := a.vehicleIndex[id]
	if !ok {
		return nil
	}
	return &a.vehicles[i]
}

// --- transactions ---

var (
	exchangeRateUSD = map[string]float64{"USD": 1, "CAD": 0.7215, "EUR": 1.0842}
	includedTax     = map[string]float64{"Canada": 0.05, "Germany": 0.19, "Netherlands": 0.21}
)

// generateTransactions bills every completed session at a priced station (one transaction each) by
// the station's pricing block in force at the session's local start time.
func (a *activity) generateTransactions(seed int64) {
	var txs []Transaction
	for i := range a.sessions {
		s := &a.sessions[i]
		st, _ := a.stations.Station(s.StationID)
		if s.Active || len(st.Pricing) == 0 {
			continue
		}
		p := pricingAt(&st, s.Start)
		gross := round(p.UnitPricePerHour*s.Duration().Hours()+p.UnitPricePerSession+p.UnitPricePerKWh*s.Energy, 2)
		gross = max(gross, p.MinPrice)
		if p.MaxPrice > 0 {
			gross = min(gross, p.MaxPrice)
		}
		if gross <= 0 {
			continue
		}
		r := newRNG(seed, streamActivityBilling, uint64(s.ID))
		rate := includedTax[st.Country]
		fee := round(gross*0.10, 2)
		tax := round(gross*rate/(1+rate), 2)
		t := Transaction{
			SessionID: s.ID, StationID: s.StationID, PortNumber: s.PortNumber,
			PricingRuleName: pricingRuleName(&st), Type: "Session", Energy: s.Energy,
			Time:  s.End.Add(randDuration(r, 5*time.Second, 3*time.Minute)).Truncate(time.Second),
			Start: s.Start, End: s.End, Currency: st.CurrencyCode,
			GrossAmount: gross, ServiceFee: fee, NetRevenue: round(gross-fee, 2),
			ExchangeRateUSD: exchangeRateUSD[st.CurrencyCode], TaxAmount: tax, NetAmount: round(gross-tax, 2),
		}
		if s.UserID == "" {
			t.CreditCard = fmt.Sprintf("************%04d", r.intn(10000))
		}
		txs = append(txs, t)
	}
	slices.SortStableFunc(txs, func(x, y Transaction) int {
		if c := x.Time.Compare(y.Time); c != 0 {
			return c
		}
		return int(x.SessionID - y.SessionID)
	})
	for i := range txs {
		txs[i].ID = firstTransactionID + 5*int64(i) + int64(mix64(uint64(seed)^uint64(i)^0x7478)%5)
		a.sessions[a.sessionIndex[txs[i].SessionID]].TransactionID = txs[i].ID
		a.transactionIndex[txs[i].ID] = i
	}
	a.transactions = txs
}

// pricingAt returns the station's pricing block in force at t, station-local time.
func pricingAt(st *Station, t time.Time) Pricing {
	local := t.Add(parseOffset(st.TimezoneOffset)).Format("15:04:05")
	for _, p := range st.Pricing {
		if p.StartTime <= local && local <= p.EndTime {
			return p
		}
	}
	return st.Pricing[0]
}

func parseOffset(s string) time.Duration {
	t, err := time.Parse("-07:00", s)
	if err != nil {
		return 0
	}
	_, off := t.Zone()
	return time.Duration(off) * time.Second
}

func pricingRuleName(st *Station) string {
	kind := map[string]string{"Hourly": "Hourly Rate", "kWh": "Energy Rate", "Session": "Session Fee", "None": "Standard Rate"}[st.Pricing[0].Type]
	if len(st.Pricing) == 2 {
		kind = "Time of Use"
	}
	return st.OrganizationName + " " + kind
}

// --- fleet usage ---

var fraudStatuses = []string{"Verified (Power Values Matched)", "Session Validated", "Unknown", "Suspect (No Vehicle Info Available)"}

// generateFleetUsage makes one row per completed session of a fleet driver and sets each vehicle's
// charging status from its sessions.
func (a *activity) generateFleetUsage(seed int64) {
	odometer := map[string]float64{}
	lastEnd := map[string]time.Time{}
	charging := map[string]bool{}
	for i := range a.sessions {
		s := &a.sessions[i]
		if s.UserID == "" {
			continue
		}
		u := &a.users[a.userIndex[s.UserID]]
		if u.FleetVehicleID == "" {
			continue
		}
		if s.Active {
			charging[u.FleetVehicleID] = true
			continue
		}
		st, _ := a.stations.Station(s.StationID)
		v := a.vehicle(u.FleetVehicleID)
		r := newRNG(seed, streamActivityFleet, uint64(s.ID))
		if _, ok := odometer[v.ID]; !ok {
			odometer[v.ID] = float64(5000 + r.intn(35000))
		}
		odometer[v.ID] = round(odometer[v.ID]+s.Energy*3.2+float64(r.intn(80)), 1)
		lastEnd[v.ID] = s.End
		row := FleetUsage{
			ID: fmt.Sprintf("FU%d", s.ID), FleetVehicleID: v.ID, DriverID: "DRV-" + u.ID, FleetCustomerID: v.companyID,
			SessionID: s.ID, TransactionID: s.ID, TransactionTime: s.End,
			StationID: s.StationID, PortNumber: s.PortNumber, CredentialID: s.CredentialID,
			Energy: s.Energy, Start: s.Start, End: s.End, ChargingTime: s.Charging, SessionDuration: s.Duration(),
			StartSOC: s.StartBattery, EndSOC: s.StopBattery,
			FraudDetectionStatus: fraudStatuses[r.weighted([]int{55, 30, 10, 5})],
			GasolineSavings:      round(s.Energy*0.128, 3),
			GHGSavings:           round(s.Energy*0.82, 3),
			Odometer:             odometer[v.ID],
			Currency:             st.CurrencyCode,
			PaymentType:          "Free",
			PricingRule:          "Free",
		}
		if s.Duration() < 15*time.Minute {
			row.FraudDetectionStatus = "Unknown (Session Ended too Quickly)"
		}
		if s.TransactionID != 0 {
			t := a.transactions[a.transactionIndex[s.TransactionID]]
			row.TransactionID, row.TransactionTime = t.ID, t.Time
			row.Fee, row.PricingRule = t.GrossAmount, t.PricingRuleName
			row.PaymentID = fmt.Sprintf("PMT-%d", t.ID)
			row.PaymentSourceAccount = "Fleet account " + v.companyID
			row.PaymentType = "Fleet Account"
		}
		a.usage = append(a.usage, row)
	}
	for i := range a.vehicles {
		v := &a.vehicles[i]
		r := newRNG(seed, streamActivityFleet, uint64(i)<<40)
		switch {
		case charging[v.ID]:
			v.ChargingStatus = "Charging"
		case r.chance(0.05):
			v.ChargingStatus = "Fault"
		case !lastEnd[v.ID].IsZero() && Now.Sub(lastEnd[v.ID]) < 12*time.Hour:
			v.ChargingStatus = "Charged"
		default:
			v.ChargingStatus = "Not Plugged In"
		}
	}
}

// --- alarms ---

// seedAlarms are the seed station's alarms, the same for every seed.
var seedAlarms = []Alarm{
	{StationID: seedID, Type: "Unreachable", Time: time.Date(2026, time.November, 3, 2, 14, 9, 0, time.UTC)},
	{StationID: seedID, Type: "Reachable", Time: time.Date(2026, time.November, 3, 2, 31, 40, 0, time.UTC)},
	{StationID: seedID, PortNumber: 1, Type: "GFCI Trip", Time: time.Date(2026, time.November, 17, 19, 5, 33, 0, time.UTC)},
}

// generateAlarms: an unreachable station has an Unreachable alarm from when it went silent; others have
// up to three alarm events in the last 30 days (an Unreachable is followed by a Reachable).
func (a *activity) generateAlarms(seed int64) {
	alarms := slices.Clone(seedAlarms)
	for i := range a.stations.stations {
		st := &a.stations.stations[i]
		if st.ID == seedID {
			continue
		}
		r := newRNG(seed, streamActivityAlarms, uint64(i))
		if allUnreachable(st) {
			alarms = append(alarms, Alarm{StationID: st.ID, Type: "Unreachable", Time: st.Ports[0].TimeStamp.Add(10 * time.Minute)})
			continue
		}
		for range r.weighted([]int{50, 30, 15, 5}) {
			at := Now.Add(-randDuration(r, time.Hour, activityWindow)).Truncate(time.Second)
			switch r.weighted([]int{30, 20, 25}) {
			case 0:
				alarms = append(alarms, Alarm{StationID: st.ID, PortNumber: 1 + r.intn(len(st.Ports)), Type: "GFCI Trip", Time: at})
			case 1:
				alarms = append(alarms, Alarm{StationID: st.ID, Type: "Power Loss", Time: at})
			default:
				back := at.Add(randDuration(r, 5*time.Minute, 90*time.Minute)).Truncate(time.Second)
				alarms = append(alarms, Alarm{StationID: st.ID, Type: "Unreachable", Time: at},
					Alarm{StationID: st.ID, Type: "Reachable", Time: back})
			}
		}
	}
	slices.SortStableFunc(alarms, compareAlarms)
	a.alarms = alarms
}

func allUnreachable(st *Station) bool {
	for _, p := range st.Ports {
		if p.Status != "UNREACHABLE" {
			return false
		}
	}
	return len(st.Ports) > 0
}

func compareAlarms(x, y Alarm) int {
	if c := x.Time.Compare(y.Time); c != 0 {
		return c
	}
	if c := compareIDs(x.StationID, y.StationID); c != 0 {
		return c
	}
	if c := x.PortNumber - y.PortNumber; c != 0 {
		return c
	}
	return strings.Compare(x.Type, y.Type)
}

// --- live load and 15-minute data ---

// loadOf is a station's live load: its sessions in progress at Now, each port limited by its shed
// state at the simulator's clock. The caller holds s.mu (read).
func (s *Server) loadOf(a *activity, w *writeState, st *Station) StationLoad {
	out := StationLoad{StationID: st.ID, StationName: st.Name, Address: oneLineAddress(st)}
	sharing := 0 // charging ports under a station-level allowed load, which they share equally
	for _, p := range st.Ports {
		_, charging := a.activeOnPort[portRef{st.ID, p.Number}]
		if sh, ok := s.portShed(w, portRef{st.ID, p.Number}); ok && charging && !sh.ByPercent && !sh.PerPort {
			sharing++
		}
	}
	total := 0.0
	for _, p := range st.Ports {
		pl := PortLoad{PortNumber: p.Number}
		if i, ok := a.activeOnPort[portRef{st.ID, p.Number}]; ok {
			sess := &a.sessions[i]
			pl.UserID, pl.CredentialID, pl.SessionID = sess.UserID, sess.CredentialID, sess.ID
			pl.Load = round(sess.Energy/sess.Charging.Hours(), 3)
			pl.LastBatteryPercent = sess.StopBattery
		}
		if sh, ok := s.portShed(w, portRef{st.ID, p.Number}); ok {
			pl.Shed = true
			if sh.ByPercent {
				pl.PercentShed = sh.PercentShed
			} else {
				pl.AllowedLoad = sh.AllowedLoad
			}
			// A small tolerance keeps the generated sheds' loads (within their limit up to the
			// rounding of the session's energy) exactly as generated.
			if limit := shedLimit(sh, &p, sharing); pl.Load > limit+0.001 {
				pl.Load = round(limit, 3)
			}
		}
		total += pl.Load
		out.Ports = append(out.Ports, pl)
	}
	out.Load = round(total, 3)
	return out
}

// shedLimit is the most a shed port may draw (kW): its rated power less the percentage shed, its own
// allowed load, or an equal share of the station's allowed load among the sharing charging ports.
func shedLimit(sh Shed, p *Port, sharing int) float64 {
	switch {
	case sh.ByPercent:
		kw, _ := strconv.ParseFloat(p.Power, 64)
		return kw * float64(100-sh.PercentShed) / 100
	case sh.PerPort:
		return sh.AllowedLoad
	default:
		return sh.AllowedLoad / float64(max(1, sharing))
	}
}

// oneLineAddress is the full address as getLoad and sessions show it.
func oneLineAddress(st *Station) string {
	return fmt.Sprintf("%s, %s, %s, %s, %s", st.Address, st.City, st.State, st.PostalCode, st.Country)
}

const intervalLength = 15 * time.Minute

// intervals splits a session into 15-minute intervals from its start; the last one ends with the
// session (or at Now), so a session of 15 minutes or less has exactly one. Power is constant while
// charging (the session's average) and zero after; the last cumulative energy is the session's Energy.
func intervals(s Session) []Interval {
	dur := s.Duration()
	n := max(1, int((dur+intervalLength-1)/intervalLength))
	kw := 0.0
	if s.Charging > 0 {
		kw = s.Energy / s.Charging.Hours()
	}
	energyAt := func(t time.Duration) float64 {
		if s.Charging <= 0 {
			return 0
		}
		return s.Energy * float64(min(t, s.Charging)) / float64(s.Charging)
	}
	out := make([]Interval, n)
	for k := range n {
		from, to := time.Duration(k)*intervalLength, min(time.Duration(k+1)*intervalLength, dur)
		iv := Interval{StationTime: s.Start.Add(to), EnergyConsumed: round(energyAt(to), 6)}
		if k == n-1 {
			iv.EnergyConsumed = s.Energy
		}
		if min(to, s.Charging) > from {
			jitter := float64(mix64(uint64(s.ID)^uint64(k)*0x9e37)%500) / 10000 // up to 5% above average
			iv.PeakPower = round(kw*(1.01+jitter), 3)
		}
		window := max(0, to-time.Hour)
		if to > window {
			iv.RollingPowerAvg = round((energyAt(to)-energyAt(window))/(to-window).Hours(), 3)
		}
		out[k] = iv
	}
	return out
}

// randDuration returns a duration in [lo, hi], to the second.
func randDuration(r *rng, lo, hi time.Duration) time.Duration {
	if hi <= lo {
		return lo
	}
	return lo + time.Duration(r.float()*float64(hi-lo)).Truncate(time.Second)
}

// formatHMS writes a duration as HH:MM:SS; hours may exceed 24.
func formatHMS(d time.Duration) string {
	s := int64(math.Round(d.Seconds()))
	return fmt.Sprintf("%02d:%02d:%02d", s/3600, s/60%60, s%60)
}
