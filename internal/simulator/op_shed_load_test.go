package simulator

import (
	"math"
	"strconv"
	"testing"
	"time"
)

func TestShedLoadStationByPercent(t *testing.T) {
	s, url := startServer(t, Options{})
	st := multiPortStation(t, s)
	before := loadPorts(t, url, st.ID)
	got := shed(t, url, shedStationQuery(st.ID, "<percentShedPerStation>40</percentShedPerStation>", "", 0))
	if !flagIs(got.StationID, st.ID) || !flagIs(got.PercentShedPerStation, "40") || got.AllowedLoadPerStation != nil ||
		got.SgID != nil || got.Ports != nil || got.ResponseText != "API input request executed successfully." {
		t.Errorf("echo %+v", got)
	}
	for i, p := range loadPorts(t, url, st.ID) {
		port := st.Ports[i]
		if p.ShedState != "1" || p.PercentShed != "40" || p.AllowedLoad != "0.000" {
			t.Errorf("port %s: %+v", p.PortNumber, p)
		}
		kw, _ := strconv.ParseFloat(port.Power, 64)
		load, was := mustFloat(t, p.PortLoad), mustFloat(t, before[i].PortLoad)
		if want := math.Min(was, round(kw*0.6, 3)); math.Abs(load-want) > 0.0011 {
			t.Errorf("port %d: load %v, want min(%v, 60%% of %v kW)", port.Number, load, was, kw)
		}
		sh, ok := s.ShedState(st.ID, port.Number)
		if !ok || !sh.ByPercent || sh.PercentShed != 40 || sh.PerPort || sh.GroupID != 0 || !sh.Until.IsZero() {
			t.Errorf("ShedState %+v %v", sh, ok)
		}
	}
	// The live load the accessor reports is getLoad's.
	load, _ := s.LoadOf(st.ID)
	if !load.Ports[0].Shed || load.Ports[0].PercentShed != 40 {
		t.Errorf("LoadOf %+v", load.Ports[0])
	}
}

func TestShedLoadStationPerPort(t *testing.T) {
	s, url := startServer(t, Options{})
	st := multiPortStation(t, s)
	charging := 0
	for _, p := range st.Ports {
		if p.Status == "INUSE" {
			charging = p.Number
		}
	}
	// Only the charging port, to 0.5 kW: the other ports are not shed.
	got := shed(t, url, shedStationQuery(st.ID, "", portLimit(charging, "<allowedLoadPerPort>0.5</allowedLoadPerPort>"), 0))
	if len(got.Ports) != 1 || got.Ports[0].PortNumber != strconv.Itoa(charging) || !flagIs(got.Ports[0].AllowedLoadPerPort, "0.5") ||
		got.Ports[0].PercentShedPerPort != nil || got.AllowedLoadPerStation != nil || got.PercentShedPerStation != nil {
		t.Errorf("echo %+v", got)
	}
	for _, p := range loadPorts(t, url, st.ID) {
		if p.PortNumber == strconv.Itoa(charging) {
			if p.ShedState != "1" || p.AllowedLoad != "0.500" || p.PercentShed != "0" || p.PortLoad != "0.500" {
				t.Errorf("shed port %+v", p)
			}
			continue
		}
		if p.ShedState != "0" || p.AllowedLoad != "0.000" || p.PercentShed != "0" {
			t.Errorf("port %s not listed, yet %+v", p.PortNumber, p)
		}
	}
	if sh, ok := s.ShedState(st.ID, charging); !ok || !sh.PerPort || sh.ByPercent || sh.AllowedLoad != 0.5 {
		t.Errorf("ShedState %+v", sh)
	}

	// A station limit with one port overriding it; a second shedLoad replaces the station's state.
	other := st.Ports[0].Number
	if other == charging {
		other = st.Ports[1].Number
	}
	shed(t, url, shedStationQuery(st.ID, "<allowedLoadPerStation>6</allowedLoadPerStation>",
		portLimit(other, "<percentShedPerPort>25</percentShedPerPort>"), 0))
	sharing := 0 // the charging ports under the station limit share it
	for _, p := range st.Ports {
		if p.Status == "INUSE" && p.Number != other {
			sharing++
		}
	}
	shedPorts := s.StationShed(st.ID)
	if len(shedPorts) != len(st.Ports) {
		t.Fatalf("StationShed %+v", shedPorts)
	}
	for _, p := range loadPorts(t, url, st.ID) {
		n, _ := strconv.Atoi(p.PortNumber)
		switch {
		case n == other && (p.PercentShed != "25" || p.AllowedLoad != "0.000" || !shedPorts[n].PerPort):
			t.Errorf("overriding port %+v", p)
		case n != other && (p.AllowedLoad != "6.000" || p.PercentShed != "0" || shedPorts[n].PerPort):
			t.Errorf("port under the station limit %+v", p)
		case n == charging && mustFloat(t, p.PortLoad) > 6.0/float64(sharing)+0.0005:
			t.Errorf("charging port draws %s kW, more than its share of 6 kW among %d", p.PortLoad, sharing)
		}
	}
}

