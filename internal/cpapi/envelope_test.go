package cpapi

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/xsdtest"
)

// The guide's sample query, as the data source would send it.
func guideQuery() StationSearchRequest {
	return StationSearchRequest{StationFilters: StationFilters{SearchArea: SearchArea{Address: StringOf("1692 Dell Avenue"), City: StringOf("Campbell"), State: StringOf("CA"), PostalCode: StringOf("95008"), Proximity: FloatOf(1), ProximityUnit: StringOf("M")}}}
}

func TestRequestEnvelopeBytes(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getPublicStations", ok100+`<moreFlag>0</moreFlag>`))
	})
	if _, err := fs.client(t).GetPublicStations(context.Background(), guideQuery()); err != nil {
		t.Fatal(err)
	}
	want := `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:dictionary:com.chargepoint.webservices">` +
		`<soapenv:Header xmlns:wss="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">` +
		`<wss:Security soapenv:mustUnderstand="1"><wss:UsernameToken>` +
		`<wss:Username>` + testKey + `</wss:Username>` +
		`<wss:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">p&amp;ss&lt;w0rd&gt;</wss:Password>` +
		`</wss:UsernameToken></wss:Security></soapenv:Header><soapenv:Body>` +
		`<urn:getPublicStations><searchQuery><Address>1692 Dell Avenue</Address><City>Campbell</City><State>CA</State>` +
		`<postalCode>95008</postalCode><Proximity>1</Proximity><proximityUnit>M</proximityUnit>` +
		`<startRecord>1</startRecord><numStations>500</numStations></searchQuery></urn:getPublicStations>` +
		`</soapenv:Body></soapenv:Envelope>`
	got := fs.last()
	if got.body != want {
		t.Errorf("envelope:\n got %s\nwant %s", got.body, want)
	}
	for header, value := range map[string]string{
		"Content-Type": "text/xml; charset=utf-8",
		"SOAPAction":   `"urn:provider/interface/chargepointservices/getPublicStations"`,
		"User-Agent":   "test-agent/1",
	} {
		if v := got.header.Get(header); v != value {
			t.Errorf("%s = %q, want %q", header, v, value)
		}
	}
	xsdtest.Validate(t, xsdtest.BodyElement(t, []byte(got.body)))
}

func TestRequestOmitsUnsetFieldsAndValidates(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK("getPublicStations", ok100)) })
	full := StationSearchRequest{StationFilters: StationFilters{SearchArea: SearchArea{Country: StringOf("United States"), Geo: &GeoPoint{Lat: FloatOf(37.26148986816406), Long: FloatOf(-121.95753479003906)}}, StationID: StringOf("1:81203"), StationManufacturer: StringOf("Coulomb"), StationModel: StringOf("CT2025"), StationName: StringOf("CHARGEPOINT*"), Connector: StringOf("J1772"), Voltage: FloatOf(240), Current: FloatOf(30), Power: FloatOf(7.2), DemoSerialNumbers: WrappedList[SerialNumberItem]{StringOf("D1"), StringOf("D2")}, Reservable: BoolOf(false), Level: StringOf("L2"), Mode: StringOf("3"), Pricing: &PricingOptions{StartTime: StringOf("08:00:00"), Duration: IntOf(90), EnergyRequired: FloatOf(20), VehiclePower: FloatOf(7.2)}}, SerialNumber: StringOf("SN1")}
	for _, tc := range []struct {
		name string
		q    StationSearchRequest
	}{{"empty", StationSearchRequest{}}, {"every field", full}} {
		name, q := tc.name, tc.q
		t.Run(name, func(t *testing.T) {
			if _, err := fs.client(t).GetPublicStations(context.Background(), q); err != nil {
				t.Fatal(err)
			}
			body := xsdtest.BodyElement(t, []byte(fs.last().body))
			xsdtest.Validate(t, body)
			if name == "empty" && strings.Count(string(body), "<") != 8 { // op, searchQuery, startRecord, numStations (open+close)
				t.Errorf("unset fields were sent: %s", body)
			}
		})
	}
	body := fs.last().body
	for _, want := range []string{"<Reservable>false</Reservable>", "<demoSerialNumber><serialNumber>D1</serialNumber><serialNumber>D2</serialNumber></demoSerialNumber>",
		"<Geo><Lat>37.26148986816406</Lat><Long>-121.95753479003906</Long></Geo>", "<Power>7.2</Power>", "<Duration>90</Duration>"} {
		if !strings.Contains(body, want) {
			t.Errorf("request lacks %s:\n%s", want, body)
		}
	}
}
