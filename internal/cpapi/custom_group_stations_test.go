package cpapi

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestGetCustomGroupStationsRequest(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK("getCustomGroupStations", ok100)) })
	q := CustomGroupStationSearchRequest{SgName: StringOf("AlcoPark 8"), StationID: StringOf("1:34003")}
	if _, err := fs.client(t).GetCustomGroupStations(context.Background(), q); err != nil {
		t.Fatal(err)
	}
	body := fs.last().body
	validRequest(t, body)
	want := "<urn:getCustomGroupStations><searchQuery><stationID>1:34003</stationID><sgName>AlcoPark 8</sgName>" +
		"<startRecord>1</startRecord><numStations>500</numStations></searchQuery></urn:getCustomGroupStations>"
	if !strings.Contains(body, want) {
		t.Errorf("request %s\nwant %s", body, want)
	}
}

func TestGetCustomGroupStationsDecodes(t *testing.T) {
	resp := fixture(t, "getCustomGroupStations_response.xml")
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, resp) })
	got, err := fs.client(t).GetCustomGroupStations(context.Background(), CustomGroupStationSearchRequest{SgName: StringOf("AlcoPark 8")})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%d stations", len(got))
	}
	s := got[0]
	if s.StationID.Value != "1:34003" || s.StationName.Value != "ALCOGARSTATIONS / ALCOPARK 8 -004" || s.RecordNumber != IntOf(1) ||
		s.OrgID.Value != "1:ORG07225" || s.OrganizationName.Value != "Alameda County" || s.SiteValidated != BoolOf(false) ||
		s.StationFirmware.Value != "4.7.1.3" || s.StationReception != IntOf(3) || len(s.Ports) != 1 || s.Ports[0].Power != sent("7.2") {
		t.Errorf("decoded %+v", s)
	}
	if !slices.Equal(s.SgIDs, []Int{IntOf(39491), IntOf(40112)}) || !slices.Equal(s.SgNames, []String{StringOf("AlcoPark 8"), StringOf("Fleet")}) {
		t.Errorf("groups %v %v", s.SgIDs, s.SgNames)
	}
}

func TestGetCustomGroupStationsNoMatchIsEmpty(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK("getCustomGroupStations", noStation102)) })
	got, err := fs.client(t).GetCustomGroupStations(context.Background(), CustomGroupStationSearchRequest{SgName: StringOf("Nope")})
	if err != nil || len(got) != 0 {
		t.Errorf("got %v, %v", got, err)
	}
}

func TestGetCustomGroupStationsPaging(t *testing.T) {
	for _, n := range []int{3, 6, 7} { // page size 3: 3 and 6 end on an exactly full page
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			ids := numberedIDs(n)
			fs := pagedOpServer(t, "getCustomGroupStations", func(string) []string { return ids }, inventoryStation)
			c := fs.client(t)
			c.pageSize = 3
			got, err := c.GetCustomGroupStations(context.Background(), CustomGroupStationSearchRequest{SgName: StringOf("G")})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != n || got[n-1].StationID.Value != ids[n-1] || len(got[n-1].SgIDs) != 2 {
				t.Fatalf("%d stations: %+v", len(got), got)
			}
			if want := (n + 2) / 3; len(fs.requests) != want {
				t.Errorf("%d calls, want %d", len(fs.requests), want)
			}
		})
	}
}
