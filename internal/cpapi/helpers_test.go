package cpapi

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
)

const (
	testKey      = "0123456789abcdef0123456789abcdef0123456789abcdef0123456"
	testPassword = "p&ss<w0rd>" // needs XML escaping
)

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

// client is a Client for the fake server with one request in flight, so tests can count and order its
// calls exactly; paging_ahead_test.go covers paging with several in flight.
func (fs *fakeServer) client(t *testing.T) *Client { return fs.clientInFlight(t, 1) }

// clientInFlight is a Client for the fake server with up to n requests in flight, so that paged
// reads request pages ahead.
func (fs *fakeServer) clientInFlight(t *testing.T, n int) *Client {
	t.Helper()
	c, err := New(Config{Endpoint: fs.URL + ServicePath, LicenseKey: testKey, Password: testPassword, UserAgent: "test-agent/1", MaxConcurrentRequests: n})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (fs *fakeServer) hits() int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return len(fs.requests)
}

// snapshot returns the requests received so far.
func (fs *fakeServer) snapshot() []recorded {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return slices.Clone(fs.requests)
}

func (fs *fakeServer) last() recorded {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.requests[len(fs.requests)-1]
}

// soapOK wraps response children in the envelope shape ChargePoint's guide shows.
func soapOK(op, children string) string {
	return `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>` +
		`<ns1:` + op + `Response xmlns:ns1="urn:dictionary:com.chargepoint.webservices">` + children +
		`</ns1:` + op + `Response></soapenv:Body></soapenv:Envelope>`
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

// sent is the Float that decoding the text s gives: its float64 and the decimal as sent.
func sent(s string) Float {
	f, err := ParseFloat(s)
	if err != nil {
		panic(err)
	}
	return f
}

// answering is a Client whose every request is answered, without a network, with the document *doc
// (HTTP 200): the decoding tests and benchmarks read documents as a call does.
func answering(tb testing.TB, doc *[]byte) *Client {
	tb.Helper()
	c, err := New(Config{Endpoint: "http://127.0.0.1:1" + ServicePath, LicenseKey: testKey, Password: testPassword,
		Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
			return &http.Response{StatusCode: 200, Status: "200 OK", Header: http.Header{}, Request: r,
				ContentLength: int64(len(*doc)), Body: io.NopCloser(bytes.NewReader(*doc))}, nil
		})})
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// decodeAnswer calls op and decodes the answer into out, without reading its responseCode. Calls with
// another n are other requests: they are not answered from what an earlier call kept.
func (c *Client) decodeAnswer(op string, n int, out any) error {
	request := struct {
		N int `xml:"n"`
	}{n}
	return c.soap.Call(context.Background(), soap.Operation{Name: op}, request, out)
}
