package cpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"runtime"
	"slices"
	"sync"
	"testing"
)

// bodyCounts counts the requests the fake server received per distinct body.
func (fs *fakeServer) bodyCounts() map[string]int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	counts := map[string]int{}
	for _, r := range fs.requests {
		counts[r.body]++
	}
	return counts
}

func (fs *fakeServer) hits() int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return len(fs.requests)
}

func TestCoalescingTenIdenticalReadsCostOne(t *testing.T) {
	var ids []string
	for i := 1; i <= 23; i++ {
		ids = append(ids, fmt.Sprintf("1:%d", i))
	}
	fs := pagedServer(t, ids)
	c := fs.client(t)
	c.pageSize = 10 // three pages
	c.slots = newLimiter(DefaultMaxConcurrentRequests)
	q := StationSearchRequest{StationFilters: StationFilters{StationName: StringOf("A*")}}

	results := make([][]PublicStation, 10)
	errs := make([]error, 10)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = c.GetPublicStations(context.Background(), q)
		}()
	}
	wg.Wait()
	later, err := c.GetPublicStations(context.Background(), q) // after the others: answered from what was kept
	if err != nil {
		t.Fatal(err)
	}
	for i := range results {
		if errs[i] != nil {
			t.Fatalf("read %d: %v", i, errs[i])
		}
		if !reflect.DeepEqual(results[i], later) || len(later) != len(ids) {
			t.Fatalf("read %d differs: %d stations, later read %d", i, len(results[i]), len(later))
		}
	}
	counts := fs.bodyCounts()
	for body, n := range counts {
		if n != 1 {
			t.Errorf("the same request reached the server %d times: %s", n, body)
		}
	}
	if len(counts) < 3 {
		t.Errorf("%d distinct requests, want at least the 3 pages", len(counts))
	}

	other, err := c.GetPublicStations(context.Background(), StationSearchRequest{StationFilters: StationFilters{StationName: StringOf("B*")}})
	if err != nil || len(other) != len(ids) {
		t.Fatalf("a different query: %d stations, %v", len(other), err)
	}
	if n := len(fs.bodyCounts()); n <= len(counts) {
		t.Errorf("a different query was answered from another query's answers (%d distinct requests)", n)
	}
}

// TestCoalescingJoinsAFlight holds the server's answer until ten identical calls wait for it.
func TestCoalescingJoinsAFlight(t *testing.T) {
	release := make(chan struct{})
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		<-release
		write(w, 200, soapOK("getPublicStations", ok100+stations("1:1")+"<moreFlag>0</moreFlag>"))
	})
	c := fs.client(t)
	var wg sync.WaitGroup
	errs := make([]error, 10)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = c.GetPublicStations(context.Background(), StationSearchRequest{})
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
		{"error responseCode", 200, soapOK("getPublicStations", `<responseCode>187</responseCode><responseText>Too many requests</responseText>`)},
		{"undecodable 200", 200, soapOK("getPublicStations", `<responseCode>100</responseCode><moreFlag>x</moreFlag>`)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			calls := 0
			fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
				if calls++; calls == 1 {
					write(w, tc.status, tc.body)
					return
				}
				write(w, 200, soapOK("getPublicStations", ok100+stations("1:1")+"<moreFlag>0</moreFlag>"))
			})
			c := fs.client(t)
			// Whether the client retries by itself or the caller calls again, the success must come
			// from a second request, and it must then be kept.
			got, err := c.GetPublicStations(context.Background(), StationSearchRequest{})
			if err != nil {
				got, err = c.GetPublicStations(context.Background(), StationSearchRequest{})
			}
			if err != nil || len(got) != 1 {
				t.Fatalf("after the error: %d stations, %v", len(got), err)
			}
			if _, err := c.GetPublicStations(context.Background(), StationSearchRequest{}); err != nil {
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
		write(w, 200, soapOK("getPublicStations", ok100+stations("1:1")+"<moreFlag>0</moreFlag>"))
	})
	c := fs.client(t)
	quitter, quit := context.WithCancel(context.Background())
	quitErr := make(chan error, 1)
	go func() {
		_, err := c.GetPublicStations(quitter, StationSearchRequest{})
		quitErr <- err
	}()
	<-arrived
	stayed := make(chan error, 1)
	go func() {
		_, err := c.GetPublicStations(context.Background(), StationSearchRequest{})
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

// snapshot returns the requests received so far.
func (fs *fakeServer) snapshot() []recorded {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return slices.Clone(fs.requests)
}

// TestCoalescingKeepsAPageNotNeeded: a page requested ahead and then not needed is not cancelled
// (it is most likely on the wire already); its answer is kept for the next identical request.
func TestCoalescingKeepsAPageNotNeeded(t *testing.T) {
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
	drop(errPageNotNeeded)
	if err := <-done; !errors.Is(err, errPageNotNeeded) {
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
