package soap

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The tests' writes are the tests' operation marked as a write: what is sent does not matter here,
// only how failures are retried and reported.
var (
	testWrite           = Operation{Name: getPublicStations.Name, Result: getPublicStations.Result, Write: true}
	testIdempotentWrite = Operation{Name: getPublicStations.Name, Result: getPublicStations.Result, Write: true, Idempotent: true}
)

func write1(ctx context.Context, c *Client, op Operation) error {
	var resp stationsResponse
	return c.Call(ctx, op, guideQuery(), &resp)
}

func TestWriteRetries(t *testing.T) {
	ok := status(200, "", okStations)
	cases := []struct {
		name      string
		op        Operation
		script    []answerFunc
		attempts  int
		ambiguous bool
		wantErr   string // "" means success
	}{
		{name: "503 then success", op: testWrite, script: []answerFunc{status(503, "1", "busy"), ok}, attempts: 2},
		{name: "429 then success", op: testWrite, script: []answerFunc{status(429, "", ""), ok}, attempts: 2},
		{name: "503 HTML page then success", op: testWrite, script: []answerFunc{status(503, "", `<html><head><title>503</title></head></html>`), ok}, attempts: 2},
		{name: "connection closed after the request was read", op: testWrite, script: []answerFunc{closeBeforeAnswer, ok}, attempts: 1, ambiguous: true, wantErr: "EOF"},
		{name: "reset in the middle of the answer", op: testWrite, script: []answerFunc{resetMidBody, ok}, attempts: 1, ambiguous: true},
		{name: "truncated XML", op: testWrite, script: []answerFunc{truncatedXML, ok}, attempts: 1, ambiguous: true},
		{name: "HTTP 500 without a fault", op: testWrite, script: []answerFunc{status(500, "", "Internal Server Error"), ok}, attempts: 1, ambiguous: true, wantErr: "HTTP 500"},
		{name: "SOAP Server fault", op: testWrite, script: []answerFunc{status(500, "", serverFault), ok}, attempts: 1, ambiguous: true, wantErr: "soapenv:Server"},
		{name: "HTTP 502 gateway page", op: testWrite, script: []answerFunc{status(502, "", gatewayPage), ok}, attempts: 1, ambiguous: true, wantErr: "HTTP 502"},
		{name: "HTTP 504", op: testWrite, script: []answerFunc{status(504, "", ""), ok}, attempts: 1, ambiguous: true, wantErr: "HTTP 504"},
		{name: "503 then 500: the ambiguous attempt ends it", op: testWrite, script: []answerFunc{status(503, "", ""), status(500, "", ""), ok}, attempts: 2, ambiguous: true},
		{name: "SOAP Client fault is an answer", op: testWrite, script: []answerFunc{status(500, "", clientFault), ok}, attempts: 1, wantErr: "soapenv:Client"},
		{name: "authentication fault is an answer", op: testWrite, script: []answerFunc{status(500, "", invalidSecurityFault), ok}, attempts: 1, wantErr: "rejected the API credentials"},
		{name: "responseCode is an answer", op: testWrite, script: []answerFunc{status(200, "", soapOK(`<responseCode>187</responseCode><responseText>Shed at either the group level or the station level, but not both</responseText>`)), ok},
			attempts: 1, wantErr: "responseCode 187"},
		{name: "HTTP 404 is an answer", op: testWrite, script: []answerFunc{status(404, "", "not found"), ok}, attempts: 1, wantErr: "HTTP 404"},
		{name: "503 forever ends after max_retries", op: testWrite, script: []answerFunc{status(503, "", "busy")}, attempts: 4, wantErr: `max_retries \(3\) reached`},
		// An idempotent write is retried like a read.
		{name: "idempotent: HTTP 500 then success", op: testIdempotentWrite, script: []answerFunc{status(500, "", ""), ok}, attempts: 2},
		{name: "idempotent: reset then success", op: testIdempotentWrite, script: []answerFunc{resetMidBody, ok}, attempts: 2},
		{name: "idempotent: Server fault then success", op: testIdempotentWrite, script: []answerFunc{status(500, "", serverFault), ok}, attempts: 2},
		{name: "idempotent: Client fault is final", op: testIdempotentWrite, script: []answerFunc{status(500, "", clientFault), ok}, attempts: 1, wantErr: "soapenv:Client"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := newScripted(t, tc.script...)
			c, sleeps := newRetryClient(t, srv.URL, Config{MaxRetries: DefaultMaxRetries})
			err := write1(context.Background(), c, tc.op)
			if n := int(srv.attempts.Load()); n != tc.attempts {
				t.Errorf("%d requests reached the server, want %d", n, tc.attempts)
			}
			if len(sleeps.waits) != tc.attempts-1 {
				t.Errorf("%d waits for %d attempts", len(sleeps.waits), tc.attempts)
			}
			var amb *AmbiguousWriteError
			if got := errors.As(err, &amb); got != tc.ambiguous {
				t.Fatalf("AmbiguousWriteError: %v, want %v (err = %v)", got, tc.ambiguous, err)
			}
			if tc.ambiguous {
				if amb.Operation != tc.op.Name || amb.Attempts != tc.attempts || amb.Err == nil {
					t.Errorf("ambiguous error %+v", amb)
				}
				if !strings.Contains(err.Error(), "may have reached ChargePoint") {
					t.Errorf("message: %v", err)
				}
			}
			if tc.wantErr == "" && !tc.ambiguous {
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if err == nil || (tc.wantErr != "" && !matches(tc.wantErr, err.Error())) {
				t.Fatalf("err = %v, want it to match %s", err, tc.wantErr)
			}
		})
	}
}

