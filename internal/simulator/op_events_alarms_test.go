package simulator

import (
	"slices"
	"strconv"
	"testing"
	"time"
)

func shedEvent(fields ...string) string {
	out := "<shedEvent>"
	for _, f := range fields {
		out += f
	}
	return out + "</shedEvent>"
}

func TestLoadShedEvents(t *testing.T) {
	s, url := startServer(t, Options{})
	start := "2026-12-01T17:00:00Z"
	got, raw := writeOp[tCreateEventResponse](t, url, "createLoadShedEvent", shedEvent(el("stationID", "1:81203"),
		el("eventStartTime", start), el("eventDuration", "120"), el("allowOptOut", "true"), el("allowedLoadPerPort", "3.3")))
	if got.ResponseCode != "100" || got.EventID == nil {
		t.Fatalf("create\n%s", raw)
	}
	id, _ := strconv.Atoi(*got.EventID)
	e, ok := s.LoadShedEvent(id)
	if id != 4001 || !ok || e.StationID != "1:81203" || e.SgID != "" || e.Start.Format(time.RFC3339) != start ||
		e.Duration != 120 || !e.AllowOptOut || e.AllowedLoadPerPort == nil || *e.AllowedLoadPerPort != 3.3 ||
		e.PercentShedPerStation != nil || !e.Created.Equal(Now) {
		t.Errorf("event %d: %+v", id, e)
	}
	got2, _ := writeOp[tCreateEventResponse](t, url, "createLoadShedEvent", shedEvent(el("sgID", "20006"),
		el("eventStartTime", "2026-11-20T11:00:00Z"), el("eventDuration", "61"), el("percentShedPerStation", "25")))
	if got2.ResponseCode != "100" || !flagIs(got2.EventID, "4002") {
		t.Fatalf("a group event in progress: %+v", got2)
	}
	if evs := s.LoadShedEvents(); len(evs) != 2 || evs[1].SgID != "20006" || *evs[1].PercentShedPerStation != 25 || evs[1].AllowOptOut {
		t.Errorf("LoadShedEvents %+v", evs)
	}
	// Events are not shed state: getLoad does not show them.
	if len(s.StationShed("1:81203")) != 0 {
		t.Error("an event shed the station")
	}

	rm, raw := writeOp[tRemoveEventResponse](t, url, "removeLoadShedEvent", el("eventId", "4001"))
	if rm.ResponseCode != "100" || !flagIs(rm.Response, "Success") {
		t.Fatalf("remove\n%s", raw)
	}
	if _, ok := s.LoadShedEvent(4001); ok || len(s.LoadShedEvents()) != 1 {
		t.Error("event still there")
	}
	for name, c := range map[string]struct{ inner, code string }{
		"again":   {el("eventId", "4001"), "160"},
		"unknown": {el("eventId", "1"), "160"},
		"empty":   {"<eventId/>", "172"},
		"none":    {"", "172"},
	} {
		t.Run("remove "+name, func(t *testing.T) {
			got, raw := writeOp[tRemoveEventResponse](t, url, "removeLoadShedEvent", c.inner)
			wantCode(t, raw, c.code, "")
			if got.Response != nil {
				t.Errorf("response on a refusal\n%s", raw)
			}
		})
	}
	if !s.RemoveLoadShedEvent(4002) || s.RemoveLoadShedEvent(4002) {
		t.Error("RemoveLoadShedEvent")
	}
	expectFault(t, url, opRequest("removeLoadShedEvent", el("eventId", "x")), "soapenv:Client", "xsd:int")

	later := el("eventStartTime", "2027-01-01T00:00:00Z") + el("eventDuration", "60")
	pct := el("percentShedPerStation", "50")
	for name, c := range map[string]struct{ inner, code string }{
		"no shedEvent":      {"", "172"},
		"no target":         {shedEvent(later, pct), "172"},
		"empty station":     {shedEvent(el("stationID", ""), later, pct), "172"},
		"both targets":      {shedEvent(el("stationID", "1:81203"), el("sgID", "20006"), later, pct), "187"},
		"no start":          {shedEvent(el("stationID", "1:81203"), el("eventDuration", "60"), pct), "172"},
		"empty duration":    {shedEvent(el("stationID", "1:81203"), el("eventStartTime", "2027-01-01T00:00:00Z"), "<eventDuration/>", pct), "172"},
		"no limit":          {shedEvent(el("stationID", "1:81203"), later), "172"},
		"both limits":       {shedEvent(el("stationID", "1:81203"), later, el("allowedLoadPerPort", "1"), pct), "172"},
		"zero duration":     {shedEvent(el("stationID", "1:81203"), el("eventStartTime", "2027-01-01T00:00:00Z"), el("eventDuration", "0"), pct), "189"},
		"negative load":     {shedEvent(el("stationID", "1:81203"), later, el("allowedLoadPerPort", "-1")), "189"},
		"percent over 100":  {shedEvent(el("stationID", "1:81203"), later, el("percentShedPerStation", "100.5")), "189"},
		"already over":      {shedEvent(el("stationID", "1:81203"), el("eventStartTime", "2026-11-20T11:00:00Z"), el("eventDuration", "60"), pct), "189"},
		"unknown station":   {shedEvent(el("stationID", "1:1"), later, pct), "160"},
		"unknown group":     {shedEvent(el("sgID", "1"), later, pct), "160"},
		"non-numeric group": {shedEvent(el("sgID", "garage"), later, pct), "160"},
	} {
		t.Run("create "+name, func(t *testing.T) {
			got, raw := writeOp[tCreateEventResponse](t, url, "createLoadShedEvent", c.inner)
			wantCode(t, raw, c.code, "")
			if got.EventID != nil {
				t.Errorf("eventId on a refusal\n%s", raw)
			}
		})
	}
	if n := len(s.LoadShedEvents()); n != 0 {
		t.Errorf("%d events after refusals", n)
	}
	// The sequence's order, and the types, are the XSD's.
	expectFault(t, url, opRequest("createLoadShedEvent", shedEvent(later, el("stationID", "1:81203"), pct)), "soapenv:Client", "out of order")
	expectFault(t, url, opRequest("createLoadShedEvent", shedEvent(el("stationID", "1:81203"), el("eventStartTime", "tomorrow"), el("eventDuration", "60"), pct)), "soapenv:Client", "xsd:dateTime")
	expectFault(t, url, opRequest("createLoadShedEvent", shedEvent(el("stationID", "1:81203"), later, el("allowOptOut", "yes"), pct)), "soapenv:Client", "xsd:boolean")
}

