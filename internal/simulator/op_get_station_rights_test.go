package simulator

import (
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"
)

type tRightsList struct {
	ResponseCode string `xml:"responseCode"`
	ResponseText string `xml:"responseText"`
	Rights       []struct {
		SgID     string `xml:"sgID"`
		SgName   string `xml:"sgName"`
		Profile  string `xml:"stationRightsProfile"`
		Stations []struct {
			StationID        string `xml:"stationID"`
			StationName      string `xml:"stationName"`
			StationSerialNum string `xml:"stationSerialNum"`
			StationMacAddr   string `xml:"stationMacAddr"`
			CompanyID        string `xml:"companyID"`
		} `xml:"stationData"`
	} `xml:"rightsData"`
	MoreFlag *string `xml:"moreFlag"`
}

func rights(t *testing.T, url, inner string) (*tRightsList, []byte) {
	t.Helper()
	return call[tRightsList](t, url, "getStationRights", query("getStationRights", inner))
}

// summary renders each rightsData as "sgID/profile:stationID,stationID".
func (l *tRightsList) summary() []string {
	var out []string
	for _, r := range l.Rights {
		item := r.SgID + "/" + r.Profile + ":"
		for i, st := range r.Stations {
			if i > 0 {
				item += ","
			}
			item += st.StationID
		}
		out = append(out, item)
	}
	return out
}

// expectedRights computes the summary from the data set: the groups keepGroup accepts, with the
// stations keepStation accepts (nil: every station, and groups without stations stay).
func expectedRights(d *Dataset, keepGroup func(g Group) bool, keepStation func(st *Station) bool) []string {
	var out []string
	for _, g := range d.Groups() {
		if !keepGroup(g) {
			continue
		}
		var ids []string
		for _, id := range g.StationIDs {
			st, _ := d.Station(id)
			if keepStation == nil || keepStation(&st) {
				ids = append(ids, id)
			}
		}
		if keepStation != nil && len(ids) == 0 {
			continue
		}
		for _, p := range g.RightsProfiles {
			item := strconv.Itoa(g.ID) + "/" + p + ":"
			for i, id := range ids {
				if i > 0 {
					item += ","
				}
				item += id
			}
			out = append(out, item)
		}
	}
	return out
}

