package simulator

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"testing"
)

func getLoad(t *testing.T, url, inner string) (*tLoadResponse, []byte) {
	t.Helper()
	return call[tLoadResponse](t, url, "getLoad", query("getLoad", inner))
}

// busyStation returns a station with a charging port and an idle one.
func busyStation(t *testing.T, s *Server) Station {
	t.Helper()
	for _, st := range s.Dataset().Stations() {
		var inUse, idle bool
		for _, p := range st.Ports {
			inUse = inUse || p.Status == "INUSE"
			idle = idle || p.Status == "AVAILABLE"
		}
		if inUse && idle {
			return st
		}
	}
	t.Fatal("no station with both a charging and an idle port")
	return Station{}
}

func TestGetLoadByStation(t *testing.T) {
	s, url := startServer(t, Options{})
	st := busyStation(t, s)
	got, raw := getLoad(t, url, "<stationID>"+st.ID+"</stationID>")
	if got.ResponseCode != "100" || len(got.Stations) != 1 {
		t.Fatalf("got\n%s", raw)
	}
	// Group fields: sgID and numStations absent (an empty xsd:int is invalid), groupName and sgLoad empty.
	if got.SgID != nil || got.NumStations != nil || !flagIs(got.GroupName, "") || !flagIs(got.SgLoad, "") {
		t.Errorf("group fields of a station answer: %v %v %v %v", got.SgID, got.NumStations, got.GroupName, got.SgLoad)
	}
	if !bytes.Contains(raw, []byte("<groupName></groupName><sgLoad></sgLoad><stationData>")) {
		t.Errorf("want empty groupName and sgLoad before stationData\n%s", raw)
	}
	ws := got.Stations[0]
	want := fmt.Sprintf("%s, %s, %s, %s, %s", st.Address, st.City, st.State, st.PostalCode, st.Country)
	if ws.StationID != st.ID || ws.StationName != st.Name || ws.Address != want || len(ws.Ports) != len(st.Ports) {
		t.Fatalf("station %+v, want %s %q at %q", ws, st.ID, st.Name, want)
	}
	sum := 0.0
	for i, p := range ws.Ports {
		port := st.Ports[i]
		load := mustFloat(t, p.PortLoad)
		sum += load
		if p.PortNumber != strconv.Itoa(port.Number) || len(p.PortLoad) != len(strconv.FormatFloat(load, 'f', 0, 64))+4 {
			t.Errorf("port %+v: want number %d and a load with 3 decimals", p, port.Number)
		}
		if port.Status != "INUSE" {
			if load != 0 || p.SessionID != "0" || p.UserID != "" || p.CredentialID != "" {
				t.Errorf("idle port %+v", p)
			}
			continue
		}
		id, _ := strconv.ParseInt(p.SessionID, 10, 64)
		sess, ok := s.Session(id)
		if load <= 0 || !ok || !sess.Active || sess.StationID != st.ID || sess.PortNumber != port.Number ||
			p.UserID != sess.UserID || p.CredentialID != sess.CredentialID {
			t.Errorf("charging port %+v, session %+v", p, sess)
		}
		if math.Abs(load-sess.Energy/sess.Charging.Hours()) > 0.0005 {
			t.Errorf("port load %v, session's average power %v", load, sess.Energy/sess.Charging.Hours())
		}
	}
	if math.Abs(mustFloat(t, ws.StationLoad)-sum) > 1e-9 {
		t.Errorf("stationLoad %s, ports sum to %v", ws.StationLoad, sum)
	}
	load, _ := s.LoadOf(st.ID)
	if ws.StationLoad != strconv.FormatFloat(load.Load, 'f', 3, 64) {
		t.Errorf("stationLoad %s, LoadOf %v", ws.StationLoad, load.Load)
	}

	// The seed station is idle.
	got, raw = getLoad(t, url, "<stationID>1:81203</stationID>")
	if got.ResponseCode != "100" || got.Stations[0].StationLoad != "0.000" ||
		got.Stations[0].Address != "1692 Dell Ave, Campbell, California, 95008, United States" {
		t.Errorf("seed station\n%s", raw)
	}
}

