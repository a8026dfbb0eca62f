package simulator

import (
	"bytes"
	"fmt"
	"testing"
)

func customGroup(t *testing.T, url, inner string) (*tStationList, []byte) {
	t.Helper()
	return call[tStationList](t, url, "getCustomGroupStations", query("getCustomGroupStations", inner))
}

func TestGetCustomGroupStations(t *testing.T) {
	s, url := startServer(t, Options{})
	d := s.Dataset()
	west, _ := d.Group(UnreachableGroupID)

	resp, raw := customGroup(t, url, "<sgName>garage west</sgName>")
	if resp.ResponseCode != "100" || resp.MoreFlag == nil || *resp.MoreFlag != "0" {
		t.Fatalf("unexpected response\n%s", raw)
	}
	assertIDs(t, "Garage West", extIDs(resp.Stations), west.StationIDs)
	seed := resp.Stations[0]
	if seed.StationID != "1:81203" || seed.RecordNumber != "1" || seed.SgID != "20001, 20002" || seed.SgName != "Campbell HQ, Garage West" ||
		seed.OrgID != "1:ORG00001" || seed.CompanyID != "1" || seed.OrganizationName != "ChargePoint" || seed.NetworkStatus != "Reachable" ||
		seed.ActivationDate != "2012-10-02T18:00:00Z" || seed.WarrantyService != "Assure" || len(seed.Ports) != 2 {
		t.Errorf("seed station %+v", seed)
	}
	if bytes.Contains(raw, []byte("<managedBy>")) {
		t.Error("customGroupstationDataExtended has no managedBy")
	}

	// One station of the group; one that is not in it.
	resp, _ = customGroup(t, url, "<sgName>Garage West</sgName><stationID>1:81203</stationID>")
	assertIDs(t, "Garage West, seed station", extIDs(resp.Stations), []string{"1:81203"})
	for name, q := range map[string]string{
		"station not in the group": "<sgName>Garage East</sgName><stationID>1:81203</stationID>",
		"unknown group":            "<sgName>No Such Group</sgName>",
		"past the last record":     fmt.Sprintf("<sgName>Garage West</sgName><startRecord>%d</startRecord>", len(west.StationIDs)+1),
	} {
		resp, raw := customGroup(t, url, q)
		if resp.ResponseCode != "102" || resp.ResponseText != "No station found for given criteria." || len(resp.Stations) != 0 || resp.MoreFlag != nil {
			t.Errorf("%s: want a bare 102, got\n%s", name, raw)
		}
	}

	for _, c := range []struct{ name, body, want string }{
		{"missing sgName", query("getCustomGroupStations", "<stationID>1:81203</stationID>"), "missing required element getCustomGroupStations/searchQuery/sgName"},
		{"missing searchQuery", opRequest("getCustomGroupStations", ""), "missing required element getCustomGroupStations/searchQuery"},
		{"sgID is not a child", query("getCustomGroupStations", "<sgName>Garage West</sgName><sgID>20002</sgID>"), "unknown element sgID"},
		{"bad startRecord", query("getCustomGroupStations", "<sgName>Garage West</sgName><startRecord>x</startRecord>"), "xsd:int"},
	} {
		t.Run(c.name, func(t *testing.T) { expectFault(t, url, c.body, "soapenv:Client", c.want) })
	}
	expectAuthFailure(t, s, url, "getCustomGroupStations", "<searchQuery><sgName>Garage West</sgName></searchQuery>")
}

func TestGetCustomGroupStationsPaging(t *testing.T) {
	// A group whose size has a divisor, so that its last page is exactly full.
	var group Group
	size := 0
	for _, g := range New(Options{}).Dataset().Groups() {
		if d := divisorBetween(len(g.StationIDs), 3); d > 0 {
			group, size = g, d
			break
		}
	}
	if size == 0 {
		t.Fatal("setup: no group of a size with a divisor")
	}
	_, url := startServer(t, Options{MaxPageSize: size})
	got := walkPages(t, len(group.StationIDs), size, "102", func(start int) pageResult {
		resp, raw := customGroup(t, url, fmt.Sprintf("<sgName>%s</sgName><startRecord>%d</startRecord>", group.Name, start))
		p := pageResult{code: resp.ResponseCode, ids: extIDs(resp.Stations), moreFlag: resp.MoreFlag, raw: raw}
		for _, st := range resp.Stations {
			p.records = append(p.records, st.RecordNumber)
		}
		return p
	})
	assertIDs(t, group.Name, got, group.StationIDs)
}
