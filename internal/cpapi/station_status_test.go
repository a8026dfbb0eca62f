package cpapi

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

func statusStation(id string) string {
	return `<stationData><stationID>` + id + `</stationID><Port><portNumber>1</portNumber><Status>AVAILABLE</Status>` +
		`<TimeStamp>2025-02-14T18:00:00Z</TimeStamp></Port></stationData>`
}

func publicStatusStation(id string) string {
	return `<stationStatusData><stationID>` + id + `</stationID><Port><portNumber>1</portNumber><Status>INUSE</Status>` +
		`<TimeStamp>2025-02-14T18:00:00Z</TimeStamp></Port></stationStatusData>`
}

func fullStatusQuery() StatusSearchRequest {
	return StatusSearchRequest{StationFilters: StationFilters{SearchArea: SearchArea{Address: StringOf("165 13th St"), City: StringOf("Oakland"), State: StringOf("CA"), Country: StringOf("US"), PostalCode: StringOf("94612"), Proximity: FloatOf(2.5), ProximityUnit: StringOf("K"), Geo: &GeoPoint{Lat: FloatOf(37.8), Long: FloatOf(-122.27)}}, StationID: StringOf("1:1"), StationManufacturer: StringOf("Coulomb"), StationModel: StringOf("CT4000"), StationName: StringOf("ORG / *"), Connector: StringOf("J1772"), Voltage: FloatOf(240), Current: FloatOf(30), Power: FloatOf(7.2), DemoSerialNumbers: WrappedList[SerialNumberItem]{StringOf("S1")}, Reservable: BoolOf(false), Level: StringOf("L2"), Mode: StringOf("3"), Pricing: &PricingOptions{StartTime: StringOf("08:00:00"), Duration: IntOf(60), EnergyRequired: FloatOf(10), VehiclePower: FloatOf(7.2)}}, StationIDs: WrappedList[StationIDItem]{StringOf("1:2"), StringOf("1:3")}, PortDetails: BoolOf(true), Status: IntOf(2)}
}

func TestGetStationStatusRequest(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK("getStationStatus", ok100)) })
	if _, err := fs.client(t).GetStationStatus(context.Background(), fullStatusQuery()); err != nil {
		t.Fatal(err)
	}
	body := fs.last().body
	validRequest(t, body)
	for _, want := range []string{
		"<urn:getStationStatus><searchQuery><stationID>1:1</stationID>",
		"<stationIDs><stationID>1:2</stationID><stationID>1:3</stationID></stationIDs>",
		"<portDetails>true</portDetails>", "<Status>2</Status>", "<Reservable>false</Reservable>",
		"<Geo><Lat>37.8</Lat><Long>-122.27</Long></Geo>", "<demoSerialNumber><serialNumber>S1</serialNumber></demoSerialNumber>",
		"<startRecord>1</startRecord><numStations>500</numStations>",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("request lacks %s:\n%s", want, body)
		}
	}
}

func TestGetStationStatusDecodes(t *testing.T) {
	resp := fixture(t, "getStationStatus_response.xml")
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, resp) })
	got, err := fs.client(t).GetStationStatus(context.Background(), StatusSearchRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || len(got[0].Ports) != 2 || len(got[1].Ports) != 1 {
		t.Fatalf("decoded %+v", got)
	}
	p, q := got[0].Ports[0], got[1].Ports[0]
	checks := map[string][2]any{
		"id":              {got[0].StationID, StringOf("1:33923")},
		"record":          {got[1].RecordNumber, IntOf(2)},
		"network":         {got[1].NetworkStatus, StringOf("Unreachable")},
		"status":          {p.Status, StringOf("AVAILABLE")},
		"time stamp":      {p.TimeStamp, TimeOf(time.Date(2016, 11, 7, 19, 19, 19, 0, time.UTC))},
		"connector":       {p.Connector, StringOf("J1772")},
		"power":           {p.Power, sent("7.2")},
		"no fault reason": {p.FaultReason, String{}},
		"fault reason":    {q.FaultReason, StringOf("Station lost network connectivity")},
		"unreachable":     {q.Status, StringOf("UNREACHABLE")},
		"connectors":      {len(q.Connectors), 2},
		"connector fault": {q.Connectors[1].ConnectorFaultReason, StringOf("Cable damaged")},
		"dc power":        {q.Power, sent("50")},
	}
	for name, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s = %v, want %v", name, c[0], c[1])
		}
	}
}

func TestGetStationStatusNoMatchIsEmpty(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK("getStationStatus", noStation102)) })
	got, err := fs.client(t).GetStationStatus(context.Background(), StatusSearchRequest{StationFilters: StationFilters{StationID: StringOf("9:0")}})
	if err != nil || len(got) != 0 {
		t.Errorf("got %v, %v", got, err)
	}
}

