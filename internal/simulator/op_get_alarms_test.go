package simulator

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func alarmsPage(t *testing.T, url, inner string) (*tAlarmsResponse, []byte) {
	t.Helper()
	return call[tAlarmsResponse](t, url, "getAlarms", query("getAlarms", inner))
}

// alarmKey identifies an alarm in the comparisons below.
func alarmKey(stationID, port, typ, at string) string {
	return stationID + "/" + port + "/" + typ + "@" + at
}

func expectedAlarms(s *Server, keep func(Alarm) bool) []string {
	var out []string
	for _, al := range s.Alarms() {
		if keep(al) {
			out = append(out, alarmKey(al.StationID, alarmPort(&al), al.Type, formatDateTime(al.Time)))
		}
	}
	return out
}

// allAlarms walks every page of numTransactions size; full pages hold pageLen alarms (size, or the
// server's cap).
func allAlarms(t *testing.T, url, inner string, size, pageLen int) (keys []string, pages int) {
	t.Helper()
	for start := 1; ; start += pageLen {
		got, raw := alarmsPage(t, url, fmt.Sprintf("%s<startRecord>%d</startRecord><numTransactions>%d</numTransactions>", inner, start, size))
		if got.ResponseCode != "100" || got.MoreFlag == nil {
			t.Fatalf("startRecord %d\n%s", start, raw)
		}
		pages++
		for i, al := range got.Alarms {
			if al.RecordNumber != strconv.Itoa(start+i) || al.PortNumber == nil {
				t.Fatalf("alarm %+v at position %d", al, start+i)
			}
			keys = append(keys, alarmKey(al.StationID, *al.PortNumber, al.AlarmType, al.AlarmTime))
		}
		if *got.MoreFlag == "0" {
			return keys, pages
		}
		if len(got.Alarms) != pageLen {
			t.Fatalf("startRecord %d: %d alarms with moreFlag 1", start, len(got.Alarms))
		}
	}
}

func TestGetAlarmsSeedStation(t *testing.T) {
	_, url := startServer(t, Options{})
	got, raw := alarmsPage(t, url, "<stationID>1:81203</stationID>")
	if got.ResponseCode != "100" || !flagIs(got.MoreFlag, "0") || len(got.Alarms) != 3 {
		t.Fatalf("got\n%s", raw)
	}
	want := []tAlarm{
		{AlarmType: "Unreachable", AlarmTime: "2026-11-03T02:14:09Z", RecordNumber: "1"},
		{AlarmType: "Reachable", AlarmTime: "2026-11-03T02:31:40Z", RecordNumber: "2"},
		{AlarmType: "GFCI Trip", AlarmTime: "2026-11-17T19:05:33Z", RecordNumber: "3"},
	}
	ports := []string{"", "", "1"}
	for i, al := range got.Alarms {
		if al.PortNumber == nil || *al.PortNumber != ports[i] {
			t.Errorf("alarm %d: portNumber %v, want %q (present, empty for station-level alarms)", i, al.PortNumber, ports[i])
		}
		al.PortNumber = nil
		w := want[i]
		w.StationID, w.StationName, w.StationModel, w.OrgID, w.CompanyID = "1:81203", "CHARGEPOINT / HQ 5", "CT2025-HD-GW1-CCR", "1:ORG00001", "1"
		w.OrganizationName, w.StationManufacturer, w.StationSerialNum = "ChargePoint", "Coulomb", "1211150072A4"
		if al != w {
			t.Errorf("alarm %d\n got %+v\nwant %+v", i, al, w)
		}
	}
	if !strings.Contains(string(raw), "<portNumber></portNumber><alarmType>Unreachable</alarmType>") {
		t.Errorf("station-level alarm without an empty portNumber\n%s", raw)
	}
}

func TestGetAlarmsPaging(t *testing.T) {
	s, url := startServer(t, Options{})
	want := expectedAlarms(s, func(Alarm) bool { return true })
	got, pages := allAlarms(t, url, "", 40, 40)
	if !slices.Equal(got, want) || pages < 3 {
		t.Fatalf("%d alarms in %d pages, want %d", len(got), pages, len(want))
	}
	// No numTransactions: one page of up to MaxPageSize.
	s2, url2 := startServer(t, Options{MaxPageSize: 50})
	first, raw := alarmsPage(t, url2, "")
	if len(first.Alarms) != 50 || !flagIs(first.MoreFlag, "1") || len(s2.Alarms()) <= 50 {
		t.Fatalf("default page size\n%s", raw)
	}
	if got, _ := allAlarms(t, url2, "", 500, 50); !slices.Equal(got, expectedAlarms(s2, func(Alarm) bool { return true })) {
		t.Fatal("numTransactions above MaxPageSize not capped")
	}
}

func TestGetAlarmsFilters(t *testing.T) {
	s, url := startServer(t, Options{})
	from, to := Now.Add(-10*24*time.Hour), Now.Add(-3*24*time.Hour)
	cases := []struct {
		name, inner string
		keep        func(Alarm) bool
	}{
		{"time window", "<startTime>" + stamp(from) + "</startTime><endTime>" + stamp(to) + "</endTime>",
			func(a Alarm) bool { return !a.Time.Before(from) && !a.Time.After(to) }},
		{"station-level only", "<portNumber></portNumber>", func(a Alarm) bool { return a.PortNumber == 0 }},
		{"organization", "<orgID>1:ORG00001</orgID>", func(a Alarm) bool {
			st, _ := s.Dataset().Station(a.StationID)
			return st.OrgID == "1:ORG00001"
		}},
		{"group", "<sgID>" + strconv.Itoa(HealthyGroupID) + "</sgID>", func(a Alarm) bool {
			g, _ := s.Dataset().Group(HealthyGroupID)
			return slices.Contains(g.StationIDs, a.StationID)
		}},
	}
	for _, c := range cases {
		want := expectedAlarms(s, c.keep)
		if len(want) == 0 {
			t.Fatalf("%s: fixture matches nothing", c.name)
		}
		if got, _ := allAlarms(t, url, c.inner, 100, 100); !slices.Equal(got, want) {
			t.Errorf("%s: got %v\nwant %v", c.name, got, want)
		}
	}
	for name, inner := range map[string]string{
		"unknown station": "<stationID>1:1</stationID>",
		"future window":   "<startTime>2030-01-01T00:00:00Z</startTime>",
		"past the end":    "<startRecord>100000</startRecord>",
	} {
		got, raw := alarmsPage(t, url, inner)
		if got.ResponseCode != "153" || got.ResponseText != "No alarms found for given criteria." || got.MoreFlag != nil || len(got.Alarms) != 0 {
			t.Errorf("%s: want a bare 153\n%s", name, raw)
		}
	}
	ids := "<stationIDs>" + strings.Repeat("<stationID>1:81203</stationID>", 101) + "</stationIDs>"
	if got, raw := alarmsPage(t, url, ids); got.ResponseCode != "147" {
		t.Errorf("101 station IDs\n%s", raw)
	}
	expectFault(t, url, query("getAlarms", "<sgID>HQ</sgID>"), "soapenv:Client", "xsd:int")
	expectFault(t, url, query("getAlarms", "<numAlarms>5</numAlarms>"), "soapenv:Client", "numAlarms")
}