func TestClearAlarms(t *testing.T) {
	s, url := startServer(t, Options{})
	all := s.Alarms()
	var seedAlarmsNow []Alarm
	for _, al := range all {
		if al.StationID == "1:81203" {
			seedAlarmsNow = append(seedAlarmsNow, al)
		}
	}
	if len(seedAlarmsNow) != 3 {
		t.Fatalf("seed station alarms %+v", seedAlarmsNow)
	}
	// The GFCI Trip of the seed station's port 1, by type and port.
	got, raw := writeOp[tCodeResponse](t, url, "clearAlarms",
		"<searchQuery><stationID>1:81203</stationID><alarmType>gfci trip</alarmType><portNumber>1</portNumber><clearReason>Cable replaced</clearReason></searchQuery>")
	if got.ResponseCode != "100" {
		t.Fatalf("clear\n%s", raw)
	}
	left, _ := call[tAlarmsResponse](t, url, "getAlarms", query("getAlarms", "<stationID>1:81203</stationID>"))
	if len(left.Alarms) != 2 || left.Alarms[0].AlarmType == "GFCI Trip" || left.Alarms[1].AlarmType == "GFCI Trip" {
		t.Errorf("after clearing: %+v", left.Alarms)
	}
	cleared := s.ClearedAlarms()
	if len(cleared) != 1 || cleared[0].Type != "GFCI Trip" || cleared[0].Reason != "Cable replaced" || !cleared[0].ClearedAt.Equal(Now) {
		t.Errorf("ClearedAlarms %+v", cleared)
	}
	if n := len(s.Alarms()); n != len(all)-1 {
		t.Errorf("Alarms: %d, want %d", n, len(all)-1)
	}
	// The same again: nothing left to clear is 153, as getAlarms answers for no match.
	_, raw = writeOp[tCodeResponse](t, url, "clearAlarms", "<searchQuery><stationID>1:81203</stationID><alarmType>GFCI Trip</alarmType></searchQuery>")
	wantCode(t, raw, "153", "No alarms found for given criteria.")

	// By group and time window.
	from, to := Now.Add(-10*24*time.Hour), Now.Add(-5*24*time.Hour)
	var want []Alarm
	g, _ := s.Dataset().Group(HealthyGroupID)
	for _, al := range s.Alarms() {
		if slices.Contains(g.StationIDs, al.StationID) && !al.Time.Before(from) && !al.Time.After(to) {
			want = append(want, al)
		}
	}
	if len(want) == 0 {
		t.Fatal("setup: no alarm in the window")
	}
	writeOp[tCodeResponse](t, url, "clearAlarms", "<searchQuery><sgID>"+strconv.Itoa(HealthyGroupID)+"</sgID><startTime>"+
		formatDateTime(from)+"</startTime><endTime>"+formatDateTime(to)+"</endTime></searchQuery>")
	if n := len(s.ClearedAlarms()); n != 1+len(want) {
		t.Errorf("%d cleared, want %d", n, 1+len(want))
	}
	// An empty query clears the rest; then getAlarms finds nothing (153).
	writeOp[tCodeResponse](t, url, "clearAlarms", "<searchQuery/>")
	if len(s.Alarms()) != 0 || len(s.ClearedAlarms()) != len(all) {
		t.Errorf("%d alarms left", len(s.Alarms()))
	}
	res, _ := call[tAlarmsResponse](t, url, "getAlarms", query("getAlarms", ""))
	if res.ResponseCode != "153" {
		t.Errorf("getAlarms after clearing all: %s", res.ResponseCode)
	}
	_, raw = writeOp[tCodeResponse](t, url, "clearAlarms", "")
	wantCode(t, raw, "172", "")
	expectFault(t, url, opRequest("clearAlarms", "<searchQuery><sgID>x</sgID></searchQuery>"), "soapenv:Client", "xsd:int")
	expectFault(t, url, opRequest("clearAlarms", "<searchQuery><numTransactions>1</numTransactions></searchQuery>"), "soapenv:Client", "unknown element")
}
