package cpapi

import (
	"context"
	"net/http"
	"os"
	"testing"
	"time"
)

func TestSeedGuideResponse50Shape(t *testing.T) {
	seed, err := os.ReadFile("testdata/seed_getPublicStations_response.xml")
	if err != nil {
		t.Fatal(err)
	}
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, string(seed)) })
	got, err := fs.client(t).GetPublicStations(context.Background(), guideQuery())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%d stations", len(got))
	}
	s := got[0]
	checks := map[string][2]any{
		"station_id":   {s.StationID, StringOf("1:81203")},
		"station_name": {s.StationName, StringOf("CHARGEPOINT / HQ 5")}, // from the 5.0 port
		"description":  {s.Description, StringOf("Front parking lot along Dell Ave.")},
		"num_ports":    {s.NumPorts, IntOf(2)},
		"mod_time":     {s.ModTimeStamp, TimeOf(time.Date(2012, 11, 15, 1, 29, 16, 0, time.UTC))},
		"currency":     {s.CurrencyCode, String{}},
		"ports":        {len(s.Ports), 2},
		"power 1":      {s.Ports[0].Power, sent("7.2")},
		"power 2":      {s.Ports[1].Power, sent("7.2")},
		"reservable":   {s.Ports[0].Reservable, BoolOf(false)},
		"lat":          {s.Ports[0].Geo.Lat, sent("37.26148986816406")},
		"pricing":      {len(s.Pricing), 1},
		"per hour":     {s.Pricing[0].UnitPricePerHour, sent("1.5")},
		"min price":    {s.Pricing[0].MinPrice, sent("0.5")},
		"start time":   {s.Pricing[0].StartTime, StringOf("00:00:00")},
	}
	for name, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s = %v, want %v", name, c[0], c[1])
		}
	}
	if s.ModTimeStamp.String() != "2012-11-15T01:29:16Z" {
		t.Errorf("mod time RFC 3339 = %s", s.ModTimeStamp)
	}
}

func Test51ShapeKeepsStationLevelName(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getPublicStations", ok100+`<stationData><stationID>1:5</stationID><stationName>ORG / A</stationName><Description>Lot</Description>`+
			`<Port><portNumber>1</portNumber><Connectors><Connector><connectorLabel>1A</connectorLabel><connectorStatus>AVAILABLE</connectorStatus></Connector>`+
			`<Connector><connectorLabel>1B</connectorLabel><connectorStatus>INUSE</connectorStatus></Connector></Connectors><Connector>J1772</Connector></Port>`+
			`<currencyCode>USD</currencyCode><recordNumber>1</recordNumber></stationData><moreFlag>0</moreFlag>`))
	})
	got, err := fs.client(t).GetPublicStations(context.Background(), StationSearchRequest{})
	if err != nil {
		t.Fatal(err)
	}
	p := got[0].Ports[0]
	if got[0].StationName.Value != "ORG / A" || got[0].Description.Value != "Lot" || p.Connector.Value != "J1772" ||
		len(p.Connectors) != 2 || p.Connectors[1].ConnectorLabel.Value != "1B" || p.Connectors[1].ConnectorStatus.Value != "INUSE" {
		t.Errorf("decoded %+v", got[0])
	}
}

func TestEmptyNumericElementsAreNull(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getPublicStations", ok100+`<stationData><stationID>1:5</stationID><Port><portNumber>1</portNumber>`+
			`<Reservable></Reservable><timeStamp></timeStamp><Voltage></Voltage><Current> </Current><Power/><estimatedCost></estimatedCost></Port><numPorts></numPorts></stationData>`))
	})
	got, err := fs.client(t).GetPublicStations(context.Background(), StationSearchRequest{})
	if err != nil {
		t.Fatal(err)
	}
	p := got[0].Ports[0]
	if p.Voltage.Valid || p.Current.Valid || p.Power.Valid || p.EstimatedCost.Valid || p.Reservable.Valid || p.TimeStamp.Valid || got[0].NumPorts.Valid {
		t.Errorf("empty elements decoded as values: %+v %+v", p, got[0].NumPorts)
	}
}

func TestMalformedNumberIsAnError(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getPublicStations", ok100+`<stationData><stationID>1:5</stationID><Port><Power>seven</Power></Port></stationData>`))
	})
	_, err := fs.client(t).GetPublicStations(context.Background(), StationSearchRequest{})
	if err == nil || err.Error() != `getPublicStations: decode response: element Power: "seven" is not a number` {
		t.Fatalf("err = %v", err)
	}
}