func TestShedLoadGroup(t *testing.T) {
	s, url := startServer(t, Options{})
	g, _ := s.Dataset().Group(HealthyGroupID)
	got := shed(t, url, shedGroupQuery(g.ID, "<allowedLoadPerStation>3.25</allowedLoadPerStation>", 0))
	if !flagIs(got.SgID, strconv.Itoa(g.ID)) || !flagIs(got.AllowedLoadPerStation, "3.25") || got.StationID != nil {
		t.Errorf("echo %+v", got)
	}
	load, raw := getLoad(t, url, "<sgID>"+strconv.Itoa(g.ID)+"</sgID>")
	if len(load.Stations) != len(g.StationIDs) {
		t.Fatalf("getLoad by group\n%.2000s", raw)
	}
	for _, ws := range load.Stations {
		for _, p := range ws.Ports {
			if p.ShedState != "1" || p.AllowedLoad != "3.250" || p.PercentShed != "0" {
				t.Fatalf("station %s port %+v", ws.StationID, p)
			}
		}
	}
	gs, ok := s.GroupShed(g.ID)
	if !ok || gs.ByPercent || gs.AllowedLoad != 3.25 || gs.SgID != g.ID {
		t.Errorf("GroupShed %+v %v", gs, ok)
	}
	if sh, _ := s.ShedState(g.StationIDs[0], 1); sh.GroupID != g.ID {
		t.Errorf("ShedState %+v: want the group", sh)
	}

	// Clearing one station of the group leaves the others (and the group's record).
	res, _ := writeOp[tClearShedResponse](t, url, "clearShedState", "<shedQuery><shedStation><stationID>"+g.StationIDs[0]+"</stationID></shedStation></shedQuery>")
	if res.ResponseCode != "100" || !flagIs(res.Success, "1") || !flagIs(res.StationID, g.StationIDs[0]) || res.SgID != nil {
		t.Fatalf("clear station %+v", res)
	}
	if len(s.StationShed(g.StationIDs[0])) != 0 || len(s.StationShed(g.StationIDs[1])) == 0 {
		t.Error("clearing one station of the group")
	}
	if _, ok := s.GroupShed(g.ID); !ok {
		t.Error("the group record went with one station")
	}
	// Clearing the group clears every station and the record.
	res, _ = writeOp[tClearShedResponse](t, url, "clearShedState", "<shedQuery><shedGroup><sgID>"+strconv.Itoa(g.ID)+"</sgID></shedGroup></shedQuery>")
	if res.ResponseCode != "100" || !flagIs(res.SgID, strconv.Itoa(g.ID)) || res.StationID != nil {
		t.Fatalf("clear group %+v", res)
	}
	for _, id := range g.StationIDs {
		if len(s.StationShed(id)) != 0 {
			t.Fatalf("station %s still shed", id)
		}
	}
	if _, ok := s.GroupShed(g.ID); ok {
		t.Error("group record kept")
	}
}

func TestShedLoadExpires(t *testing.T) {
	s, url := startServer(t, Options{})
	st := multiPortStation(t, s)
	if !s.Clock().Equal(Now) {
		t.Fatalf("clock starts at %v, want Now", s.Clock())
	}
	shed(t, url, shedStationQuery(st.ID, "<percentShedPerStation>100</percentShedPerStation>", "", 30))
	sh, ok := s.ShedState(st.ID, st.Ports[0].Number)
	if !ok || !sh.Until.Equal(Now.Add(30*time.Minute)) {
		t.Fatalf("ShedState %+v", sh)
	}
	if p := loadPorts(t, url, st.ID); p[0].ShedState != "1" {
		t.Fatal("not shed")
	}
	s.AdvanceClock(29*time.Minute + 59*time.Second)
	if p := loadPorts(t, url, st.ID); p[0].ShedState != "1" || p[0].PercentShed != "100" {
		t.Fatalf("expired early: %+v", p[0])
	}
	if got := s.AdvanceClock(time.Second); !got.Equal(Now.Add(30 * time.Minute)) {
		t.Fatalf("AdvanceClock = %v", got)
	}
	for _, p := range loadPorts(t, url, st.ID) {
		if p.ShedState != "0" || p.PercentShed != "0" {
			t.Fatalf("after 30 minutes: %+v", p)
		}
	}
	if _, ok := s.ShedState(st.ID, st.Ports[0].Number); ok {
		t.Error("ShedState reports an expired shed")
	}
	// Back on the clock (SetClock), and a group shed expires the same way.
	s.SetClock(Now)
	if _, ok := s.ShedState(st.ID, st.Ports[0].Number); !ok {
		t.Error("SetClock(Now) does not bring the shed back")
	}
	shed(t, url, shedGroupQuery(HealthyGroupID, "<percentShedPerStation>10</percentShedPerStation>", 5))
	s.SetClock(Now.Add(5 * time.Minute))
	if _, ok := s.GroupShed(HealthyGroupID); ok {
		t.Error("group shed did not expire")
	}
}

