package simulator

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func sessionsPage(t *testing.T, url, inner string) (*tSessionsResponse, []byte) {
	t.Helper()
	got, raw := call[tSessionsResponse](t, url, "getChargingSessionData", query("getChargingSessionData", inner))
	if got.MoreFlagLower != nil {
		t.Fatalf("lower-case moreFlag in\n%s", raw)
	}
	return got, raw
}

// allSessions walks every page of a query and returns the session IDs in order, checking recordNumber
// and the fixed page size of 100 on the way.
func allSessions(t *testing.T, url, inner string) []string {
	t.Helper()
	var ids []string
	for start := 1; ; start += 100 {
		got, raw := sessionsPage(t, url, fmt.Sprintf("%s<startRecord>%d</startRecord>", inner, start))
		if got.ResponseCode == "136" && start > 1 {
			t.Fatalf("startRecord %d: 136 after a page that said more follow", start)
		}
		if got.ResponseCode != "100" || got.MoreFlag == nil {
			t.Fatalf("startRecord %d\n%s", start, raw)
		}
		for i, s := range got.Sessions {
			if s.RecordNumber != strconv.Itoa(start+i) {
				t.Fatalf("recordNumber %s at position %d", s.RecordNumber, start+i)
			}
			ids = append(ids, s.SessionID)
		}
		if *got.MoreFlag == "0" {
			return ids
		}
		if len(got.Sessions) != 100 {
			t.Fatalf("startRecord %d: %d sessions with MoreFlag 1", start, len(got.Sessions))
		}
	}
}

func sessionIDList(list []Session) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = strconv.FormatInt(s.ID, 10)
	}
	return out
}

func TestGetChargingSessionDataSeedStationLastWeek(t *testing.T) {
	s, url := startServer(t, Options{})
	from, to := stamp(Now.Add(-7*24*time.Hour)), stamp(Now)
	got, raw := sessionsPage(t, url, "<stationID>1:81203</stationID><fromTimeStamp>"+from+"</fromTimeStamp><toTimeStamp>"+to+"</toTimeStamp>")
	if got.ResponseCode != "100" || !flagIs(got.MoreFlag, "0") || len(got.Sessions) != 4 {
		t.Fatalf("got\n%s", raw)
	}
	var energies []string
	for _, sess := range got.Sessions {
		energies = append(energies, sess.Energy)
	}
	if want := []string{"12.120572", "18.73421", "1.203311", "25.48"}; !slices.Equal(energies, want) {
		t.Errorf("energies %v, want %v", energies, want)
	}
	first := got.Sessions[0]
	id, _ := strconv.ParseInt(first.SessionID, 10, 64)
	sess, _ := s.Session(id)
	want := tSession{
		StationID: "1:81203", StationName: "CHARGEPOINT / HQ 5", PortNumber: "1",
		Address: "1692 Dell Ave, Campbell, California, 95008, United States", City: "Campbell", State: "California",
		Country: "United States", PostalCode: "95008", SessionID: first.SessionID, Energy: "12.120572",
		StartTime: "2026-11-14T16:05:11Z", TotalChargingDuration: "01:52:05", TotalSessionDuration: "02:41:30",
		UserID: "1000001", StartBatteryPercentage: "0.0", StopBatteryPercentage: "0.0", RecordNumber: "1",
		CredentialID: "490178743", EndedBy: "Plug Out at Vehicle", VehicleMake: "Chevrolet", VehicleModel: "Bolt EV",
		VehicleModelYear: "2022", VehicleType: "BEV", VehiclePortMAC: "00:1E:C0:5A:21:7F", DriverOptedOut: "false",
	}
	if first.EndTime == nil || *first.EndTime != "2026-11-14T18:46:41Z" {
		t.Errorf("endTime %v", first.EndTime)
	}
	first.EndTime = nil
	if first != want || sess.StationID != "1:81203" {
		t.Errorf("session\n got %+v\nwant %+v", first, want)
	}
}

func TestGetChargingSessionDataLongSession(t *testing.T) {
	_, url := startServer(t, Options{})
	got, raw := sessionsPage(t, url, "<stationID>1:81203</stationID><fromTimeStamp>2026-11-07T00:00:00Z</fromTimeStamp><toTimeStamp>2026-11-08T00:00:00Z</toTimeStamp>")
	if len(got.Sessions) != 1 || got.Sessions[0].TotalSessionDuration != "63:45:20" || got.Sessions[0].EndedBy != "Timeout" {
		t.Fatalf("want the 63-hour session\n%s", raw)
	}
}