// 250 IDs go out as 100 + 100 + 50, each batch paged (page size 40: 3 + 3 + 2 calls), and the answers
// are merged in order.
func TestGetStationStatusBatchesAndPagesEachBatch(t *testing.T) {
	ids := numberedIDs(250)
	fs := pagedOpServer(t, "getStationStatus", requestedIDs, statusStation)
	c := fs.client(t)
	c.pageSize = 40
	var q StatusSearchRequest
	for _, id := range ids {
		q.StationIDs = append(q.StationIDs, StringOf(id))
	}
	got, err := c.GetStationStatus(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	var gotIDs []string
	for _, s := range got {
		gotIDs = append(gotIDs, s.StationID.Value)
	}
	if !slices.Equal(gotIDs, ids) {
		t.Fatalf("%d stations, want the 250 in order", len(gotIDs))
	}
	var shape []string
	for _, r := range fs.requests {
		shape = append(shape, fmt.Sprintf("%d@%s", len(requestedIDs(r.body)), startRecordTagRE.FindStringSubmatch(r.body)[1]))
	}
	want := []string{"100@1", "100@41", "100@81", "100@1", "100@41", "100@81", "50@1", "50@41"}
	if !slices.Equal(shape, want) {
		t.Errorf("calls (IDs@startRecord) %v, want %v", shape, want)
	}
	validRequest(t, fs.requests[0].body)
}

func TestGetStationStatusExactlyFullLastPage(t *testing.T) {
	ids := numberedIDs(10)
	fs := pagedOpServer(t, "getStationStatus", func(string) []string { return ids }, statusStation)
	c := fs.client(t)
	c.pageSize = 5
	got, err := c.GetStationStatus(context.Background(), StatusSearchRequest{StationFilters: StationFilters{SearchArea: SearchArea{City: StringOf("Oakland")}}})
	if err != nil || len(got) != 10 || len(fs.requests) != 2 {
		t.Errorf("%d stations in %d calls, %v", len(got), len(fs.requests), err)
	}
}

func TestGetPublicStationStatusRequest(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK("getPublicStationStatus", ok100)) })
	if _, err := fs.client(t).GetPublicStationStatus(context.Background(), fullStatusQuery()); err != nil {
		t.Fatal(err)
	}
	body := fs.last().body
	validRequest(t, body)
	if !strings.Contains(body, "<urn:getPublicStationStatus><searchQuery>") || strings.Contains(body, "startRecord") ||
		!strings.Contains(body, "<stationIDs><stationID>1:2</stationID><stationID>1:3</stationID></stationIDs>") {
		t.Errorf("request %s", body)
	}
}

func TestGetPublicStationStatusDecodes(t *testing.T) {
	resp := fixture(t, "getPublicStationStatus_response.xml")
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, resp) })
	got, err := fs.client(t).GetPublicStationStatus(context.Background(), StatusSearchRequest{StationFilters: StationFilters{StationID: StringOf("1:81203")}})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || len(got[0].Ports) != 2 {
		t.Fatalf("decoded %+v", got)
	}
	p := got[0].Ports[1]
	if got[0].StationID.Value != "1:81203" || got[0].RecordNumber != IntOf(1) || p.Status.Value != "INUSE" ||
		p.TimeStamp.String() != "2025-02-14T17:42:50Z" || len(p.Connectors) != 1 || p.Connectors[0].ConnectorLabel.Value != "2A" || p.Power != sent("7.2") {
		t.Errorf("decoded %+v", got[0])
	}
}

func TestGetPublicStationStatusBatches(t *testing.T) {
	ids := numberedIDs(250)
	fs := pagedOpServer(t, "getPublicStationStatus", requestedIDs, publicStatusStation)
	var q StatusSearchRequest
	for _, id := range ids {
		q.StationIDs = append(q.StationIDs, StringOf(id))
	}
	got, err := fs.client(t).GetPublicStationStatus(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 250 || got[0].StationID.Value != "1:1" || got[249].StationID.Value != "1:250" {
		t.Fatalf("%d stations", len(got))
	}
	expectBatchSizes(t, fs, 100, 100, 50)
}

func TestGetPublicStationStatusNoMatchIsEmpty(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK("getPublicStationStatus", noStation102)) })
	got, err := fs.client(t).GetPublicStationStatus(context.Background(), StatusSearchRequest{StationFilters: StationFilters{StationID: StringOf("9:0")}})
	if err != nil || len(got) != 0 {
		t.Errorf("got %v, %v", got, err)
	}
}

// An explicitly empty ID list (for example from an empty group) selects nothing; it must not become a
// query without IDs, which would return every station.
func TestEmptyStationIDListMatchesNothing(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getStationStatus", ok100+statusStation("1:1")))
	})
	c := fs.client(t)
	empty := StatusSearchRequest{StationIDs: WrappedList[StationIDItem]{}}
	got, err := c.GetStationStatus(context.Background(), empty)
	if err != nil || got == nil || len(got) != 0 {
		t.Errorf("station status: %v, %v", got, err)
	}
	public, err := c.GetPublicStationStatus(context.Background(), empty)
	if err != nil || public == nil || len(public) != 0 {
		t.Errorf("public station status: %v, %v", public, err)
	}
	if len(fs.requests) != 0 {
		t.Errorf("%d calls for an empty ID list", len(fs.requests))
	}
	if got, _ := c.GetStationStatus(context.Background(), StatusSearchRequest{}); len(got) != 1 {
		t.Errorf("no ID list at all is a search without IDs: %v", got)
	}
}