func TestShedLoadCodes(t *testing.T) {
	s, url := startServer(t, Options{})
	st := multiPortStation(t, s)
	pct := "<percentShedPerStation>50</percentShedPerStation>"
	kw := "<allowedLoadPerStation>5</allowedLoadPerStation>"
	station := "<stationID>" + st.ID + "</stationID>"
	iv := "<timeInterval>0</timeInterval>"
	const oneLimit = "Please provide either an allowed load or a percentage to shed, not both."
	for name, c := range map[string]struct{ inner, code, text string }{
		// 187: both branches, even an empty station branch, exactly as in the reference (§5.9).
		"both branches, reference request": {`<shedQuery><shedGroup><sgID>238421</sgID><allowedLoadPerStation>0.8</allowedLoadPerStation></shedGroup><shedStation><stationID /><Ports /></shedStation><timeInterval>0</timeInterval></shedQuery>`,
			"187", "Shed at either the group level or the station level, but not both"},
		"both branches, no interval": {"<shedQuery><shedGroup><sgID>20006</sgID>" + pct + "</shedGroup><shedStation>" + station + pct + "</shedStation></shedQuery>", "187", ""},
		// 172: mandatory fields.
		"no shedQuery":        {"", "172", "Please provide all the mandatory fields to make this call."},
		"no timeInterval":     {"<shedQuery><shedStation>" + station + pct + "</shedStation></shedQuery>", "172", "Please provide all the mandatory"},
		"empty timeInterval":  {"<shedQuery><shedStation>" + station + pct + "</shedStation><timeInterval/></shedQuery>", "172", ""},
		"no branch":           {"<shedQuery>" + iv + "</shedQuery>", "172", ""},
		"no sgID":             {"<shedQuery><shedGroup>" + pct + "</shedGroup>" + iv + "</shedQuery>", "172", ""},
		"empty stationID":     {"<shedQuery><shedStation><stationID/>" + pct + "</shedStation>" + iv + "</shedQuery>", "172", ""},
		"group, no limit":     {shedGroupQuery(20006, "", 0), "172", oneLimit},
		"group, both limits":  {shedGroupQuery(20006, kw+pct, 0), "172", oneLimit},
		"station, no limit":   {shedStationQuery(st.ID, "", "", 0), "172", oneLimit},
		"station, both":       {shedStationQuery(st.ID, kw+pct, "", 0), "172", oneLimit},
		"port, both":          {shedStationQuery(st.ID, "", portLimit(1, "<allowedLoadPerPort>1</allowedLoadPerPort><percentShedPerPort>5</percentShedPerPort>"), 0), "172", oneLimit},
		"port, no limit":      {shedStationQuery(st.ID, "", portLimit(1, ""), 0), "172", oneLimit},
		"empty Ports":         {"<shedQuery><shedStation>" + station + pct + "<Ports/></shedStation>" + iv + "</shedQuery>", "172", ""},
		"Port, no portNumber": {shedStationQuery(st.ID, pct, "<Port><percentShedPerPort>5</percentShedPerPort></Port>", 0), "172", ""},
		"port twice":          {shedStationQuery(st.ID, pct, portLimit(1, "")+"<Port><portNumber>01</portNumber></Port>", 0), "172", "Port 01 is listed more than once."},
		// 189: values the simulator refuses (its own code).
		"negative interval": {shedStationQuery(st.ID, pct, "", -5), "189", "timeInterval -5 is negative"},
		"negative load":     {shedStationQuery(st.ID, "<allowedLoadPerStation>-1</allowedLoadPerStation>", "", 0), "189", "allowedLoadPerStation -1 is negative"},
		"negative port":     {shedStationQuery(st.ID, "", portLimit(1, "<allowedLoadPerPort>-0.5</allowedLoadPerPort>"), 0), "189", ""},
		// 160: unknown IDs, as getLoad.
		"unknown group":   {shedGroupQuery(99999, pct, 0), "160", "No data found for given criteria."},
		"unknown station": {shedStationQuery("1:1", pct, "", 0), "160", ""},
		"unknown port":    {shedStationQuery(st.ID, "", portLimit(9, "<percentShedPerPort>5</percentShedPerPort>"), 0), "160", ""},
	} {
		t.Run(name, func(t *testing.T) {
			got, raw := writeOp[tShedLoadResponse](t, url, "shedLoad", c.inner)
			wantCode(t, raw, c.code, c.text)
			if !flagIs(got.Success, "0") || got.StationID != nil || got.SgID != nil {
				t.Errorf("refusal with Success %v, IDs %v %v", got.Success, got.StationID, got.SgID)
			}
		})
	}
	if len(s.StationShed(st.ID)) != 0 {
		t.Error("a refused shedLoad changed the station")
	}
	// Malformed values and unknown elements are Client faults.
	expectFault(t, url, opRequest("shedLoad", shedStationQuery(st.ID, "<percentShedPerStation>101</percentShedPerStation>", "", 0)), "soapenv:Client", "percentShedRange")
	expectFault(t, url, opRequest("shedLoad", shedStationQuery(st.ID, "<allowedLoadPerStation>1e3</allowedLoadPerStation>", "", 0)), "soapenv:Client", "xsd:decimal")
	expectFault(t, url, opRequest("shedLoad", shedStationQuery(st.ID, "<allowedLoadPerStation/>", "", 0)), "soapenv:Client", "xsd:decimal")
	expectFault(t, url, opRequest("shedLoad", shedGroupQuery(20006, pct, 0)[:len("<shedQuery>")]+"<sgid>1</sgid></shedQuery>"), "soapenv:Client", "unknown element sgid")
	expectFault(t, url, opRequest("shedLoad", "<shedQuery><shedGroup><sgID>x</sgID>"+pct+"</shedGroup>"+iv+"</shedQuery>"), "soapenv:Client", "xsd:int")
	expectFault(t, url, opRequest("shedLoad", "<shedQuery><shedGroup><sgID>1</sgID>"+pct+"</shedGroup><timeInterval>soon</timeInterval></shedQuery>"), "soapenv:Client", "xsd:int")
	expectFault(t, url, opRequest("shedLoad", shedStationQuery(st.ID, pct, "<Portx/>", 0)), "soapenv:Client", "expected Port")
}

