package soap

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

const serverFault = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault>` +
	`<faultcode>soapenv:Server</faultcode><faultstring>Internal error, try again</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>`

const clientFault = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault>` +
	`<faultcode>soapenv:Client</faultcode><faultstring>Array list index out of bounds</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>`

const gatewayPage = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>`

var okStations = soapOK(ok100 + station("1:1"))

// answerFunc writes one scripted answer.
type answerFunc func(w http.ResponseWriter, r *http.Request)

func status(code int, retryAfter, body string) answerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		write(w, code, body)
	}
}

// resetMidBody announces the whole body, sends half of it and drops the connection.
func resetMidBody(w http.ResponseWriter, _ *http.Request) {
	conn, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(err)
	}
	defer func() { _ = conn.Close() }()
	_, _ = buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: " +
		strconv.Itoa(len(okStations)) + "\r\n\r\n" + okStations[:len(okStations)/2])
	_ = buf.Flush()
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0) // RST rather than FIN
	}
}

// closeBeforeAnswer drops the connection without answering.
func closeBeforeAnswer(w http.ResponseWriter, _ *http.Request) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(err)
	}
	_ = conn.Close()
}

// truncatedXML sends half a document with a clean end of body (no Content-Length, connection close).
func truncatedXML(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Connection", "close")
	write(w, 200, okStations[:len(okStations)/2])
}

// scripted serves script[i] to the i-th request and the last entry to any later one.
type scripted struct {
	*httptest.Server
	attempts atomic.Int64
}

func newScripted(t *testing.T, script ...answerFunc) *scripted {
	t.Helper()
	s := &scripted{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body) // lets the server notice a client that goes away
		n := int(s.attempts.Add(1))
		script[min(n, len(script))-1](w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// fakeSleeps replaces the client's sleeping: it records each wait and advances a fake clock instead.
type fakeSleeps struct {
	mu    sync.Mutex
	waits []time.Duration
	now   time.Time
}

func withFakeSleep(c *Client) *fakeSleeps {
	f := &fakeSleeps{now: time.Now()}
	c.retry.sleep = func(ctx context.Context, d time.Duration) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.waits = append(f.waits, d)
		f.now = f.now.Add(d)
		return ctx.Err()
	}
	c.retry.now = func() time.Time {
		f.mu.Lock()
		defer f.mu.Unlock()
		return f.now
	}
	return f
}

func newRetryClient(t *testing.T, url string, cfg Config) (*Client, *fakeSleeps) {
	t.Helper()
	c := newTestClient(url, cfg)
	return c, withFakeSleep(c)
}

func TestRetries(t *testing.T) {
	ok := status(200, "", okStations)
	cases := []struct {
		name       string
		script     []answerFunc
		maxRetries int
		attempts   int
		waits      func(t *testing.T, waits []time.Duration)
		wantErr    string // "" means success with station 1:1
	}{
		{name: "HTTP 500 without a fault", maxRetries: DefaultMaxRetries, script: []answerFunc{status(500, "", "Internal Server Error"), ok}, attempts: 2},
		{name: "HTTP 502 gateway page", maxRetries: DefaultMaxRetries, script: []answerFunc{status(502, "", gatewayPage), ok}, attempts: 2},
		{name: "HTTP 503 with Retry-After seconds", maxRetries: DefaultMaxRetries, script: []answerFunc{status(503, "2", ""), ok}, attempts: 2,
			waits: exactWaits(2 * time.Second)},
		{name: "HTTP 429 with Retry-After seconds", maxRetries: DefaultMaxRetries, script: []answerFunc{status(429, "1", ""), ok}, attempts: 2,
			waits: exactWaits(time.Second)},
		{name: "Retry-After is capped", maxRetries: DefaultMaxRetries, script: []answerFunc{status(503, "3600", ""), ok}, attempts: 2,
			waits: exactWaits(maxRetryAfter)},
		{name: "HTTP 504", maxRetries: DefaultMaxRetries, script: []answerFunc{status(504, "", ""), ok}, attempts: 2},
		{name: "SOAP Server fault twice", maxRetries: DefaultMaxRetries, script: []answerFunc{status(500, "", serverFault), status(500, "", serverFault), ok}, attempts: 3,
			waits: func(t *testing.T, w []time.Duration) {
				if len(w) != 2 || w[0] < 500*time.Millisecond || w[0] >= time.Second || w[1] < time.Second || w[1] >= 2*time.Second {
					t.Errorf("backoff waits %v, want one in [0.5s,1s) then one in [1s,2s)", w)
				}
			}},
		{name: "connection reset mid-body", maxRetries: DefaultMaxRetries, script: []answerFunc{resetMidBody, ok}, attempts: 2},
		{name: "connection closed before the answer", maxRetries: DefaultMaxRetries, script: []answerFunc{closeBeforeAnswer, ok}, attempts: 2},
		{name: "truncated XML", maxRetries: DefaultMaxRetries, script: []answerFunc{truncatedXML, ok}, attempts: 2},
		{name: "503 forever ends after max_retries", maxRetries: DefaultMaxRetries, script: []answerFunc{status(503, "", "busy")}, attempts: 4,
			wantErr: `HTTP 503.*gave up after 4 attempts: max_retries \(3\) reached`},
		{name: "max_retries 1", maxRetries: 1, script: []answerFunc{status(503, "", "busy")}, attempts: 2,
			wantErr: `gave up after 2 attempts`},
		{name: "no retries", maxRetries: 0, script: []answerFunc{status(503, "", "busy"), ok}, attempts: 1,
			wantErr: `gave up after 1 attempt: max_retries \(0\) reached`},
		{name: "authentication fault is never retried", maxRetries: DefaultMaxRetries, script: []answerFunc{status(500, "", invalidSecurityFault), ok}, attempts: 1,
			wantErr: `ChargePoint rejected the API credentials`},
		{name: "Client fault is never retried", maxRetries: DefaultMaxRetries, script: []answerFunc{status(500, "", clientFault), ok}, attempts: 1,
			wantErr: `SOAP fault soapenv:Client`},
		{name: "responseCode is never retried", maxRetries: DefaultMaxRetries, script: []answerFunc{status(200, "", soapOK(`<responseCode>145</responseCode><responseText>Invalid proximity unit.</responseText>`)), ok},
			attempts: 1, wantErr: `responseCode 145`},
		{name: "HTTP 404 is not transient", maxRetries: DefaultMaxRetries, script: []answerFunc{status(404, "", "not found"), ok}, attempts: 1, wantErr: `HTTP 404`},
		{name: "a non-transient error after a retry says so", maxRetries: DefaultMaxRetries, script: []answerFunc{status(503, "", ""), status(500, "", clientFault)}, attempts: 2,
			wantErr: `Client.*gave up after 2 attempts: this error is not transient`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := newScripted(t, tc.script...)
			c, sleeps := newRetryClient(t, srv.URL, Config{MaxRetries: tc.maxRetries})
			got, err := readStations(context.Background(), c, query{})
			if n := int(srv.attempts.Load()); n != tc.attempts {
				t.Errorf("%d attempts, want %d", n, tc.attempts)
			}
			if len(sleeps.waits) != tc.attempts-1 {
				t.Errorf("%d waits %v for %d attempts", len(sleeps.waits), sleeps.waits, tc.attempts)
			}
			if tc.waits != nil {
				tc.waits(t, sleeps.waits)
			}
			if tc.wantErr == "" {
				if err != nil || len(got) != 1 || got[0].StationID != "1:1" {
					t.Fatalf("got %v, %v; want station 1:1", got, err)
				}
				return
			}
			if err == nil || !regexp.MustCompile(`(?s)`+tc.wantErr).MatchString(err.Error()) {
				t.Fatalf("err = %v, want it to match %s", err, tc.wantErr)
			}
		})
	}
}

func exactWaits(d time.Duration) func(*testing.T, []time.Duration) {
	return func(t *testing.T, w []time.Duration) {
		if len(w) != 1 || w[0] != d {
			t.Errorf("waits %v, want [%s]", w, d)
		}
	}
}

func TestRetryAfterHTTPDate(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	for header, want := range map[string]time.Duration{
		"Sat, 01 Mar 2025 12:00:07 GMT": 7 * time.Second,
		"Sat, 01 Mar 2025 11:59:00 GMT": 0, // in the past: use the backoff
		"5":                             5 * time.Second,
		"-1":                            0,
		"soon":                          0,
		"":                              0,
	} {
		if got := parseRetryAfter(header, now); got != want {
			t.Errorf("Retry-After %q: %s, want %s", header, got, want)
		}
	}
}

func TestRetryConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String()
	_ = ln.Close()
	c, sleeps := newRetryClient(t, url, Config{MaxRetries: 2})
	_, err = readStations(context.Background(), c, query{})
	if err == nil || !strings.Contains(err.Error(), "connection refused") || !strings.Contains(err.Error(), "gave up after 3 attempts") {
		t.Fatalf("err = %v", err)
	}
	if len(sleeps.waits) != 2 {
		t.Errorf("waits %v, want 2", sleeps.waits)
	}
}

func TestRetryTLSErrorIsFinal(t *testing.T) {
	srv := tlsServer(t, 0)
	c, sleeps := newRetryClient(t, strings.TrimSuffix(srv.URL, "/"), Config{})
	_, err := readStations(context.Background(), c, query{})
	if err == nil || !strings.Contains(err.Error(), "certificate") || strings.Contains(err.Error(), "gave up") {
		t.Fatalf("err = %v", err)
	}
	if len(sleeps.waits) != 0 {
		t.Errorf("a certificate error was retried: waits %v", sleeps.waits)
	}
}

// A call whose waits would pass the call budget stops before sleeping past it.
func TestRetryCallBudget(t *testing.T) {
	srv := newScripted(t, status(503, "20", ""))
	c, sleeps := newRetryClient(t, srv.URL, Config{MaxRetries: 100})
	_, err := readStations(context.Background(), c, query{})
	// 20 s waits: five fit in 110 s, the sixth would not.
	if n := srv.attempts.Load(); n != 6 || len(sleeps.waits) != 5 {
		t.Errorf("%d attempts, %d waits; want 6 and 5", n, len(sleeps.waits))
	}
	if err == nil || !strings.Contains(err.Error(), "would exceed the call budget of 1m50s") {
		t.Fatalf("err = %v", err)
	}
}

// The default worst case for a dead endpoint (every attempt timing out, every wait at its ceiling)
// stays under two minutes, and a call's deadline is never later than its budget.
func TestRetryWorstCaseArithmetic(t *testing.T) {
	p := newRetryPolicy(DefaultMaxRetries, 0)
	if p.maxRetries != 3 || p.timeout != 30*time.Second {
		t.Fatalf("defaults: %d retries, timeout %s", p.maxRetries, p.timeout)
	}
	if wc := p.worstCase(); wc >= 2*time.Minute {
		t.Errorf("default worst case %s, want < 2m", wc)
	}
	if wc := newRetryPolicy(50, 30*time.Second).worstCase(); wc != CallBudget {
		t.Errorf("many retries: worst case %s, want the budget %s", wc, CallBudget)
	}
	if b := newRetryPolicy(DefaultMaxRetries, 5*time.Minute).budget; b != 5*time.Minute {
		t.Errorf("a request_timeout above the budget raises it: %s", b)
	}
	for n := 1; n < 70; n++ {
		if d := p.backoff(n); d < retryBaseDelay/2 || d >= retryMaxDelay {
			t.Errorf("backoff(%d) = %s", n, d)
		}
	}
}

// Every attempt runs under a deadline no later than the call budget and the attempt's request_timeout.
func TestRetryAttemptDeadlines(t *testing.T) {
	var mu sync.Mutex
	var deadlines []time.Time
	rt := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		d, ok := r.Context().Deadline()
		if !ok {
			t.Error("attempt without a deadline")
		}
		mu.Lock()
		deadlines = append(deadlines, d)
		mu.Unlock()
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	})
	start := time.Now()
	c, _ := newRetryClient(t, "http://127.0.0.1:1", Config{Transport: rt, RequestTimeout: 7 * time.Second, MaxRetries: DefaultMaxRetries})
	c.retry.now = time.Now // real clock: the deadlines are real contexts
	_, _ = readStations(context.Background(), c, query{})
	end := time.Now()
	if len(deadlines) != 4 {
		t.Fatalf("%d attempts, want 4", len(deadlines))
	}
	for _, d := range deadlines {
		if d.After(end.Add(7*time.Second)) || d.After(start.Add(CallBudget)) {
			t.Errorf("deadline %s is later than request_timeout or the budget allow", d.Sub(start))
		}
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestRetryResetsPartialOutput(t *testing.T) {
	two := soapOK(ok100 + station("1:1") + station("1:2"))
	partial := func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Connection", "close")
		write(w, 200, two[:strings.Index(two, "</stationData>")+len("</stationData>")+20])
	}
	srv := newScripted(t, partial, status(200, "", two))
	c, _ := newRetryClient(t, srv.URL, Config{MaxRetries: DefaultMaxRetries})
	got, err := readStations(context.Background(), c, query{})
	if err != nil || len(got) != 2 {
		t.Fatalf("got %d stations (%v), want 2: a retry must not append to a partial decode", len(got), err)
	}
}

func TestRetryCancelledDuringWait(t *testing.T) {
	srv := newScripted(t, status(503, "20", ""))
	c, _ := newRetryClient(t, srv.URL, Config{MaxRetries: DefaultMaxRetries})
	ctx, cancel := context.WithCancel(context.Background())
	c.retry.sleep = func(ctx context.Context, d time.Duration) error {
		cancel() // Ctrl-C while waiting
		return sleepContext(ctx, d)
	}
	_, err := readStations(ctx, c, query{})
	if !errors.Is(err, context.Canceled) || srv.attempts.Load() != 1 {
		t.Fatalf("err = %v after %d attempts; want context.Canceled after 1", err, srv.attempts.Load())
	}
}

// Each retry is logged at WARN with its reason and the wait.
func TestRetryIsLogged(t *testing.T) {
	srv := newScripted(t, status(503, "2", ""), status(200, "", okStations))
	c, _ := newRetryClient(t, srv.URL, Config{MaxRetries: DefaultMaxRetries})
	var buf bytes.Buffer
	if _, err := readStations(tflogtest.RootLogger(context.Background(), &buf), c, query{}); err != nil {
		t.Fatal(err)
	}
	var retries []map[string]any
	for _, e := range logLines(t, &buf) {
		if e["@message"] == "retrying ChargePoint API call" {
			retries = append(retries, e)
		}
	}
	if len(retries) != 1 || retries[0]["@level"] != "warn" || retries[0]["reason"] != "HTTP 503 Service Unavailable" ||
		retries[0]["operation"] != "getPublicStations" || retries[0]["wait_ms"] != float64(2000) || retries[0]["attempt"] != float64(1) {
		t.Fatalf("retry log lines: %v", retries)
	}
}

// worstCase is the longest a call can take under p: every attempt timing out and every wait at its
// ceiling, clipped by the per-call budget.
func (p retryPolicy) worstCase() time.Duration {
	total := time.Duration(p.maxRetries+1) * p.timeout
	total += time.Duration(p.maxRetries) * maxRetryAfter
	return min(total, p.budget)
}
