package cpapi

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/xsdtest"
)

// The reference's getStationGroups capture, verbatim: SOAP-ENV prefix, ns1 declared on the Envelope.
const guideStationGroupsResponse = `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="urn:dictionary:com.chargepoint.webservices">
  <SOAP-ENV:Body>
    <ns1:getStationGroupsResponse>
      <responseCode>100</responseCode>
      <responseText>API input request executed successfully.</responseText>
      <groupData>
        <sgID>26103</sgID><orgID>1:ORG00509</orgID><sgName>Charlotte AP1</sgName><organizationName>Microsoft</organizationName>
        <stationData><stationID>1:3569471</stationID><Geo><Lat>35.138344000000000</Lat><Long>-80.922226000000000</Long></Geo></stationData>
      </groupData>
    </ns1:getStationGroupsResponse>
  </SOAP-ENV:Body>
</SOAP-ENV:Envelope>`

// requestBody returns the operation element of the last request, after checking it against the XSD.
func requestBody(t *testing.T, fs *fakeServer) string {
	t.Helper()
	el := xsdtest.BodyElement(t, []byte(fs.last().body))
	xsdtest.Validate(t, el)
	body := fs.last().body
	start := strings.Index(body, "<soapenv:Body>") + len("<soapenv:Body>")
	return body[start:strings.Index(body, "</soapenv:Body>")]
}

func checkSOAPAction(t *testing.T, fs *fakeServer, op string) {
	t.Helper()
	if got, want := fs.last().header.Get("SOAPAction"), `"urn:provider/interface/chargepointservices/`+op+`"`; got != want {
		t.Errorf("SOAPAction = %s, want %s", got, want)
	}
}

func TestGetStationGroupsGuideSample(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, guideStationGroupsResponse) })
	got, err := fs.client(t).GetStationGroups(context.Background(), StationGroupsRequest{OrgID: StringOf("1:ORG00509")})
	if err != nil {
		t.Fatal(err)
	}
	// orgID goes straight under the operation element: getStationGroups has no searchQuery.
	if body, want := requestBody(t, fs), `<urn:getStationGroups><orgID>1:ORG00509</orgID></urn:getStationGroups>`; body != want {
		t.Errorf("request body\n got %s\nwant %s", body, want)
	}
	checkSOAPAction(t, fs, "getStationGroups")
	want := []StationGroup{{
		SgID: IntOf(26103), OrgID: StringOf("1:ORG00509"), SgName: StringOf("Charlotte AP1"), OrganizationName: StringOf("Microsoft"),
		Stations: []StationGroupPoint{{StationID: StringOf("1:3569471"), Geo: &GeoPoint{Lat: sent("35.138344"), Long: sent("-80.922226")}}},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded\n got %+v\nwant %+v", got, want)
	}
}

func TestGetStationGroupsNoGroupsIsEmpty(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK("getStationGroups", ok100)) })
	got, err := fs.client(t).GetStationGroups(context.Background(), StationGroupsRequest{OrgID: StringOf("1:ORG99999")})
	if err != nil || len(got) != 0 {
		t.Fatalf("got %v, %v", got, err)
	}
}

func TestGetStationGroupDetailsRequest(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK("getStationGroupDetails", ok100)) })
	c := fs.client(t)
	cases := []struct {
		q    StationGroupDetailsRequest
		want string
	}{
		{StationGroupDetailsRequest{SgID: IntOf(26103)}, `<urn:getStationGroupDetails><sgID>26103</sgID></urn:getStationGroupDetails>`},
		// sgID before stationID: the request is an xsd:sequence, not an xsd:all.
		{StationGroupDetailsRequest{SgID: IntOf(26103), StationID: StringOf("1:3569471")},
			`<urn:getStationGroupDetails><sgID>26103</sgID><stationID>1:3569471</stationID></urn:getStationGroupDetails>`},
	}
	for _, tc := range cases {
		if _, err := c.GetStationGroupDetails(context.Background(), tc.q); err != nil {
			t.Fatal(err)
		}
		if body := requestBody(t, fs); body != tc.want {
			t.Errorf("request body\n got %s\nwant %s", body, tc.want)
		}
	}
	checkSOAPAction(t, fs, "getStationGroupDetails")
}

func TestGetStationGroupDetailsDecodes(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getStationGroupDetails", ok100+`<groupName>Campus</groupName><numStations>2</numStations>`+
			`<groupData><sgID>7</sgID><sgName>Garage A</sgName></groupData><groupData><sgID>8</sgID><sgName>Garage B</sgName></groupData>`+
			`<stationData><stationID>1:5</stationID><stationName>ORG / FIVE</stationName><Address>1 Main St, Campbell, California, 95008, United States</Address></stationData>`+
			`<stationData><stationID>1:6</stationID><stationName>ORG / SIX</stationName><Address></Address></stationData>`))
	})
	got, err := fs.client(t).GetStationGroupDetails(context.Background(), StationGroupDetailsRequest{SgID: IntOf(3)})
	if err != nil {
		t.Fatal(err)
	}
	want := StationGroupDetails{
		GroupName: StringOf("Campus"), NumStations: IntOf(2),
		Groups: []ChildStationGroup{{SgID: IntOf(7), SgName: StringOf("Garage A")}, {SgID: IntOf(8), SgName: StringOf("Garage B")}},
		Stations: []StationGroupStation{
			{StationID: StringOf("1:5"), StationName: StringOf("ORG / FIVE"), Address: StringOf("1 Main St, Campbell, California, 95008, United States")},
			{StationID: StringOf("1:6"), StationName: StringOf("ORG / SIX"), Address: StringOf("")},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded\n got %+v\nwant %+v", got, want)
	}
}

// invalidSgID is how the simulator (and, by agreement, the client) expects ChargePoint to refuse an sgID.
func invalidSgID(op string) string {
	return soapOK(op, `<responseCode>124</responseCode><responseText>Invalid sgID.</responseText>`)
}

func checkInvalidSgID(t *testing.T, op string, err error) {
	t.Helper()
	var rc *ResponseError
	if !errors.As(err, &rc) || rc.Operation != op || rc.Code != "124" || rc.Text != "Invalid sgID." {
		t.Fatalf("err = %#v", err)
	}
	if want := op + ": ChargePoint answered responseCode 124: Invalid sgID."; err.Error() != want {
		t.Errorf("message %q, want %q", err.Error(), want)
	}
}

func TestGetStationGroupDetailsUnknownGroup(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, invalidSgID("getStationGroupDetails")) })
	_, err := fs.client(t).GetStationGroupDetails(context.Background(), StationGroupDetailsRequest{SgID: IntOf(999999)})
	checkInvalidSgID(t, "getStationGroupDetails", err)
}
