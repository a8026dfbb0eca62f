package simulator

import (
	"fmt"
	"slices"
	"testing"
)

func statusPage(t *testing.T, url, inner string) (*tStatusList, []byte) {
	t.Helper()
	return call[tStatusList](t, url, "getStationStatus", query("getStationStatus", inner))
}

func TestGetStationStatusSeedStation(t *testing.T) {
	_, url := startServer(t, Options{})
	resp, raw := statusPage(t, url, `<stationID>1:81203</stationID>`)
	if resp.ResponseCode != "100" || len(resp.Stations) != 1 || resp.MoreFlag == nil || *resp.MoreFlag != "0" {
		t.Fatalf("unexpected response\n%s", raw)
	}
	st := resp.Stations[0]
	if st.StationID != "1:81203" || st.RecordNumber != "1" || st.NetworkStatus == nil || *st.NetworkStatus != "Reachable" || len(st.Ports) != 2 {
		t.Fatalf("station %+v", st)
	}
	p1, p2 := st.Ports[0], st.Ports[1]
	if p1.PortNumber != "1" || p1.Status != "AVAILABLE" || p1.FaultReason != nil || p1.TimeStamp != "2013-03-05T21:40:00Z" {
		t.Errorf("port 1 %+v", p1)
	}
	if p2.PortNumber != "2" || p2.Status != "UNREACHABLE" || p2.FaultReason == nil || *p2.FaultReason != "Power Module Not Responding" {
		t.Errorf("port 2 %+v", p2)
	}
	if p1.Connector != nil || p1.Power != nil {
		t.Errorf("Connector/Power without portDetails: %+v", p1)
	}
	resp, _ = statusPage(t, url, `<stationID>1:81203</stationID><portDetails>true</portDetails>`)
	if p := resp.Stations[0].Ports[0]; p.Connector == nil || *p.Connector != "J1772" || p.Power == nil || *p.Power != "7.2" {
		t.Errorf("portDetails: port 1 %+v", p)
	}
}

func TestGetStationStatusFilters(t *testing.T) {
	s, url := startServer(t, Options{})
	d := s.Dataset()
	withStatus := func(statuses ...string) func(st *Station) bool {
		return func(st *Station) bool {
			return slices.ContainsFunc(st.Ports, func(p Port) bool { return slices.Contains(statuses, p.Status) })
		}
	}
	all := d.Stations()
	some := []string{all[7].ID, all[3].ID, "1:1", all[40].ID} // out of order, with an unknown ID
	var multi string
	for _, st := range all {
		if slices.ContainsFunc(st.Ports, func(p Port) bool { return len(p.Connectors) > 1 }) {
			multi = st.ID
			break
		}
	}
	cases := []struct {
		name, query string
		want        []string
	}{
		{"Status 1 (available)", `<Status>1</Status><numStations>500</numStations>`, filterIDs(d, withStatus("AVAILABLE"))},
		{"Status 2 (in use)", `<Status>2</Status><numStations>500</numStations>`, filterIDs(d, withStatus("INUSE"))},
		{"Status 3 (unknown or unreachable)", `<Status>3</Status>`, filterIDs(d, withStatus("UNKNOWN", "UNREACHABLE"))},
		{"stationIDs", stationIDList(some...), []string{all[3].ID, all[7].ID, all[40].ID}},
		{"stationIDs and stationID", stationIDList(some...) + `<stationID>` + all[7].ID + `</stationID>`, []string{all[7].ID}},
		{"Status and Level on the same port", `<Status>2</Status><Level>DC</Level>`, filterIDs(d, func(st *Station) bool {
			return slices.ContainsFunc(st.Ports, func(p Port) bool { return p.Status == "INUSE" && p.Level == "DC" })
		})},
		{"private stations too", `<stationID>` + firstPrivate(d) + `</stationID>`, []string{firstPrivate(d)}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, raw := statusPage(t, url, c.query)
			if resp.ResponseCode != "100" {
				t.Fatalf("code %s\n%s", resp.ResponseCode, raw)
			}
			assertIDs(t, c.query, statusIDs(resp.Stations), c.want)
		})
	}

	// Every station's ports and network status are the data set's.
	resp, _ := statusPage(t, url, `<numStations>500</numStations>`)
	if len(resp.Stations) != d.Len() {
		t.Fatalf("%d stations, want %d", len(resp.Stations), d.Len())
	}
	var unreachable, faulted int
	for _, got := range resp.Stations {
		st, _ := d.Station(got.StationID)
		if got.NetworkStatus == nil || *got.NetworkStatus != st.NetworkStatus || len(got.Ports) != len(st.Ports) {
			t.Fatalf("%s: %+v", st.ID, got)
		}
		for i, p := range got.Ports {
			reason := ""
			if p.FaultReason != nil {
				reason = *p.FaultReason
			}
			if p.Status != st.Ports[i].Status || reason != st.Ports[i].FaultReason || (reason != "") != (p.Status == "UNREACHABLE" || p.Status == "UNKNOWN") {
				t.Fatalf("%s port %s: %+v", st.ID, p.PortNumber, p)
			}
			if reason != "" && !slices.ContainsFunc(d.ActiveFaults(st.ID), func(f Fault) bool { return f.Name == reason }) {
				t.Fatalf("%s port %s: fault reason %q is not an active fault of the station", st.ID, p.PortNumber, reason)
			}
		}
		if *got.NetworkStatus == "Unreachable" {
			unreachable++
		}
		if len(d.ActiveFaults(st.ID)) > 0 {
			faulted++
		}
	}
	if unreachable == 0 || faulted <= unreachable {
		t.Errorf("%d unreachable stations, %d with faults: the data set lacks variety", unreachable, faulted)
	}

	// portDetails shows the connectors of a multi-connector port.
	resp, raw := statusPage(t, url, `<stationID>`+multi+`</stationID><portDetails>1</portDetails>`)
	if multi == "" || !slices.ContainsFunc(resp.Stations[0].Ports, func(p tPortStatus) bool { return len(p.Connectors) == 2 }) {
		t.Errorf("no Connectors for %q\n%s", multi, raw)
	}
}

