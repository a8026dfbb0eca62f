package simulator

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"sync"
	"testing"
)

var writeOps = []string{"shedLoad", "clearShedState", "addFleetVehicle", "updateFleetVehicle", "deleteFleetVehicle",
	"createLoadShedEvent", "removeLoadShedEvent", "clearAlarms"}

// TestWritesAuthenticate: a write with a wrong password is refused with the InvalidSecurity fault,
// before its request is looked at; it is neither applied nor counted. Authenticated writes are counted.
func TestWritesAuthenticate(t *testing.T) {
	s, url := startServer(t, Options{})
	registered := Operations()
	for _, op := range writeOps {
		found := false
		for _, r := range registered {
			found = found || r == op
		}
		if !found {
			t.Errorf("%s is not registered", op)
		}
		expectFault(t, url, soapEnvelope(securityHeader(testKey, "wrong"), "<urn:"+op+"/>"), "wsse:InvalidSecurity", "UsernameToken processing failed")
		if n := s.Calls(op); n != 0 {
			t.Errorf("%s: %d calls counted", op, n)
		}
	}
	body := "<urn:addFleetVehicle>" + vehicleXML("<chargePointCards><chargePointCardSn>C1</chargePointCardSn></chargePointCards>",
		el("licensePlate", "AUTH1"), el("fleetName", "F"), el("make", "Ford"), el("model", "M"), el("year", "2024")) + "</urn:addFleetVehicle>"
	expectFault(t, url, soapEnvelope(securityHeader(testKey, "wrong"), body), "wsse:InvalidSecurity", "")
	if hasPlate(s, "AUTH1") {
		t.Error("an unauthenticated add was applied")
	}
	for _, op := range writeOps {
		writeOp[tCodeResponse](t, url, op, "")
		if n := s.Calls(op); n != 1 {
			t.Errorf("%s: %d calls counted, want 1", op, n)
		}
	}
}

// TestWritesConcurrent runs writes and reads at once (meant for -race) and checks what they left.
func TestWritesConcurrent(t *testing.T) {
	s, url := startServer(t, Options{Stations: 50})
	stations := s.Dataset().Stations()
	var wg sync.WaitGroup
	const workers = 8
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := stations[1+w]
			send := func(envelope string) { // t.Fatal is for the test's goroutine
				status, body, err := postEnvelope(context.Background(), url, envelope)
				if err != nil || status != 200 {
					t.Errorf("HTTP %d, %v\n%s", status, err, body)
				}
			}
			for i := range 5 {
				send(addVehicleRequest(fmt.Sprintf("CONC%d-%d", w, i)))
				send(opRequest("shedLoad", shedStationQuery(st.ID, "<percentShedPerStation>"+strconv.Itoa(10*i)+"</percentShedPerStation>", "", 0)))
				send(query("getLoad", "<stationID>"+st.ID+"</stationID>"))
				send(query("getFleetVehicles", "<fleetName>Faults</fleetName>"))
				send(opRequest("clearAlarms", "<searchQuery><stationID>"+st.ID+"</stationID></searchQuery>"))
				send(query("getAlarms", "<stationID>"+st.ID+"</stationID>"))
				_ = s.FleetVehicles()
				_, _ = s.LoadOf(st.ID)
				s.AdvanceClock(0)
			}
		}()
	}
	wg.Wait()
	ids := map[string]bool{}
	n := 0
	for _, v := range s.FleetVehicles() {
		if v.FleetName == "Faults" {
			n++
			ids[v.ID] = true
		}
	}
	if n != workers*5 || len(ids) != n {
		t.Errorf("%d vehicles added with %d distinct IDs, want %d", n, len(ids), workers*5)
	}
	for w := range workers {
		if sh, ok := s.ShedState(stations[1+w].ID, 1); !ok || sh.PercentShed != 40 {
			t.Errorf("station %s: %+v", stations[1+w].ID, sh)
		}
	}
}

// TestWritesDeterministic: the same writes on two servers of the same options answer the same, and
// leave the same state.
func TestWritesDeterministic(t *testing.T) {
	run := func() [][]byte {
		_, url := startServer(t, Options{Stations: 50})
		var out [][]byte
		for _, req := range []string{
			addVehicleRequest("DET1"),
			addVehicleRequest("DET2"),
			opRequest("updateFleetVehicle", vehicleXML(el("fleetVehicleID", "FV900002"), el("color", "Red"))),
			opRequest("shedLoad", shedGroupQuery(UnreachableGroupID, "<allowedLoadPerStation>1.5</allowedLoadPerStation>", 60)),
			opRequest("createLoadShedEvent", shedEvent(el("sgID", "20002"), el("eventStartTime", "2027-01-01T00:00:00Z"), el("eventDuration", "5"), el("percentShedPerStation", "5"))),
			opRequest("clearAlarms", "<searchQuery><alarmType>Reachable</alarmType></searchQuery>"),
			query("getLoad", "<sgID>"+strconv.Itoa(UnreachableGroupID)+"</sgID>"),
			query("getFleetVehicles", "<fleetName>Faults</fleetName>"),
			query("getAlarms", ""),
		} {
			out = append(out, post(t, url, req).Body)
		}
		return out
	}
	a, b := run(), run()
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			t.Errorf("answer %d differs:\n%s\n%s", i, a[i], b[i])
		}
	}
}