func TestClearShedState(t *testing.T) {
	s, url := startServer(t, Options{})
	st := multiPortStation(t, s)
	// A Ports list is accepted but the whole station is cleared.
	shed(t, url, shedStationQuery(st.ID, "<percentShedPerStation>20</percentShedPerStation>", "", 0))
	res, _ := writeOp[tClearShedResponse](t, url, "clearShedState",
		"<shedQuery><shedStation><stationID>"+st.ID+"</stationID><Ports><Port><portNumber>1</portNumber></Port></Ports></shedStation></shedQuery>")
	if res.ResponseCode != "100" || !flagIs(res.Success, "1") || !flagIs(res.StationID, st.ID) {
		t.Fatalf("%+v", res)
	}
	for _, p := range loadPorts(t, url, st.ID) {
		if p.ShedState != "0" {
			t.Errorf("port %s still shed", p.PortNumber)
		}
	}
	// Clearing what is not shed succeeds.
	if res, _ = writeOp[tClearShedResponse](t, url, "clearShedState", "<shedQuery><shedStation><stationID>"+st.ID+"</stationID></shedStation></shedQuery>"); res.ResponseCode != "100" {
		t.Errorf("clearing again: %+v", res)
	}
	for name, c := range map[string]struct{ inner, code string }{
		"no shedQuery":      {"", "184"},
		"empty shedQuery":   {"<shedQuery/>", "184"},
		"both":              {"<shedQuery><shedGroup><sgID>20006</sgID></shedGroup><shedStation><stationID>" + st.ID + "</stationID></shedStation></shedQuery>", "184"},
		"empty sgID":        {"<shedQuery><shedGroup><sgID/></shedGroup></shedQuery>", "184"},
		"no stationID":      {"<shedQuery><shedStation/></shedQuery>", "184"},
		"empty Ports":       {"<shedQuery><shedStation><stationID>" + st.ID + "</stationID><Ports/></shedStation></shedQuery>", "184"},
		"empty portNumber":  {"<shedQuery><shedStation><stationID>" + st.ID + "</stationID><Ports><Port><portNumber/></Port></Ports></shedStation></shedQuery>", "184"},
		"unknown group":     {"<shedQuery><shedGroup><sgID>1</sgID></shedGroup></shedQuery>", "160"},
		"unknown station":   {"<shedQuery><shedStation><stationID>1:1</stationID></shedStation></shedQuery>", "160"},
		"unknown port":      {"<shedQuery><shedStation><stationID>" + st.ID + "</stationID><Ports><Port><portNumber>9</portNumber></Port></Ports></shedStation></shedQuery>", "160"},
		"unknown ID, empty": {"<shedQuery><shedStation><stationID>1:1</stationID><Ports><Port><portNumber>1</portNumber></Port></Ports></shedStation></shedQuery>", "160"},
	} {
		t.Run(name, func(t *testing.T) {
			got, raw := writeOp[tClearShedResponse](t, url, "clearShedState", c.inner)
			text := ""
			if c.code == "184" {
				text = "Enter either sgid or stationID"
			}
			wantCode(t, raw, c.code, text)
			if !flagIs(got.Success, "0") {
				t.Errorf("Success %v", got.Success)
			}
		})
	}
	expectFault(t, url, opRequest("clearShedState", "<shedQuery><shedGroup><sgID>x</sgID></shedGroup></shedQuery>"), "soapenv:Client", "xsd:int")
	expectFault(t, url, opRequest("clearShedState", "<shedQuery><shedGroup><sgID>1</sgID><percentShedPerStation>1</percentShedPerStation></shedGroup></shedQuery>"), "soapenv:Client", "percentShedPerStation")
}

