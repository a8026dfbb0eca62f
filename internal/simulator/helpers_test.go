package simulator

import (
	"bytes"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// The setup guide's placeholder credentials.
const (
	testKey      = "0123456789abcdef0123456789abcdef0123456789abcdef0123456"
	testPassword = "0123456789abcdef0123456789abcdef"
)

// guideLiteralRequest is the setup guide's "Example API Call" request, byte for byte. Its UsernameToken
// uses the prefix wsse:, which the guide never declares (only wss: is), so it is not namespace-well-formed.
const guideLiteralRequest = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:dictionary:com.chargepoint.webservices">
  <soapenv:Header xmlns:wss="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">
    <wss:Security soapenv:mustUnderstand="1">
      <wsse:UsernameToken>
        <wsse:Username>0123456789abcdef0123456789abcdef0123456789abcdef0123456</wsse:Username>
        <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">0123456789abcdef0123456789abcdef</wsse:Password>
      </wsse:UsernameToken>
    </wss:Security>
  </soapenv:Header>
  <soapenv:Body>
    <urn:getPublicStations>
      <searchQuery>
        <Address>1692 Dell Avenue</Address>
        <City>Campbell</City>
        <State>CA</State>
        <postalCode>95008</postalCode>
        <Proximity>1</Proximity>
        <proximityUnit>M</proximityUnit>
      </searchQuery>
    </urn:getPublicStations>
  </soapenv:Body>
</soapenv:Envelope>`

// guideRequest is the guide's request with the UsernameToken written with the declared wss: prefix, as
// in the guide's "Example SOAP Header" section.
var guideRequest = strings.ReplaceAll(guideLiteralRequest, "wsse:", "wss:")

// securityHeader is a correct WS-Security header for the test credentials.
func securityHeader(key, password string) string {
	return `<soapenv:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" soapenv:mustUnderstand="1">` +
		`<wsse:UsernameToken><wsse:Username>` + key + `</wsse:Username>` +
		`<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">` + password + `</wsse:Password>` +
		`</wsse:UsernameToken></wsse:Security></soapenv:Header>`
}

// soapEnvelope wraps header and body markup (each may be "") in a SOAP 1.1 envelope that declares
// soapenv: and urn:.
func soapEnvelope(header, body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:dictionary:com.chargepoint.webservices">` +
		header + `<soapenv:Body>` + body + `</soapenv:Body></soapenv:Envelope>`
}

// publicStationsRequest is an authenticated getPublicStations envelope with the given searchQuery content.
func publicStationsRequest(searchQuery string) string {
	return soapEnvelope(securityHeader(testKey, testPassword),
		`<urn:getPublicStations><searchQuery>`+searchQuery+`</searchQuery></urn:getPublicStations>`)
}

var pinnedNow = time.Date(2025, time.March, 1, 10, 0, 0, 123e6, time.UTC)

// startServer runs New(opts) (with the test credentials unless opts sets others) behind httptest and
// returns it with the endpoint URL. The response Timestamp clock is pinned.
func startServer(t testing.TB, opts Options) (*Server, string) {
	t.Helper()
	if opts.LicenseKey == "" {
		opts.LicenseKey, opts.Password = testKey, testPassword
	}
	s := New(opts)
	s.now = func() time.Time { return pinnedNow }
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return s, ts.URL + Path
}

type httpResult struct {
	Status int
	Header http.Header
	Body   []byte
}

