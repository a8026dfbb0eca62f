package simulator

import (
	"slices"
	"strconv"
	"testing"
)

func publicStatus(t *testing.T, url, inner string) (*tStatusList, []byte) {
	t.Helper()
	return call[tStatusList](t, url, "getPublicStationStatus", query("getPublicStationStatus", inner))
}

func TestGetPublicStationStatus(t *testing.T) {
	s, url := startServer(t, Options{MaxPageSize: 50})
	d := s.Dataset()
	private := firstPrivate(d)

	// Not paged: every public station, however small MaxPageSize is.
	resp, raw := publicStatus(t, url, "")
	if resp.ResponseCode != "100" || len(resp.Stations) != 0 || resp.MoreFlag != nil {
		t.Fatalf("unexpected response\n%.2000s", raw)
	}
	assertIDs(t, "every public station", statusIDs(resp.Public), filterIDs(d, func(st *Station) bool { return st.Public }))
	for i, st := range resp.Public {
		if st.RecordNumber != strconv.Itoa(i+1) || st.NetworkStatus != nil {
			t.Fatalf("station %d: %+v", i, st)
		}
		for _, p := range st.Ports {
			if p.FaultReason != nil || p.Connector != nil || p.Power != nil {
				t.Fatalf("station %s port %s: %+v", st.StationID, p.PortNumber, p)
			}
		}
	}

	// The seed station, with portDetails.
	resp, raw = publicStatus(t, url, "<stationID>1:81203</stationID><portDetails>true</portDetails>")
	if len(resp.Public) != 1 || len(resp.Public[0].Ports) != 2 {
		t.Fatalf("seed station\n%s", raw)
	}
	p1, p2 := resp.Public[0].Ports[0], resp.Public[0].Ports[1]
	if p1.Status != "AVAILABLE" || p1.TimeStamp != "2013-03-05T21:40:00Z" || p1.Connector == nil || *p1.Connector != "J1772" ||
		p2.Status != "UNREACHABLE" || p2.FaultReason != nil || p2.Power == nil || *p2.Power != "7.2" {
		t.Errorf("seed station ports %+v %+v", p1, p2)
	}

	// Filters; private stations never appear.
	all := d.Stations()
	var ids []string
	for _, st := range all[:30] {
		ids = append(ids, st.ID)
	}
	if !slices.Contains(ids, private) {
		ids = append(ids, private)
	}
	resp, _ = publicStatus(t, url, stationIDList(ids...)+"<Status>2</Status>")
	assertIDs(t, "stationIDs with Status 2", statusIDs(resp.Public), filterIDs(d, func(st *Station) bool {
		return st.Public && slices.Contains(ids, st.ID) && slices.ContainsFunc(st.Ports, func(p Port) bool { return p.Status == "INUSE" })
	}))

	for name, q := range map[string]string{
		"private station":    "<stationID>" + private + "</stationID>",
		"unknown stationIDs": stationIDList("1:1"),
		"nothing near":       "<Geo><Lat>30</Lat><Long>-40</Long></Geo>",
	} {
		resp, raw := publicStatus(t, url, q)
		if resp.ResponseCode != "102" || resp.ResponseText != "No station found for given criteria." || len(resp.Public) != 0 {
			t.Errorf("%s: want a bare 102, got\n%s", name, raw)
		}
	}
	for _, c := range []struct{ name, body, want string }{
		{"paging is not in statusSearchdata", query("getPublicStationStatus", "<startRecord>1</startRecord>"), "unknown element startRecord"},
		{"numStations neither", query("getPublicStationStatus", "<numStations>1</numStations>"), "unknown element numStations"},
		{"missing searchQuery", opRequest("getPublicStationStatus", ""), "missing required element getPublicStationStatus/searchQuery"},
		{"bad Status", query("getPublicStationStatus", "<Status>0</Status>"), "not a port status code"},
	} {
		t.Run(c.name, func(t *testing.T) { expectFault(t, url, c.body, "soapenv:Client", c.want) })
	}
	expectAuthFailure(t, s, url, "getPublicStationStatus", "<searchQuery/>")
}