// TestShedChangedOutside: the accessors a provider's acceptance tests use to change the shed state
// between steps, as the portal would, show through getLoad.
func TestShedChangedOutside(t *testing.T) {
	s, url := startServer(t, Options{})
	st := multiPortStation(t, s)
	shed(t, url, shedStationQuery(st.ID, "<percentShedPerStation>30</percentShedPerStation>", "", 0))
	if !s.ClearShed(st.ID) || s.ClearShed("1:1") {
		t.Fatal("ClearShed")
	}
	if p := loadPorts(t, url, st.ID); p[0].ShedState != "0" {
		t.Errorf("after ClearShed: %+v", p[0])
	}
	if err := s.SetPortShed(st.ID, st.Ports[1].Number, Shed{AllowedLoad: 2.5, PerPort: true}); err != nil {
		t.Fatal(err)
	}
	if p := loadPorts(t, url, st.ID); p[1].ShedState != "1" || p[1].AllowedLoad != "2.500" || p[0].ShedState != "0" {
		t.Errorf("after SetPortShed: %+v", p)
	}
	if s.SetPortShed(st.ID, 9, Shed{}) == nil || s.SetPortShed(st.ID, 1, Shed{ByPercent: true, PercentShed: 101}) == nil {
		t.Error("SetPortShed accepts a bad port or percentage")
	}
	shed(t, url, shedGroupQuery(HealthyGroupID, "<percentShedPerStation>10</percentShedPerStation>", 0))
	if !s.ClearGroupShed(HealthyGroupID) || s.ClearGroupShed(1) {
		t.Fatal("ClearGroupShed")
	}
	if _, ok := s.GroupShed(HealthyGroupID); ok {
		t.Error("group still shed")
	}
}

// TestGeneratedShedsCanBeCleared: the data set's shed stations (percentShed 50) are shed state like
// any other.
func TestGeneratedShedsCanBeCleared(t *testing.T) {
	s, url := startServer(t, Options{Stations: 1000})
	for _, st := range s.Dataset().Stations() {
		sh, ok := s.ShedState(st.ID, st.Ports[0].Number)
		if !ok {
			continue
		}
		if !sh.ByPercent || sh.PercentShed != 50 || !sh.Until.IsZero() {
			t.Fatalf("generated shed %+v", sh)
		}
		res, _ := writeOp[tClearShedResponse](t, url, "clearShedState", "<shedQuery><shedStation><stationID>"+st.ID+"</stationID></shedStation></shedQuery>")
		if res.ResponseCode != "100" || loadPorts(t, url, st.ID)[0].ShedState != "0" {
			t.Fatalf("clearing %s: %+v", st.ID, res)
		}
		return
	}
	t.Fatal("no generated shed station")
}
