package simulator

import (
	"fmt"
	"slices"
	"strconv"
	"testing"
)

// Tests of getStationGroups, getStationGroupDetails and getOrgsAndStationGroups.

type tGroupList struct {
	ResponseCode string `xml:"responseCode"`
	ResponseText string `xml:"responseText"`
	Groups       []struct {
		SgID             string `xml:"sgID"`
		OrgID            string `xml:"orgID"`
		SgName           string `xml:"sgName"`
		OrganizationName string `xml:"organizationName"`
		Stations         []struct {
			StationID string `xml:"stationID"`
			Lat       string `xml:"Geo>Lat"`
			Long      string `xml:"Geo>Long"`
		} `xml:"stationData"`
	} `xml:"groupData"`
}

type tGroupDetails struct {
	ResponseCode string  `xml:"responseCode"`
	ResponseText string  `xml:"responseText"`
	GroupName    *string `xml:"groupName"`
	NumStations  *string `xml:"numStations"`
	Children     []struct {
		SgID   string `xml:"sgID"`
		SgName string `xml:"sgName"`
	} `xml:"groupData"`
	Stations []struct {
		StationID   string `xml:"stationID"`
		StationName string `xml:"stationName"`
		Address     string `xml:"Address"`
	} `xml:"stationData"`
}

type tOrgList struct {
	ResponseCode string `xml:"responseCode"`
	ResponseText string `xml:"responseText"`
	Orgs         []struct {
		OrgID            string `xml:"orgID"`
		OrganizationName string `xml:"organizationName"`
		Groups           []struct {
			SgID          string `xml:"sgID"`
			SgName        string `xml:"sgName"`
			ParentGroupID string `xml:"parentGroupID"`
		} `xml:"sgData"`
	} `xml:"orgData"`
}

func TestGetStationGroups(t *testing.T) {
	s, url := startServer(t, Options{})
	d := s.Dataset()
	resp, raw := call[tGroupList](t, url, "getStationGroups", opRequest("getStationGroups", "<orgID>1:ORG00001</orgID>"))
	if resp.ResponseCode != "100" || resp.ResponseText != "API input request executed successfully." {
		t.Fatalf("unexpected response\n%s", raw)
	}
	var gotIDs []string
	for _, g := range resp.Groups {
		gotIDs = append(gotIDs, g.SgID)
		id, _ := strconv.Atoi(g.SgID)
		want, ok := d.Group(id)
		if !ok || g.OrgID != "1:ORG00001" || g.OrganizationName != "ChargePoint" || g.SgName != want.Name {
			t.Errorf("group %+v, want %+v", g, want)
			continue
		}
		var stations []string
		for _, st := range g.Stations {
			stations = append(stations, st.StationID)
			if st.StationID == "1:81203" && (st.Lat != "37.261489868164060" || st.Long != "-121.957534790039060") {
				t.Errorf("seed station at %s, %s", st.Lat, st.Long)
			}
		}
		if !slices.Equal(stations, want.StationIDs) {
			t.Errorf("group %s: stations %v, want %v", g.SgID, stations, want.StationIDs)
		}
	}
	assertIDs(t, "ChargePoint's groups", gotIDs, []string{"20001", "20002", "20003", "20004", "20005", "20006", "20007"})
	if g := resp.Groups[1]; g.SgName != "Garage West" || !slices.ContainsFunc(g.Stations, func(st struct {
		StationID string `xml:"stationID"`
		Lat       string `xml:"Geo>Lat"`
		Long      string `xml:"Geo>Long"`
	}) bool {
		return st.StationID == "1:81203"
	}) {
		t.Errorf("Garage West: %+v", g)
	}

	// Case-insensitive; another region.
	resp, _ = call[tGroupList](t, url, "getStationGroups", opRequest("getStationGroups", "<orgID>2:org01950</orgID>"))
	assertIDs(t, "Europa Laden's groups", sgIDsOf(resp), []string{"20401", "20402", "20403", "20404"})

	// An unknown organization has no groups.
	resp, raw = call[tGroupList](t, url, "getStationGroups", opRequest("getStationGroups", "<orgID>1:ORG99999</orgID>"))
	if resp.ResponseCode != "100" || len(resp.Groups) != 0 {
		t.Errorf("unknown organization\n%s", raw)
	}

	for _, c := range []struct{ name, body, want string }{
		{"missing orgID", opRequest("getStationGroups", ""), "missing required element getStationGroups/orgID"},
		{"wrapped in searchQuery", query("getStationGroups", "<orgID>1:ORG00001</orgID>"), "unknown element searchQuery"},
		{"two orgIDs", opRequest("getStationGroups", "<orgID>1:ORG00001</orgID><orgID>1:ORG04512</orgID>"), "out of order or repeated"},
	} {
		t.Run(c.name, func(t *testing.T) { expectFault(t, url, c.body, "soapenv:Client", c.want) })
	}
	expectAuthFailure(t, s, url, "getStationGroups", "<orgID>1:ORG00001</orgID>")
}