func TestGetStationStatusPaging(t *testing.T) {
	const stations, size = 47, 8 // 48 stations with the seed station: six full pages
	s, url := startServer(t, Options{Stations: stations, MaxPageSize: size})
	want := filterIDs(s.Dataset(), func(*Station) bool { return true })
	got := walkPages(t, len(want), size, "102", func(start int) pageResult {
		resp, raw := statusPage(t, url, fmt.Sprintf("<startRecord>%d</startRecord>", start))
		p := pageResult{code: resp.ResponseCode, ids: statusIDs(resp.Stations), moreFlag: resp.MoreFlag, raw: raw}
		for _, st := range resp.Stations {
			p.records = append(p.records, st.RecordNumber)
		}
		return p
	})
	assertIDs(t, "every station", got, want)
}

func TestGetStationStatusErrors(t *testing.T) {
	s, url := startServer(t, Options{})
	for name, q := range map[string]string{
		"unknown stationIDs": stationIDList("1:1", "9:9"),
		"unknown city":       `<City>Springfield</City>`,
	} {
		resp, raw := statusPage(t, url, q)
		if resp.ResponseCode != "102" || resp.ResponseText != "No station found for given criteria." || len(resp.Stations) != 0 || resp.MoreFlag != nil {
			t.Errorf("%s: want a bare 102, got\n%s", name, raw)
		}
	}
	for _, c := range []struct{ name, body, want string }{
		{"missing searchQuery", opRequest("getStationStatus", ""), "missing required element getStationStatus/searchQuery"},
		{"serialNumber is not in statusSearchdata", query("getStationStatus", `<serialNumber>1</serialNumber>`), "unknown element serialNumber"},
		{"Status out of range", query("getStationStatus", `<Status>4</Status>`), "not a port status code"},
		{"Status not a number", query("getStationStatus", `<Status>AVAILABLE</Status>`), "xsd:int"},
		{"empty stationIDs", query("getStationStatus", `<stationIDs/>`), "needs at least one stationID"},
		{"wrong child in stationIDs", query("getStationStatus", `<stationIDs><id>1</id></stationIDs>`), "expected stationID"},
		{"bad portDetails", query("getStationStatus", `<portDetails>yes</portDetails>`), "xsd:boolean"},
	} {
		t.Run(c.name, func(t *testing.T) { expectFault(t, url, c.body, "soapenv:Client", c.want) })
	}
	expectAuthFailure(t, s, url, "getStationStatus", "<searchQuery/>")
}