func TestGetStationRights(t *testing.T) {
	s, url := startServer(t, Options{})
	d := s.Dataset()
	anyGroup := func(Group) bool { return true }

	resp, raw := rights(t, url, "")
	if resp.ResponseCode != "100" || resp.MoreFlag == nil || *resp.MoreFlag != "0" {
		t.Fatalf("unexpected response\n%.3000s", raw)
	}
	assertIDs(t, "every right", resp.summary(), expectedRights(d, anyGroup, nil))
	first := resp.Rights[0]
	if first.SgID != "20001" || first.SgName != "Campbell HQ" || first.Profile != "network_manager" || resp.Rights[1].Profile != "station_viewer" {
		t.Errorf("first rightsData %+v %+v", first.SgID, first.Profile)
	}
	if st := first.Stations[0]; st.StationID != "1:81203" || st.StationName != "CHARGEPOINT / HQ 5" || st.StationSerialNum != "1211150072A4" ||
		st.StationMacAddr != "000D:6F00:0154:2B8D" || st.CompanyID != "1" {
		t.Errorf("seed station %+v", st)
	}

	unreachable := func(st *Station) bool { return st.NetworkStatus == "Unreachable" }
	from, to := time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name, query string
		want        []string
	}{
		{"orgID", "<orgID>1:ORG00001</orgID>", expectedRights(d, func(g Group) bool { return g.OrgID == "1:ORG00001" }, nil)},
		{"companyID", "<companyID>318</companyID>", expectedRights(d, func(g Group) bool { return g.OrgID == "4:ORG00318" }, nil)},
		{"organizationName", "<organizationName>CONTINENTAL EV NETWORKS</organizationName>", expectedRights(d, func(g Group) bool { return g.OrgID == "1:ORG07225" }, nil)},
		{"sgID", "<sgID>20002</sgID>", expectedRights(d, func(g Group) bool { return g.ID == 20002 }, nil)},
		{"sgName", "<sgName>pike place</sgName>", expectedRights(d, func(g Group) bool { return g.ID == 20104 }, nil)},
		{"stationID", "<stationID>1:81203</stationID>", []string{"20001/network_manager:1:81203", "20001/station_viewer:1:81203", "20002/network_manager:1:81203"}},
		{"networkStatus", "<networkStatus>unreachable</networkStatus>", expectedRights(d, anyGroup, unreachable)},
		{"portStatus", "<portStatus>UNKNOWN</portStatus>", expectedRights(d, anyGroup, func(st *Station) bool {
			return slices.ContainsFunc(st.Ports, func(p Port) bool { return p.Status == "UNKNOWN" })
		})},
		{"currentFault by code", "<currentFault>3002</currentFault>", []string{"20001/network_manager:1:81203", "20001/station_viewer:1:81203", "20002/network_manager:1:81203"}},
		{"currentFault by name", "<currentFault>Network Communication Failure</currentFault>", expectedRights(d, anyGroup, unreachable)},
		{"adminStatus", "<adminStatus>Inactive</adminStatus>", expectedRights(d, anyGroup, func(st *Station) bool { return st.AdminStatus == "Inactive" })},
		{"provisionDateRange", "<provisionDateRange><startDate>2018-01-01</startDate><endDate>2020-12-31</endDate></provisionDateRange>",
			expectedRights(d, anyGroup, func(st *Station) bool {
				return !st.ActivationDate.Before(from) && st.ActivationDate.Before(to.AddDate(0, 0, 1))
			})},
		{"group and station filters", "<orgID>1:ORG04512</orgID><City>Seattle</City>", expectedRights(d, func(g Group) bool { return g.OrgID == "1:ORG04512" },
			func(st *Station) bool { return haversineMiles(47.6062, -122.3321, st.Lat, st.Long) <= 5 })},
		{"Pricing is accepted", "<sgID>20003</sgID><Pricing><startTime>08:00:00</startTime><Duration>60</Duration><energyRequired>10</energyRequired><vehiclePower>7</vehiclePower></Pricing>",
			expectedRights(d, func(g Group) bool { return g.ID == 20003 }, nil)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, raw := rights(t, url, c.query)
			if resp.ResponseCode != "100" {
				t.Fatalf("code %s\n%s", resp.ResponseCode, raw)
			}
			assertIDs(t, c.query, resp.summary(), c.want)
		})
	}

	for name, q := range map[string]string{
		"unknown station":      "<stationID>1:1</stationID>",
		"unknown group":        "<sgID>1</sgID>",
		"unknown city":         "<City>Springfield</City>",
		"past the last record": "<startRecord>9999999999</startRecord>",
	} {
		resp, raw := rights(t, url, q)
		if resp.ResponseCode != "100" || len(resp.Rights) != 0 || resp.MoreFlag == nil || *resp.MoreFlag != "0" {
			t.Errorf("%s: want 100 with no rightsData\n%s", name, raw)
		}
	}
	if resp, _ := rights(t, url, "<City>Campbell</City><proximityUnit>Q</proximityUnit>"); resp.ResponseCode != "145" {
		t.Errorf("bad proximityUnit: code %s", resp.ResponseCode)
	}

	for _, c := range []struct{ name, body, want string }{
		{"no page size", query("getStationRights", "<numStations>10</numStations>"), "unknown element numStations"},
		{"bad startRecord", query("getStationRights", "<startRecord>1.5</startRecord>"), "xsd:long"},
		{"bad date", query("getStationRights", "<provisionDateRange><startDate>2020-13-01</startDate></provisionDateRange>"), "xsd:date"},
		{"unknown child of provisionDateRange", query("getStationRights", "<provisionDateRange><from>2020-01-01</from></provisionDateRange>"), "unknown element from"},
		{"missing searchQuery", opRequest("getStationRights", ""), "missing required element getStationRights/searchQuery"},
	} {
		t.Run(c.name, func(t *testing.T) { expectFault(t, url, c.body, "soapenv:Client", c.want) })
	}
	expectAuthFailure(t, s, url, "getStationRights", "<searchQuery/>")
}

// TestGetStationRightsPaging: fixed pages of MaxPageSize rightsData, the last one exactly full.
func TestGetStationRightsPaging(t *testing.T) {
	d := New(Options{}).Dataset()
	want := expectedRights(d, func(g Group) bool { return g.OrgID == "1:ORG00001" }, nil)
	size := divisorBetween(len(want), 2)
	if size == 0 {
		t.Fatalf("setup: %d rights", len(want))
	}
	_, url := startServer(t, Options{MaxPageSize: size})
	got := walkPages(t, len(want), size, "100", func(start int) pageResult {
		resp, raw := rights(t, url, fmt.Sprintf("<orgID>1:ORG00001</orgID><startRecord>%d</startRecord>", start))
		return pageResult{code: resp.ResponseCode, ids: resp.summary(), moreFlag: resp.MoreFlag, raw: raw}
	})
	assertIDs(t, "ChargePoint's rights", got, want)
}