func sgIDsOf(l *tGroupList) []string {
	var out []string
	for _, g := range l.Groups {
		out = append(out, g.SgID)
	}
	return out
}

func TestGetStationGroupDetails(t *testing.T) {
	s, url := startServer(t, Options{})
	d := s.Dataset()
	details := func(inner string) (*tGroupDetails, []byte) {
		return call[tGroupDetails](t, url, "getStationGroupDetails", opRequest("getStationGroupDetails", inner))
	}

	resp, raw := details("<sgID>20001</sgID>")
	hq, _ := d.Group(20001)
	if resp.ResponseCode != "100" || resp.GroupName == nil || *resp.GroupName != "Campbell HQ" || resp.NumStations == nil ||
		*resp.NumStations != strconv.Itoa(len(hq.StationIDs)) || len(hq.StationIDs) < 5 {
		t.Fatalf("unexpected response\n%s", raw)
	}
	if fmt.Sprint(resp.Children) != "[{20002 Garage West} {20003 Garage East}]" {
		t.Errorf("child groups %v", resp.Children)
	}
	var ids []string
	for _, st := range resp.Stations {
		ids = append(ids, st.StationID)
		want, _ := d.Station(st.StationID)
		if st.StationName != want.Name || st.Address != want.Address+", "+want.City+", "+want.State+", "+want.PostalCode+", "+want.Country {
			t.Errorf("station %+v", st)
		}
	}
	assertIDs(t, "Campbell HQ's stations", ids, hq.StationIDs)
	if resp.Stations[0].Address != "1692 Dell Ave, Campbell, California, 95008, United States" {
		t.Errorf("seed station address %q", resp.Stations[0].Address)
	}

	// With a stationID: that station only, if it is in the group.
	resp, raw = details("<sgID>20002</sgID><stationID>1:81203</stationID>")
	if *resp.NumStations != "1" || len(resp.Stations) != 1 || resp.Stations[0].StationName != "CHARGEPOINT / HQ 5" ||
		fmt.Sprint(resp.Children) != "[{20007 Garage West Level 2}]" {
		t.Errorf("Garage West with the seed station\n%s", raw)
	}
	resp, raw = details("<sgID>20003</sgID><stationID>1:81203</stationID>")
	if resp.ResponseCode != "100" || *resp.NumStations != "0" || len(resp.Stations) != 0 || *resp.GroupName != "Garage East" {
		t.Errorf("Garage East with the seed station (not a member)\n%s", raw)
	}
	// A leaf group has no child groups.
	if resp, raw = details("<sgID>20007</sgID>"); len(resp.Children) != 0 || resp.ResponseCode != "100" {
		t.Errorf("Garage West Level 2\n%s", raw)
	}
	// Unknown group: 124, nothing else.
	resp, raw = details("<sgID>999</sgID>")
	if resp.ResponseCode != "124" || resp.ResponseText != "Invalid sgID." || resp.GroupName != nil || resp.NumStations != nil || len(resp.Stations) != 0 {
		t.Errorf("unknown sgID\n%s", raw)
	}

	for _, c := range []struct{ name, body, want string }{
		{"missing sgID", opRequest("getStationGroupDetails", ""), "missing required element getStationGroupDetails/sgID"},
		{"only stationID", opRequest("getStationGroupDetails", "<stationID>1:81203</stationID>"), "missing required element getStationGroupDetails/sgID"},
		{"out of order", opRequest("getStationGroupDetails", "<stationID>1:81203</stationID><sgID>20001</sgID>"), "out of order"},
		{"sgID not a number", opRequest("getStationGroupDetails", "<sgID>Garage West</sgID>"), "xsd:int"},
		{"unknown child", opRequest("getStationGroupDetails", "<sgID>20001</sgID><sgName>x</sgName>"), "unknown element sgName"},
	} {
		t.Run(c.name, func(t *testing.T) { expectFault(t, url, c.body, "soapenv:Client", c.want) })
	}
	expectAuthFailure(t, s, url, "getStationGroupDetails", "<sgID>20001</sgID>")
}