func TestGetLoadByGroup(t *testing.T) {
	s, url := startServer(t, Options{})
	g, _ := s.Dataset().Group(HealthyGroupID)
	got, raw := getLoad(t, url, "<sgID>"+strconv.Itoa(HealthyGroupID)+"</sgID>")
	if got.ResponseCode != "100" || !flagIs(got.SgID, strconv.Itoa(g.ID)) || !flagIs(got.NumStations, strconv.Itoa(len(g.StationIDs))) ||
		!flagIs(got.GroupName, g.Name) || len(got.Stations) != len(g.StationIDs) || len(g.StationIDs) < 2 {
		t.Fatalf("group %+v\n%s", g, raw)
	}
	sum := 0.0
	for i, ws := range got.Stations {
		load, _ := s.LoadOf(g.StationIDs[i])
		if ws.StationID != g.StationIDs[i] || ws.StationLoad != strconv.FormatFloat(load.Load, 'f', 3, 64) {
			t.Errorf("station %d: %s %s, want %s %v", i, ws.StationID, ws.StationLoad, g.StationIDs[i], load.Load)
		}
		sum += load.Load
	}
	if got.SgLoad == nil || *got.SgLoad != strconv.FormatFloat(round(sum, 3), 'f', 3, 64) || sum <= 0 {
		t.Errorf("sgLoad %v, stations sum to %v", got.SgLoad, sum)
	}
}

func TestGetLoadBySession(t *testing.T) {
	s, url := startServer(t, Options{})
	var active, done Session
	for _, sess := range s.Sessions() {
		if sess.Active && active.ID == 0 {
			active = sess
		}
		if !sess.Active && done.ID == 0 {
			done = sess
		}
	}
	got, raw := getLoad(t, url, "<sessionID>"+strconv.FormatInt(active.ID, 10)+"</sessionID>")
	if got.ResponseCode != "100" || len(got.Stations) != 1 || got.Stations[0].StationID != active.StationID ||
		got.Stations[0].Ports[active.PortNumber-1].SessionID != strconv.FormatInt(active.ID, 10) {
		t.Fatalf("active session %d at %s/%d\n%s", active.ID, active.StationID, active.PortNumber, raw)
	}
	// A completed or unknown session has no live load.
	for _, id := range []int64{done.ID, 1} {
		got, raw := getLoad(t, url, "<sessionID>"+strconv.FormatInt(id, 10)+"</sessionID>")
		if got.ResponseCode != "160" || got.ResponseText != "No data found for given criteria." || len(got.Stations) != 0 {
			t.Errorf("session %d\n%s", id, raw)
		}
	}
}

func TestGetLoadShedStation(t *testing.T) {
	s, url := startServer(t, Options{Stations: 1000})
	for _, st := range s.Dataset().Stations() {
		load, _ := s.LoadOf(st.ID)
		if !load.Ports[0].Shed {
			continue
		}
		got, raw := getLoad(t, url, "<stationID>"+st.ID+"</stationID>")
		for _, p := range got.Stations[0].Ports {
			if p.ShedState != "1" || p.PercentShed != "50" || p.AllowedLoad != "0.000" {
				t.Fatalf("shed station port %+v\n%s", p, raw)
			}
		}
		return
	}
	t.Fatal("no shed station among 1000")
}

func TestGetLoadCodes(t *testing.T) {
	_, url := startServer(t, Options{})
	for name, c := range map[string]struct{ inner, code string }{
		"no selector":       {"", "182"},
		"two selectors":     {"<sgID>20006</sgID><stationID>1:81203</stationID>", "182"},
		"all three":         {"<sgID>20006</sgID><stationID>1:81203</stationID><sessionID>1</sessionID>", "182"},
		"unknown station":   {"<stationID>1:1</stationID>", "160"},
		"unknown group":     {"<sgID>99999</sgID>", "160"},
		"empty stationID":   {"<stationID/>", "160"},
		"one selector only": {"<stationID>1:81203</stationID>", "100"},
	} {
		t.Run(name, func(t *testing.T) {
			got, raw := getLoad(t, url, c.inner)
			if got.ResponseCode != c.code {
				t.Fatalf("code %s, want %s\n%s", got.ResponseCode, c.code, raw)
			}
			if c.code == "182" && (got.ResponseText != "Search by either sgID, sessionID or stationID" || got.Stations != nil) {
				t.Fatalf("182\n%s", raw)
			}
		})
	}
	// searchQuery is an xsd:sequence: out of order is a Client fault, as are a bad number and no searchQuery.
	expectFault(t, url, query("getLoad", "<stationID>1:81203</stationID><sgID>1</sgID>"), "soapenv:Client", "out of order")
	expectFault(t, url, query("getLoad", "<sessionID>abc</sessionID>"), "soapenv:Client", "xsd:long")
	expectFault(t, url, opRequest("getLoad", ""), "soapenv:Client", "searchQuery")
}
