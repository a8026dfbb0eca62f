package soap

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// The tests call one operation of their own, shaped like ChargePoint's getPublicStations, with the
// namespace and SOAPAction cpapi gives.
const (
	testKey      = "0123456789abcdef0123456789abcdef0123456789abcdef0123456"
	testPassword = "p&ss<w0rd>" // needs XML escaping
	testNS       = "urn:dictionary:com.chargepoint.webservices"
	testAction   = "urn:provider/interface/chargepointservices/"
	testPath     = "/webservices/chargepoint/services/5.1"
)

// text is the tests' scalar: an element's text as sent.
type text string

func (t *text) UnmarshalText(b []byte) error {
	*t = text(b)
	return nil
}

// flag is a 0/1 flag; anything else is an error.
type flag bool

func (f *flag) UnmarshalText(b []byte) error {
	switch s := strings.TrimSpace(string(b)); s {
	case "", "0":
		*f = false
	case "1":
		*f = true
	default:
		return fmt.Errorf("%q is not a 0/1 flag", s)
	}
	return nil
}

type testPort struct {
	PortNumber text `xml:"portNumber"`
	Power      text `xml:"Power"`
}

type testStation struct {
	StationID   text       `xml:"stationID"`
	StationName text       `xml:"stationName"`
	Address     text       `xml:"Address"`
	Ports       []testPort `xml:"Port"`
}

// stationsResponse is the response of the tests' operation.
type stationsResponse struct {
	ResponseCode text          `xml:"responseCode"`
	ResponseText text          `xml:"responseText"`
	Stations     []testStation `xml:"stationData"`
	MoreFlag     flag          `xml:"moreFlag"`
}

// query is the request of the tests' operation.
type query struct {
	Address     string `xml:"Address,omitempty"`
	StationName string `xml:"stationName,omitempty"`
}

func guideQuery() query { return query{Address: "1692 Dell Avenue"} }

// errResponseCode is the tests' result error: a responseCode other than 100 (102: nothing matched).
var errResponseCode = errors.New("responseCode")

var getPublicStations = Operation{Name: "getPublicStations", Result: func(out any) (string, error) {
	r := out.(*stationsResponse) //nolint:forcetypeassert // the tests' operation decodes into stationsResponse
	switch r.ResponseCode {
	case "100", "102":
		return string(r.ResponseCode), nil
	}
	return string(r.ResponseCode), fmt.Errorf("getPublicStations: %w %s: %s", errResponseCode, r.ResponseCode, r.ResponseText)
}}

// readStations calls the tests' operation and returns the stations it answered.
func readStations(ctx context.Context, c *Client, q query) ([]testStation, error) {
	var resp stationsResponse
	err := c.Call(ctx, getPublicStations, q, &resp)
	return resp.Stations, err
}

// newTestClient is a Client for the server at url with cfg's settings, the tests' credentials and service.
func newTestClient(url string, cfg Config) *Client {
	cfg.Endpoint, cfg.Username, cfg.Password = url+testPath, testKey, testPassword
	cfg.Namespace, cfg.SOAPAction = testNS, testAction
	return New(cfg)
}

// recorded is one request the fake server saw.
type recorded struct {
	header http.Header
	body   string
}

// fakeServer answers every request with respond and records what it received.
type fakeServer struct {
	*httptest.Server
	mu       sync.Mutex
	requests []recorded
}

func newFakeServer(t *testing.T, respond func(w http.ResponseWriter, body string)) *fakeServer {
	t.Helper()
	fs := &fakeServer{}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		fs.mu.Lock()
		fs.requests = append(fs.requests, recorded{header: r.Header.Clone(), body: string(b)})
		fs.mu.Unlock()
		respond(w, string(b))
	}))
	t.Cleanup(fs.Close)
	return fs
}

// client is a Client for the fake server with one request in flight.
func (fs *fakeServer) client(*testing.T) *Client {
	return newTestClient(fs.URL, Config{MaxConcurrentRequests: 1})
}

func (fs *fakeServer) hits() int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return len(fs.requests)
}

// soapOK wraps the children of a getPublicStations response in the envelope shape ChargePoint's
// guide shows.
func soapOK(children string) string {
	return `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>` +
		`<ns1:getPublicStationsResponse xmlns:ns1="` + testNS + `">` + children +
		`</ns1:getPublicStationsResponse></soapenv:Body></soapenv:Envelope>`
}

func write(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

func station(id string) string {
	return `<stationData><stationID>` + id + `</stationID><stationName>S ` + id + `</stationName></stationData>`
}

func stations(ids ...string) string {
	var b strings.Builder
	for _, id := range ids {
		b.WriteString(station(id))
	}
	return b.String()
}

const ok100 = `<responseCode>100</responseCode><responseText>API input request executed successfully.</responseText>`