func TestGetOrgsAndStationGroups(t *testing.T) {
	s, url := startServer(t, Options{})
	orgs := func(inner string) (*tOrgList, []byte) {
		return call[tOrgList](t, url, "getOrgsAndStationGroups", query("getOrgsAndStationGroups", inner))
	}
	summary := func(l *tOrgList) string {
		out := ""
		for _, o := range l.Orgs {
			out += o.OrgID + " " + o.OrganizationName + ":"
			for _, g := range o.Groups {
				out += " " + g.SgID + "<" + g.ParentGroupID
			}
			out += "; "
		}
		return out
	}

	resp, raw := orgs("")
	if resp.ResponseCode != "100" || len(resp.Orgs) != len(s.Dataset().Organizations()) || len(resp.Orgs) < 4 {
		t.Fatalf("every organization\n%s", raw)
	}
	if got, want := summary(&tOrgList{Orgs: resp.Orgs[:1]}), "1:ORG00001 ChargePoint: 20001<0 20002<20001 20003<20001 20004<0 20005<20004 20006<0 20007<20002; "; got != want {
		t.Errorf("ChargePoint:\n got %s\nwant %s", got, want)
	}
	var groups int
	for _, o := range resp.Orgs {
		groups += len(o.Groups)
	}
	if groups != len(s.Dataset().Groups()) {
		t.Errorf("%d groups listed, the data set has %d", groups, len(s.Dataset().Groups()))
	}

	for _, c := range []struct{ name, query, want string }{
		{"orgID, case-insensitive", "<orgID>4:org00318</orgID>", "4:ORG00318 Maple Leaf EV: 20301<0 20302<20301; "},
		{"organizationName", "<organizationName>golden gate mobility</organizationName>", "1:ORG04512 Golden Gate Mobility: 20101<0 20102<20101 20103<0 20104<20103; "},
		{"sgName", "<sgName>Garage West</sgName>", "1:ORG00001 ChargePoint: 20002<20001; "},
		{"sgID", "<sgID>20402</sgID>", "2:ORG01950 Europa Laden: 20402<20401; "},
		{"sgID of another organization", "<sgID>20402</sgID><orgID>1:ORG00001</orgID>", ""},
		{"unknown organization", "<orgID>9:ORG00009</orgID>", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			resp, raw := orgs(c.query)
			if resp.ResponseCode != "100" || summary(resp) != c.want {
				t.Fatalf("got %q, want %q\n%s", summary(resp), c.want, raw)
			}
		})
	}

	for _, c := range []struct{ name, body, want string }{
		{"missing searchQuery", opRequest("getOrgsAndStationGroups", ""), "missing required element getOrgsAndStationGroups/searchQuery"},
		{"sgID not a number", query("getOrgsAndStationGroups", "<sgID>x</sgID>"), "xsd:int"},
		{"unknown child", query("getOrgsAndStationGroups", "<companyID>1</companyID>"), "unknown element companyID"},
	} {
		t.Run(c.name, func(t *testing.T) { expectFault(t, url, c.body, "soapenv:Client", c.want) })
	}
	expectAuthFailure(t, s, url, "getOrgsAndStationGroups", "<searchQuery/>")
}