// TestGetChargingSessionDataExactlyFullLastPage: a time window holding exactly 200 sessions gives two
// full pages, the second with MoreFlag 0, and nothing at startRecord 201.
func TestGetChargingSessionDataExactlyFullLastPage(t *testing.T) {
	s, url := startServer(t, Options{})
	all := s.Sessions()
	k := 50
	for ; k+200 < len(all); k++ {
		if all[k-1].Start.Before(all[k].Start) && all[k+199].Start.Before(all[k+200].Start) {
			break
		}
	}
	window := "<fromTimeStamp>" + stamp(all[k].Start) + "</fromTimeStamp><toTimeStamp>" + stamp(all[k+199].Start) + "</toTimeStamp>"
	want := sessionIDList(all[k : k+200])
	p1, raw1 := sessionsPage(t, url, window)
	p2, raw2 := sessionsPage(t, url, window+"<startRecord>101</startRecord>")
	if len(p1.Sessions) != 100 || !flagIs(p1.MoreFlag, "1") || len(p2.Sessions) != 100 || !flagIs(p2.MoreFlag, "0") {
		t.Fatalf("pages of %d and %d sessions, flags %v %v\n%s\n%s", len(p1.Sessions), len(p2.Sessions), p1.MoreFlag, p2.MoreFlag, raw1, raw2)
	}
	var got []string
	for _, sess := range append(p1.Sessions, p2.Sessions...) {
		got = append(got, sess.SessionID)
	}
	if !slices.Equal(got, want) || p2.Sessions[99].RecordNumber != "200" {
		t.Fatalf("sessions %v\nwant %v", got, want)
	}
	p3, raw3 := sessionsPage(t, url, window+"<startRecord>201</startRecord>")
	if p3.ResponseCode != "136" || p3.ResponseText != "No charging session data found for given criteria." ||
		p3.MoreFlag != nil || len(p3.Sessions) != 0 {
		t.Fatalf("past the end\n%s", raw3)
	}
}

func TestGetChargingSessionDataPagesEverything(t *testing.T) {
	s, url := startServer(t, Options{})
	all := s.Sessions()
	if len(all) < 300 {
		t.Fatalf("only %d sessions", len(all))
	}
	if got := allSessions(t, url, ""); !slices.Equal(got, sessionIDList(all)) {
		t.Fatalf("paged %d sessions, want %d in ID order", len(got), len(all))
	}
	var active []Session
	for _, sess := range all {
		if sess.Active {
			active = append(active, sess)
		}
	}
	if got := allSessions(t, url, "<activeSessionsOnly>true</activeSessionsOnly>"); !slices.Equal(got, sessionIDList(active)) {
		t.Fatalf("active sessions %v, want %v", got, sessionIDList(active))
	}
	// An active session has no endTime and no endedBy; its durations run to Now.
	got, raw := sessionsPage(t, url, "<sessionID>"+strconv.FormatInt(active[0].ID, 10)+"</sessionID>")
	a := got.Sessions[0]
	if a.EndTime != nil || a.EndedBy != "" || a.TotalSessionDuration != formatHMS(Now.Sub(active[0].Start)) {
		t.Errorf("active session\n%s", raw)
	}
}

func TestGetChargingSessionDataFilters(t *testing.T) {
	s, url := startServer(t, Options{})
	all := s.Sessions()
	expect := func(name, inner string, keep func(Session) bool) {
		t.Helper()
		var want []Session
		for _, sess := range all {
			if keep(sess) {
				want = append(want, sess)
			}
		}
		if len(want) == 0 {
			t.Fatalf("%s: fixture matches nothing", name)
		}
		if got := allSessions(t, url, inner); !slices.Equal(got, sessionIDList(want)) {
			t.Errorf("%s: got %v\nwant %v", name, got, sessionIDList(want))
		}
	}
	user := all[len(all)/2].UserID
	expect("userID", "<userID>"+user+"</userID>", func(x Session) bool { return x.UserID == user })
	two := []string{all[10].StationID, all[20].StationID}
	expect("stationIDs", "<stationIDs><stationID>"+two[0]+"</stationID><stationID>"+two[1]+"</stationID></stationIDs>",
		func(x Session) bool { return slices.Contains(two, x.StationID) })
	expect("stationName wildcard", "<stationName>chargepoint / hq*</stationName>",
		func(x Session) bool { return x.StationID == "1:81203" })
	expect("City (5 miles around Campbell)", "<City>Campbell</City>", func(x Session) bool {
		st, _ := s.Dataset().Station(x.StationID)
		d, _ := Distance(37.2872, -121.9500, st.Lat, st.Long, "M")
		return d <= 5
	})
	from := Now.Add(-48 * time.Hour)
	expect("fromTimeStamp only", "<fromTimeStamp>"+stamp(from)+"</fromTimeStamp>", func(x Session) bool { return !x.Start.Before(from) })
}