func post(t testing.TB, url, body string) httpResult {
	t.Helper()
	resp, err := http.Post(url, "text/xml; charset=utf-8", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return httpResult{Status: resp.StatusCode, Header: resp.Header, Body: data}
}

// Decoding types written for the tests from the XSD, independently of the simulator's own types.

type tEnvelope struct {
	XMLName xml.Name `xml:"http://schemas.xmlsoap.org/soap/envelope/ Envelope"`
	Header  *struct {
		Security *struct {
			MustUnderstand string `xml:"http://schemas.xmlsoap.org/soap/envelope/ mustUnderstand,attr"`
			Created        string `xml:"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd Timestamp>Created"`
			Expires        string `xml:"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd Timestamp>Expires"`
		} `xml:"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd Security"`
	} `xml:"http://schemas.xmlsoap.org/soap/envelope/ Header"`
	Body struct {
		Fault *struct {
			Code   string `xml:"faultcode"`
			String string `xml:"faultstring"`
		} `xml:"http://schemas.xmlsoap.org/soap/envelope/ Fault"`
		Public *tPublicStations `xml:"urn:dictionary:com.chargepoint.webservices getPublicStationsResponse"`
	} `xml:"http://schemas.xmlsoap.org/soap/envelope/ Body"`
}

type tPublicStations struct {
	ResponseCode string     `xml:"responseCode"`
	ResponseText string     `xml:"responseText"`
	Stations     []tStation `xml:"stationData"`
	MoreFlag     *string    `xml:"moreFlag"`
}

type tStation struct {
	StationID      string     `xml:"stationID"`
	Manufacturer   string     `xml:"stationManufacturer"`
	Model          string     `xml:"stationModel"`
	MacAddr        string     `xml:"stationMacAddr"`
	SerialNum      string     `xml:"stationSerialNum"`
	Name           string     `xml:"stationName"`
	Description    string     `xml:"Description"`
	Address        string     `xml:"Address"`
	City           string     `xml:"City"`
	State          string     `xml:"State"`
	Country        string     `xml:"Country"`
	PostalCode     string     `xml:"postalCode"`
	Ports          []tPort    `xml:"Port"`
	Pricing        []tPricing `xml:"Pricing"`
	NumPorts       string     `xml:"numPorts"`
	MainPhone      string     `xml:"mainPhone"`
	ModTimeStamp   string     `xml:"modTimeStamp"`
	TimezoneOffset string     `xml:"timezoneOffset"`
	CurrencyCode   string     `xml:"currencyCode"`
	RecordNumber   string     `xml:"recordNumber"`
}

type tPort struct {
	PortNumber string `xml:"portNumber"`
	Lat        string `xml:"Geo>Lat"`
	Long       string `xml:"Geo>Long"`
	Reservable string `xml:"Reservable"`
	Status     string `xml:"Status"`
	Level      string `xml:"Level"`
	TimeStamp  string `xml:"timeStamp"`
	Mode       string `xml:"Mode"`
	Connectors []struct {
		Label  string `xml:"connectorLabel"`
		Status string `xml:"connectorStatus"`
	} `xml:"Connectors>Connector"`
	Connector     string `xml:"Connector"`
	Voltage       string `xml:"Voltage"`
	Current       string `xml:"Current"`
	Power         string `xml:"Power"`
	EstimatedCost string `xml:"estimatedCost"`
}

type tPricing struct {
	Type                string `xml:"Type"`
	StartTime           string `xml:"startTime"`
	EndTime             string `xml:"endTime"`
	MinPrice            string `xml:"minPrice"`
	MaxPrice            string `xml:"maxPrice"`
	UnitPricePerHour    string `xml:"unitPricePerHour"`
	UnitPricePerSession string `xml:"unitPricePerSession"`
	UnitPricePerKWh     string `xml:"unitPricePerKWh"`
}

func decodeEnvelope(t testing.TB, body []byte) tEnvelope {
	t.Helper()
	var env tEnvelope
	if err := xml.Unmarshal(body, &env); err != nil {
		t.Fatalf("response is not a SOAP envelope: %v\n%s", err, body)
	}
	return env
}

// searchPublic posts a getPublicStations query and returns the decoded response, failing on anything
// but HTTP 200 with a getPublicStationsResponse.
func searchPublic(t testing.TB, url, searchQuery string) (*tPublicStations, []byte) {
	t.Helper()
	res := post(t, url, publicStationsRequest(searchQuery))
	if res.Status != http.StatusOK {
		t.Fatalf("HTTP %d for %s\n%s", res.Status, searchQuery, res.Body)
	}
	env := decodeEnvelope(t, res.Body)
	if env.Body.Public == nil {
		t.Fatalf("no getPublicStationsResponse in\n%s", res.Body)
	}
	return env.Body.Public, res.Body
}

// expectFault posts body and checks for an HTTP 500 SOAP fault with the given faultcode whose faultstring
// contains want.
func expectFault(t testing.TB, url, body, code, want string) {
	t.Helper()
	res := post(t, url, body)
	if res.Status != http.StatusInternalServerError {
		t.Fatalf("HTTP %d, want 500\n%s", res.Status, res.Body)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/xml; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	env := decodeEnvelope(t, res.Body)
	f := env.Body.Fault
	if f == nil {
		t.Fatalf("no Fault in\n%s", res.Body)
	}
	if f.Code != code || !strings.Contains(f.String, want) {
		t.Fatalf("fault %q / %q, want %q / containing %q", f.Code, f.String, code, want)
	}
}

// bodyChildrenUnqualified checks that everything below the response element is in no namespace.
func bodyChildrenUnqualified(t testing.TB, envelope []byte, response string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(envelope))
	depth, found := -1, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch {
			case depth >= 0:
				depth++
				if el.Name.Space != "" {
					t.Fatalf("element %s inside %s is qualified ({%s})", el.Name.Local, response, el.Name.Space)
				}
			case el.Name.Local == response:
				if el.Name.Space != nsCP {
					t.Fatalf("%s is in namespace %q", response, el.Name.Space)
				}
				depth, found = 0, true
			}
		case xml.EndElement:
			if depth >= 0 {
				depth--
			}
		}
	}
	if !found {
		t.Fatalf("no %s element", response)
	}
}

func ids(stations []tStation) []string {
	out := make([]string, len(stations))
	for i, s := range stations {
		out[i] = s.StationID
	}
	return out
}

func stationIDs(stations []Station) []string {
	out := make([]string, len(stations))
	for i, s := range stations {
		out[i] = s.ID
	}
	return out
}