func matches(pattern, s string) bool {
	return regexp.MustCompile(`(?s)` + pattern).MatchString(s)
}

// A refused connection sent nothing: a write is retried, and the error is not ambiguous.
func TestWriteConnectionRefusedIsRetried(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String()
	_ = ln.Close()
	c, sleeps := newRetryClient(t, url, Config{MaxRetries: 2})
	err = write1(context.Background(), c, testWrite)
	if err == nil || !strings.Contains(err.Error(), "connection refused") || !strings.Contains(err.Error(), "gave up after 3 attempts") {
		t.Fatalf("err = %v", err)
	}
	if errors.As(err, new(*AmbiguousWriteError)) {
		t.Errorf("a refused connection is not ambiguous: %v", err)
	}
	if len(sleeps.waits) != 2 {
		t.Errorf("waits %v, want 2", sleeps.waits)
	}
}

// A failed TLS handshake sent nothing: not ambiguous, and (a certificate error) final as for reads.
func TestWriteTLSFailureIsNotAmbiguous(t *testing.T) {
	var conns, requests atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { requests.Add(1) }))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	c, sleeps := newRetryClient(t, srv.URL, Config{}) // the test server's certificate is not trusted
	err := write1(context.Background(), c, testWrite)
	if err == nil || !strings.Contains(err.Error(), "certificate") || errors.As(err, new(*AmbiguousWriteError)) {
		t.Fatalf("err = %v", err)
	}
	if requests.Load() != 0 || conns.Load() != 1 || len(sleeps.waits) != 0 {
		t.Errorf("%d requests, %d connections, waits %v; want 0, 1, none", requests.Load(), conns.Load(), sleeps.waits)
	}
}

// A write that times out after the request was sent is ambiguous, and not repeated.
func TestWriteTimeoutIsAmbiguous(t *testing.T) {
	for name, headersFirst := range map[string]bool{"no answer": false, "a stalled body": true} {
		t.Run(name, func(t *testing.T) {
			srv, _ := stallServer(t, headersFirst)
			c, sleeps := newRetryClient(t, srv.URL, Config{RequestTimeout: 150 * time.Millisecond})
			err := write1(context.Background(), c, testWrite)
			var amb *AmbiguousWriteError
			if !errors.As(err, &amb) || !errors.As(err, new(*TimeoutError)) {
				t.Fatalf("err = %v", err)
			}
			if srv.attempts.Load() != 1 || len(sleeps.waits) != 0 {
				t.Errorf("%d attempts", srv.attempts.Load())
			}
		})
	}
}

// Writes are never coalesced: identical writes, together or one after the other, are each a
// request, and a read's kept answer never answers a write.
func TestWritesAreNotCoalesced(t *testing.T) {
	srv := newScripted(t, func(w http.ResponseWriter, _ *http.Request) {
		time.Sleep(20 * time.Millisecond) // let concurrent calls overlap
		write(w, 200, okStations)
	})
	c := newTestClient(srv.URL, Config{MaxConcurrentRequests: 4})
	if _, err := readStations(context.Background(), c, guideQuery()); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := write1(context.Background(), c, testWrite); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if err := write1(context.Background(), c, testWrite); err != nil {
		t.Fatal(err)
	}
	if n := srv.attempts.Load(); n != 5 {
		t.Errorf("%d requests, want 5 (one read, four writes)", n)
	}
	// The read's answer is still kept for reads.
	if _, err := readStations(context.Background(), c, guideQuery()); err != nil {
		t.Fatal(err)
	}
	if n := srv.attempts.Load(); n != 5 {
		t.Errorf("%d requests after a repeated read, want 5", n)
	}
}

func TestWriteFate(t *testing.T) {
	dns := &net.DNSError{Err: "no such host", Name: "webservices.example", IsNotFound: true}
	if got := writeFate(dns, true, nil); got != writeNotSent {
		t.Errorf("DNS failure: %v", got)
	}
	if got := writeFate(&net.OpError{Op: "dial", Err: errors.New("network is unreachable")}, true, nil); got != writeNotSent {
		t.Errorf("dial error: %v", got)
	}
	if got := writeFate(context.Canceled, false, nil); got != writeNotSent {
		t.Errorf("cancelled before a connection: %v", got)
	}
	if got := writeFate(context.Canceled, true, nil); got != writeAmbiguous {
		t.Errorf("cancelled after connecting: %v", got)
	}
	if got := writeFate(&BodyTooLargeError{Operation: "x"}, true, nil); got != writeAmbiguous {
		t.Errorf("answer too large: %v", got)
	}
}
