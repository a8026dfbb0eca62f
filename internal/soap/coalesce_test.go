package soap

import (
	"context"
	"errors"
	"net/http"
	"runtime"
	"sync"
	"testing"
)

// TestCoalescingJoinsAFlight holds the server's answer until ten identical calls wait for it.
func TestCoalescingJoinsAFlight(t *testing.T) {
	release := make(chan struct{})
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		<-release
		write(w, 200, soapOK(ok100+stations("1:1")+"<moreFlag>0</moreFlag>"))
	})
	c := fs.client(t)
	var wg sync.WaitGroup
	errs := make([]error, 10)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = readStations(context.Background(), c, query{})
		}()
	}
	for waiters(c) < 10 && fs.hits() < 2 { // a second request would mean no coalescing
		runtime.Gosched()
	}
	close(release)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := fs.hits(); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

func waiters(c *Client) int {
	c.coalesce.mu.Lock()
	defer c.coalesce.mu.Unlock()
	n := 0
	for _, f := range c.coalesce.flights {
		n += f.waiters
	}
	return n
}

// TestCoalescingKeepsNoErrors: after a fault (HTTP 500 or 200), an HTTP error or an error
// responseCode, the same request goes to the server again.
func TestCoalescingKeepsNoErrors(t *testing.T) {
	fault := `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault>` +
		`<faultcode>soapenv:Server</faultcode><faultstring>busy</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>`
	for _, tc := range []struct {
		name   string
		status int
		body   string
	}{
		{"fault with HTTP 500", 500, fault},
		{"fault with HTTP 200", 200, fault},
		{"HTTP 503", 503, "<html>busy</html>"},
		{"error responseCode", 200, soapOK(`<responseCode>187</responseCode><responseText>Too many requests</responseText>`)},
		{"undecodable 200", 200, soapOK(`<responseCode>100</responseCode><moreFlag>x</moreFlag>`)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			calls := 0
			fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
				if calls++; calls == 1 {
					write(w, tc.status, tc.body)
					return
				}
				write(w, 200, soapOK(ok100+stations("1:1")+"<moreFlag>0</moreFlag>"))
			})
			c := fs.client(t)
			// Whether the client retries by itself or the caller calls again, the success must come
			// from a second request, and it must then be kept.
			got, err := readStations(context.Background(), c, query{})
			if err != nil {
				got, err = readStations(context.Background(), c, query{})
			}
			if err != nil || len(got) != 1 {
				t.Fatalf("after the error: %d stations, %v", len(got), err)
			}
			if _, err := readStations(context.Background(), c, query{}); err != nil {
				t.Fatal(err)
			}
			if n := fs.hits(); n != 2 {
				t.Errorf("%d requests, want 2 (the error, then the success, kept)", n)
			}
		})
	}
}

// TestCoalescingCancellation: a caller that gives up does not cancel the exchange others wait for;
// when the last one gives up, the exchange is cancelled and not kept.
func TestCoalescingCancellation(t *testing.T) {
	arrived, release := make(chan struct{}, 10), make(chan struct{})
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		arrived <- struct{}{}
		<-release
		write(w, 200, soapOK(ok100+stations("1:1")+"<moreFlag>0</moreFlag>"))
	})
	c := fs.client(t)
	quitter, quit := context.WithCancel(context.Background())
	quitErr := make(chan error, 1)
	go func() {
		_, err := readStations(quitter, c, query{})
		quitErr <- err
	}()
	<-arrived
	stayed := make(chan error, 1)
	go func() {
		_, err := readStations(context.Background(), c, query{})
		stayed <- err
	}()
	for waiters(c) < 2 {
		runtime.Gosched()
	}
	quit()
	if err := <-quitErr; !errors.Is(err, context.Canceled) {
		t.Fatalf("the caller that gave up: %v", err)
	}
	close(release)
	if err := <-stayed; err != nil {
		t.Fatalf("the caller that stayed: %v", err)
	}
	if n := fs.hits(); n != 1 {
		t.Fatalf("%d requests, want 1", n)
	}

	// Alone, a caller that gives up cancels the exchange; the next caller asks again.
	body := `<other/>`
	alone, cancel := context.WithCancel(context.Background())
	started := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		_, err := c.coalesce.do(alone, "op", []byte(body), func(ctx context.Context) (*answer, error) {
			close(started)
			<-ctx.Done()
			return nil, ctx.Err()
		})
		done <- err
	}()
	<-started
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	fetched := false
	if _, err := c.coalesce.do(context.Background(), "op", []byte(body), func(context.Context) (*answer, error) {
		fetched = true
		return &answer{callRecord: callRecord{status: 200}, data: []byte("x")}, nil
	}); err != nil || !fetched {
		t.Fatalf("after the cancelled exchange: fetched %v, %v", fetched, err)
	}
}

// TestCoalescingKeepsAnAnswerNotNeeded: a request whose caller gave up with ErrNotNeeded (a page
// requested ahead, then not needed) is not cancelled (it is most likely on the wire already); its answer
// is kept for the next identical request.
func TestCoalescingKeepsAnAnswerNotNeeded(t *testing.T) {
	var co coalescer
	ctx, drop := context.WithCancelCause(context.Background())
	started, finish, fetched := make(chan struct{}), make(chan struct{}), make(chan error, 1)
	done := make(chan error, 1)
	go func() {
		_, err := co.do(ctx, "op", []byte("page 5"), func(ctx context.Context) (*answer, error) {
			close(started)
			<-finish
			fetched <- ctx.Err()
			return &answer{callRecord: callRecord{status: 200}, data: []byte("<page/>")}, nil
		})
		done <- err
	}()
	<-started
	drop(ErrNotNeeded)
	if err := <-done; !errors.Is(err, ErrNotNeeded) {
		t.Fatalf("err = %v", err)
	}
	close(finish)
	if err := <-fetched; err != nil {
		t.Fatalf("the exchange was cancelled: %v", err)
	}
	ans, err := co.do(context.Background(), "op", []byte("page 5"), func(context.Context) (*answer, error) {
		t.Error("asked again")
		return nil, errors.New("asked again")
	})
	if err != nil || string(ans.data) != "<page/>" {
		t.Fatalf("%v, %v", ans, err)
	}
}