func TestGetChargingSessionDataCodes(t *testing.T) {
	_, url := startServer(t, Options{})
	for name, inner := range map[string]string{
		"unknown station": "<stationID>1:1</stationID>",
		"unknown session": "<sessionID>1</sessionID>",
		"future window":   "<fromTimeStamp>2030-01-01T00:00:00Z</fromTimeStamp>",
		"unknown city":    "<City>Springfield</City>",
	} {
		got, raw := sessionsPage(t, url, inner)
		if got.ResponseCode != "136" || got.MoreFlag != nil || bytes.Contains(raw, []byte("MoreFlag")) {
			t.Errorf("%s: want a bare 136\n%s", name, raw)
		}
	}
	ids := strings.Repeat("<stationID>1:81203</stationID>", 101)
	if got, raw := sessionsPage(t, url, "<stationIDs>"+ids+"</stationIDs>"); got.ResponseCode != "147" || got.ResponseText != "Maximum 100 station IDs allowed." {
		t.Errorf("101 station IDs\n%s", raw)
	}
	if got, raw := sessionsPage(t, url, "<stationIDs>"+strings.Repeat("<stationID>1:81203</stationID>", 100)+"</stationIDs>"); got.ResponseCode != "100" {
		t.Errorf("100 station IDs\n%s", raw)
	}
	// There is no page-size field; an unknown or malformed child is a Client fault.
	expectFault(t, url, query("getChargingSessionData", "<numSessions>10</numSessions>"), "soapenv:Client", "numSessions")
	expectFault(t, url, query("getChargingSessionData", "<fromTimeStamp>yesterday</fromTimeStamp>"), "soapenv:Client", "xsd:dateTime")
	expectFault(t, url, query("getChargingSessionData", "<moreFlag>1</moreFlag>"), "soapenv:Client", "moreFlag")
}

func get15min(t *testing.T, url, inner string) (*tIntervalsResponse, []byte) {
	t.Helper()
	return call[tIntervalsResponse](t, url, "get15minChargingSessionData", opRequest("get15minChargingSessionData", inner))
}

func TestGet15minChargingSessionData(t *testing.T) {
	s, url := startServer(t, Options{})
	var oneInterval, many Session
	for _, sess := range s.Sessions() {
		n := len(intervals(sess))
		if sess.StationID == "1:81203" && n == 1 {
			oneInterval = sess
		}
		if n >= 8 && many.ID == 0 {
			many = sess
		}
	}
	got, raw := get15min(t, url, "<sessionID>"+strconv.FormatInt(oneInterval.ID, 10)+"</sessionID>")
	if got.ResponseCode != "100" || got.SessionID != strconv.FormatInt(oneInterval.ID, 10) || got.StationID != "1:81203" ||
		got.PortNumber != "1" || len(got.Intervals) != 1 || got.Intervals[0].EnergyConsumed != "1.203311" ||
		got.Intervals[0].StationTime != "2026-11-18T13:52:11Z" || mustFloat(t, got.Intervals[0].PeakPower) <= 0 {
		t.Fatalf("one-interval session\n%s", raw)
	}

	id := "<sessionID>" + strconv.FormatInt(many.ID, 10) + "</sessionID>"
	cumulative, raw := get15min(t, url, id)
	explicit, _ := get15min(t, url, id+"<energyConsumedInterval>false</energyConsumedInterval>")
	delta, _ := get15min(t, url, id+"<energyConsumedInterval>true</energyConsumedInterval>")
	if len(cumulative.Intervals) < 8 || len(delta.Intervals) != len(cumulative.Intervals) || !slices.Equal(explicit.Intervals, cumulative.Intervals) {
		t.Fatalf("%d cumulative, %d delta intervals\n%s", len(cumulative.Intervals), len(delta.Intervals), raw)
	}
	previous, sum := 0.0, 0.0
	for i, c := range cumulative.Intervals {
		cum, d := mustFloat(t, c.EnergyConsumed), mustFloat(t, delta.Intervals[i].EnergyConsumed)
		if math.Abs(d-(cum-previous)) > 1e-6 || cum < previous {
			t.Fatalf("interval %d: cumulative %v after %v, delta %v", i, cum, previous, d)
		}
		if c.StationTime != delta.Intervals[i].StationTime {
			t.Fatalf("interval %d: times differ", i)
		}
		previous, sum = cum, sum+d
	}
	if previous != many.Energy || math.Abs(sum-many.Energy) > 1e-5 {
		t.Errorf("last cumulative %v, delta sum %v, session energy %v", previous, sum, many.Energy)
	}
	start := mustTime(t, cumulative.Intervals[0].StationTime)
	if !start.Equal(many.Start.Add(15 * time.Minute)) {
		t.Errorf("first interval at %v, want 15 minutes after the start %v", start, many.Start)
	}

	if got, raw := get15min(t, url, "<sessionID>1</sessionID>"); got.ResponseCode != "160" || len(got.Intervals) != 0 || got.SessionID != "" {
		t.Errorf("unknown session\n%s", raw)
	}
	// Not wrapped, sessionID required, in order.
	expectFault(t, url, opRequest("get15minChargingSessionData", ""), "soapenv:Client", "sessionID")
	expectFault(t, url, opRequest("get15minChargingSessionData", "<searchQuery><sessionID>1</sessionID></searchQuery>"), "soapenv:Client", "searchQuery")
	expectFault(t, url, opRequest("get15minChargingSessionData", "<energyConsumedInterval>true</energyConsumedInterval>"+id), "soapenv:Client", "order")
}
