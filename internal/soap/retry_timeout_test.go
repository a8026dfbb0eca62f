package soap

import (
	"context"
	"encoding/pem"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// stallServer answers with headers and part of the body (or nothing, if headersFirst is false), then
// stalls until the client goes away. started is closed when the first request has stalled.
func stallServer(t *testing.T, headersFirst bool) (*scripted, chan struct{}) {
	started, done := make(chan struct{}), make(chan struct{})
	var once sync.Once
	srv := newScripted(t, func(w http.ResponseWriter, r *http.Request) {
		if headersFirst {
			w.Header().Set("Content-Type", "text/xml")
			w.WriteHeader(200)
			_, _ = w.Write([]byte(okStations[:40]))
			_ = http.NewResponseController(w).Flush()
		}
		once.Do(func() { close(started) })
		select {
		case <-r.Context().Done():
		case <-done:
		}
	})
	t.Cleanup(func() { close(done) }) // runs before srv.Close, which waits for this handler
	return srv, started
}

func TestRequestTimeout(t *testing.T) {
	for name, tc := range map[string]struct {
		headersFirst bool
		phase        string
	}{
		"a stalled body":              {true, "the response body stalled after the headers"},
		"no answer after the request": {false, "the server sent no response"},
	} {
		t.Run(name, func(t *testing.T) {
			srv, _ := stallServer(t, tc.headersFirst)
			c, sleeps := newRetryClient(t, srv.URL, Config{RequestTimeout: 150 * time.Millisecond})
			_, err := readStations(context.Background(), c, query{})
			var te *TimeoutError
			if !errors.As(err, &te) || te.Limit != 150*time.Millisecond || te.Phase != tc.phase {
				t.Fatalf("err = %v", err)
			}
			for _, want := range []string{"getPublicStations", "request_timeout (150ms)", tc.phase} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("message lacks %q: %v", want, err)
				}
			}
			if srv.attempts.Load() != 1 || len(sleeps.waits) != 0 {
				t.Errorf("a timeout was retried: %d attempts", srv.attempts.Load())
			}
		})
	}
}

// Cancelling the context (Ctrl-C) ends a stalled exchange at once, as a cancellation, not a timeout.
func TestCancelDuringStall(t *testing.T) {
	srv, started := stallServer(t, true)
	c, sleeps := newRetryClient(t, srv.URL, Config{}) // default 30 s request_timeout: the test must not wait for it
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-started
		cancel()
	}()
	_, err := readStations(ctx, c, query{})
	if !errors.Is(err, context.Canceled) || errors.As(err, new(*TimeoutError)) {
		t.Fatalf("err = %v", err)
	}
	if srv.attempts.Load() != 1 || len(sleeps.waits) != 0 {
		t.Errorf("%d attempts after cancellation", srv.attempts.Load())
	}
}

func TestCertPoolWithPEM(t *testing.T) {
	srv := tlsServer(t, 0)
	caPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})
	pool, err := CertPoolWithPEM(map[string][]byte{"ca_cert_pem": caPEM})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := readStations(context.Background(), tlsClient(t, srv, pool), query{}); err != nil {
		t.Fatalf("a server signed by the added CA: %v", err)
	}
	_, err = CertPoolWithPEM(map[string][]byte{"ca_cert_file /tmp/x.pem": []byte("not a certificate")})
	if err == nil || !strings.Contains(err.Error(), "ca_cert_file /tmp/x.pem holds no PEM certificate") {
		t.Fatalf("err = %v", err)
	}
}
