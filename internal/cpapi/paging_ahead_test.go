package cpapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"regexp"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
)

// TestPagingAheadMatchesSequential reads every paged operation from the simulator, with small pages,
// once with one request in flight and once with several: the results must be identical.
func TestPagingAheadMatchesSequential(t *testing.T) {
	sim := simulator.New(simulator.Options{LicenseKey: testKey, Password: testPassword, Stations: 150, MaxPageSize: 7})
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	client := func(inFlight, pageSize int) *Client {
		c, err := New(Config{Endpoint: srv.URL + simulator.Path, LicenseKey: testKey, Password: testPassword, MaxConcurrentRequests: inFlight, PageSize: pageSize})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	ctx := context.Background()
	for _, tc := range []struct {
		op   string
		read func(c *Client) (any, int, error)
	}{
		{"getPublicStations", func(c *Client) (any, int, error) {
			v, err := c.GetPublicStations(ctx, StationSearchRequest{})
			return v, len(v), err
		}},
		{"getStations", func(c *Client) (any, int, error) {
			v, err := c.GetStations(ctx, StationSearchRequestExtended{})
			return v, len(v), err
		}},
		{"getStationStatus", func(c *Client) (any, int, error) {
			v, err := c.GetStationStatus(ctx, StatusSearchRequest{})
			return v, len(v), err
		}},
		{"getCustomGroupStations", func(c *Client) (any, int, error) {
			v, err := c.GetCustomGroupStations(ctx, CustomGroupStationSearchRequest{SgName: StringOf("Bay Area Fleet")})
			return v, len(v), err
		}},
		{"getStationRights", func(c *Client) (any, int, error) {
			v, err := c.GetStationRights(ctx, StationRightsSearchRequest{})
			return v, len(v), err
		}},
		{"getChargingSessionData", func(c *Client) (any, int, error) {
			v, err := c.GetChargingSessionData(ctx, SessionSearchRequest{})
			return v, len(v), err
		}},
		{"getAlarms", func(c *Client) (any, int, error) { v, err := c.GetAlarms(ctx, AlarmsQuery{}); return v, len(v), err }},
		{"getUsers", func(c *Client) (any, int, error) {
			v, err := c.GetUsers(ctx, UsersSearchRequest{})
			return v, len(v), err
		}},
		{"getTransactionData", func(c *Client) (any, int, error) {
			v, err := c.GetTransactionData(ctx, TransactionSearchRequest{})
			return v, len(v), err
		}},
		{"getFleetVehicles", func(c *Client) (any, int, error) {
			v, err := c.GetFleetVehicles(ctx, FleetVehicleSearchRequest{})
			return v, len(v), err
		}},
		{"getFleetUsageData", func(c *Client) (any, int, error) {
			v, err := c.GetFleetUsageData(ctx, FleetUsageSearchRequest{})
			return v, len(v), err
		}},
	} {
		t.Run(tc.op, func(t *testing.T) {
			pageLen := 7
			switch tc.op {
			case "getChargingSessionData":
				pageLen = 100 // fixed by ChargePoint
			case "getFleetVehicles":
				pageLen = 2 // the data set has a few vehicles only
			}
			want, n, err := tc.read(client(1, pageLen))
			if err != nil {
				t.Fatal(err)
			}
			if n <= 2*pageLen {
				t.Fatalf("only %d records: the test needs at least three pages of %d", n, pageLen)
			}
			before := sim.Calls(tc.op)
			got, _, err := tc.read(client(soap.DefaultMaxConcurrentRequests, pageLen))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatal("read ahead differs from the sequential read")
			}
			if calls, pages := sim.Calls(tc.op)-before, (n+pageLen-1)/pageLen; calls < pages {
				t.Errorf("%d calls for %d pages", calls, pages)
			}
		})
	}
}

// pagesOf reads the pages page serves through a pager, the way collectPages drives it, except that
// every request launched together completes together: one round is one latency. It returns the
// records read and the number of rounds.
func pagesOf(t *testing.T, window int, page func(start int64) ([]int, bool)) ([]int, int) {
	t.Helper()
	p := newPager("op", strconv.Itoa, window, DefaultMaxRecords)
	type result struct {
		items []int
		more  bool
	}
	arrived := map[int64]result{}
	inFlight := p.launches()
	rounds := 0
	for !p.done {
		if len(inFlight) == 0 {
			t.Fatalf("nothing in flight and page %d not read", p.next)
		}
		if len(inFlight) > window {
			t.Fatalf("%d requests in flight, window %d", len(inFlight), window)
		}
		rounds++
		for _, s := range inFlight {
			items, more := page(s)
			arrived[s] = result{items, more}
		}
		inFlight = nil
		for r, ok := arrived[p.next]; ok && !p.done; r, ok = arrived[p.next] {
			delete(arrived, p.next)
			dropped, err := p.take(r.items, r.more)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range dropped {
				delete(arrived, s)
			}
			inFlight = append(inFlight, p.launches()...)
		}
	}
	return p.all, rounds
}

func fullPages(n, pageLen int) func(start int64) ([]int, bool) {
	return func(start int64) ([]int, bool) {
		var items []int
		for i := int(start); i <= n && i < int(start)+pageLen; i++ {
			items = append(items, i)
		}
		return items, int(start)+pageLen-1 < n
	}
}

func checkAllInOrder(t *testing.T, got []int, n int) {
	t.Helper()
	if len(got) != n {
		t.Fatalf("%d records, want %d", len(got), n)
	}
	for i, v := range got {
		if v != i+1 {
			t.Fatalf("record %d is %d", i, v)
		}
	}
}

// TestPagingRounds: rounds of 1, 2, 4, ... pages up to the window. 20 full pages cost at most 6
// round trips with the default window (1 + 2 + 4 + 5 + 5 + 5 pages: the bound of issue 13), 20 with one.
func TestPagingRounds(t *testing.T) {
	for _, tc := range []struct{ n, pageLen, window, maxRounds int }{
		{20 * 500, 500, soap.DefaultMaxConcurrentRequests, 6},
		{20*500 - 1, 500, soap.DefaultMaxConcurrentRequests, 6}, // the last page is one short
		{20 * 500, 500, 1, 20},
		{20 * 500, 500, 4, 7}, // 1 + 2 + 4 + 4 + 4 + 4 + 4
		{1, 500, 4, 1},
		{0, 500, 4, 1},
		{20 * 100, 100, soap.DefaultMaxConcurrentRequests, 6}, // sessions: pages of 100
		{100 * 100, 100, 8, 15},                               // 1 + 2 + 4 + 8, then 85 in rounds of 8
	} {
		t.Run(fmt.Sprintf("%d records in pages of %d, window %d", tc.n, tc.pageLen, tc.window), func(t *testing.T) {
			got, rounds := pagesOf(t, tc.window, fullPages(tc.n, tc.pageLen))
			checkAllInOrder(t, got, tc.n)
			if rounds > tc.maxRounds {
				t.Errorf("%d rounds, want at most %d", rounds, tc.maxRounds)
			}
		})
	}
}

// TestPagingAsksLittlePastTheEnd counts the pages requested with the default window: a read asks past
// its end for at most the rest of its last round (1,234 records in pages of 500: 3 calls), and a long
// read (20 pages and more) for at most 20% more pages than it has.
func TestPagingAsksLittlePastTheEnd(t *testing.T) {
	asked := func(n, pageLen int) int {
		calls := 0
		pages := fullPages(n, pageLen)
		got, _ := pagesOf(t, soap.DefaultMaxConcurrentRequests, func(start int64) ([]int, bool) {
			calls++
			return pages(start)
		})
		checkAllInOrder(t, got, n)
		return calls
	}
	for _, tc := range []struct{ n, pageLen, calls int }{
		{1234, 500, 3}, {1000, 500, 3}, {500, 500, 1}, {499, 500, 1}, {0, 500, 1}, {1500, 500, 3}, {1501, 500, 7},
	} {
		if got := asked(tc.n, tc.pageLen); got != tc.calls {
			t.Errorf("%d records in pages of %d: %d calls, want %d", tc.n, tc.pageLen, got, tc.calls)
		}
	}
	for pages := 20; pages <= 200; pages++ {
		calls := asked(pages*100-pages%7, 100) // some reads end on a short page, some on a full one
		if past := calls - pages; past*5 > pages {
			t.Errorf("%d pages: %d calls, %d past the end (more than 20%%)", pages, calls, past)
		}
	}
}

// TestPagingShortPage: a page shorter than the first while more follow moves every later offset;
// the pages requested ahead are dropped and the read goes on sequentially from the true offset.
func TestPagingShortPage(t *testing.T) {
	const n, pageLen = 60, 10
	var asked []int64
	page := func(start int64) ([]int, bool) {
		asked = append(asked, start)
		end := min(int(start)+pageLen-1, n)
		if start == 11 {
			end = 17 // a short page in the middle
		}
		var items []int
		for i := int(start); i <= end; i++ {
			items = append(items, i)
		}
		return items, end < n
	}
	got, _ := pagesOf(t, 4, page)
	checkAllInOrder(t, got, n)
	for _, s := range []int64{18, 28, 38, 48, 58} {
		if !slicesContains(asked, s) {
			t.Errorf("startRecord %d never asked: %v", s, asked)
		}
	}
}

func slicesContains(s []int64, v int64) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

var startTagRE = regexp.MustCompile(`<startRecord>(\d+)</startRecord>`)

// TestPagingAheadIgnoresPagesPastTheEnd: whatever the server answers past the last page (here a
// fault), the read is the sequential one.
func TestPagingAheadIgnoresPagesPastTheEnd(t *testing.T) {
	const n, pageLen = 30, 5
	var ids []string
	for i := 1; i <= n; i++ {
		ids = append(ids, fmt.Sprintf("1:%d", i))
	}
	fs := newFakeServer(t, func(w http.ResponseWriter, body string) {
		start, _ := strconv.Atoi(startTagRE.FindStringSubmatch(body)[1])
		if start > n {
			write(w, 500, `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault><faultcode>soapenv:Client</faultcode><faultstring>Array index out of range</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>`)
			return
		}
		end := min(start-1+pageLen, n)
		write(w, 200, soapOK("getPublicStations", ok100+stations(ids[start-1:end]...)+"<moreFlag>"+flag(end < n)+"</moreFlag>"))
	})
	c := fs.clientInFlight(t, 4)
	c.pageSize = pageLen
	got, err := c.GetPublicStations(context.Background(), StationSearchRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n || got[0].StationID.Value != "1:1" || got[n-1].StationID.Value != ids[n-1] {
		t.Fatalf("%d stations", len(got))
	}
}

// TestPagingSharesOneLimit: several reads of one Client never have more requests in flight than
// MaxConcurrentRequests, all together.
func TestPagingSharesOneLimit(t *testing.T) {
	const n, pageLen, limit = 60, 3, 2
	var inFlight, peak atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		now := inFlight.Add(1)
		defer inFlight.Add(-1)
		raise(&peak, now)
		body, _ := io.ReadAll(r.Body)
		start, _ := strconv.Atoi(startTagRE.FindStringSubmatch(string(body))[1])
		end := min(start-1+pageLen, n)
		var ids []string
		for i := start; i <= end; i++ {
			ids = append(ids, fmt.Sprintf("1:%d", i))
		}
		write(w, 200, soapOK("getPublicStations", ok100+stations(ids...)+"<moreFlag>"+flag(end < n)+"</moreFlag>"))
	}))
	t.Cleanup(srv.Close)
	c, err := New(Config{Endpoint: srv.URL + ServicePath, LicenseKey: testKey, Password: testPassword, PageSize: pageLen, MaxConcurrentRequests: limit})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Different names: five different reads, none coalesced with another.
			got, err := c.GetPublicStations(context.Background(), StationSearchRequest{StationFilters: StationFilters{StationName: StringOf(strconv.Itoa(i))}})
			if err != nil || len(got) != n {
				t.Errorf("read %d: %d stations, %v", i, len(got), err)
			}
		}()
	}
	wg.Wait()
	if p := peak.Load(); p > limit {
		t.Errorf("%d requests in flight, limit %d", p, limit)
	}
}

// raise sets v to at least n.
func raise(v *atomic.Int64, n int64) {
	for {
		old := v.Load()
		if n <= old || v.CompareAndSwap(old, n) {
			return
		}
	}
}

// TestPagingCallsOnTheSimulator counts the getStations calls of reads with the default settings:
// 1,234 stations in pages of 500 take 3 calls, 2 pages at most 3 (the third page, requested beside the
// second, is cancelled unsent when the second comes back last first), and ten identical 2-page reads of
// one Client at most 3 in all.
func TestPagingCallsOnTheSimulator(t *testing.T) {
	ctx := context.Background()
	calls := func(stations, pageSize, reads int) int {
		sim := simulator.New(simulator.Options{LicenseKey: testKey, Password: testPassword, Stations: stations - 1, MaxPageSize: pageSize})
		srv := httptest.NewServer(sim)
		defer srv.Close()
		c, err := New(Config{Endpoint: srv.URL + simulator.Path, LicenseKey: testKey, Password: testPassword})
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for range reads {
			wg.Go(func() {
				if got, err := c.GetStations(ctx, StationSearchRequestExtended{}); err != nil || len(got) != stations {
					t.Errorf("%d of %d stations, %v", len(got), stations, err)
				}
			})
		}
		wg.Wait()
		return sim.Calls("getStations")
	}
	for _, tc := range []struct{ stations, pageSize, reads, least, most int }{
		{1234, 500, 1, 3, 3}, {1234, 500, 10, 3, 3}, {40, 20, 1, 2, 3}, {40, 20, 10, 2, 3}, {31, 20, 10, 2, 3}, {20, 20, 1, 1, 1},
	} {
		if got := calls(tc.stations, tc.pageSize, tc.reads); got < tc.least || got > tc.most {
			t.Errorf("%d stations in pages of %d, %d reads: %d getStations calls, want %d to %d", tc.stations, tc.pageSize, tc.reads, got, tc.least, tc.most)
		}
	}
}

// TestFailedReadCancelsItsPagesAhead: page 2 fails while page 3, requested beside it, hangs. The read
// fails with page 2's error, and the request for page 3 is cancelled (the server sees its context end)
// rather than left to run until request_timeout.
func TestFailedReadCancelsItsPagesAhead(t *testing.T) {
	const pageLen = 3
	page3Sent, page3Cancelled, done := make(chan struct{}), make(chan struct{}), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		switch start, _ := strconv.Atoi(startTagRE.FindStringSubmatch(string(body))[1]); start {
		case 1:
			write(w, 200, soapOK("getPublicStations", ok100+stations("1:1", "1:2", "1:3")+"<moreFlag>1</moreFlag>"))
		case 1 + pageLen:
			<-page3Sent // fail only once page 3 is on its way
			write(w, 500, `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault>`+
				`<faultcode>soapenv:Client</faultcode><faultstring>Array list index out of bounds</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>`)
		case 1 + 2*pageLen:
			close(page3Sent)
			select {
			case <-r.Context().Done():
				close(page3Cancelled)
			case <-done:
			}
		default:
			t.Errorf("startRecord %d asked", start)
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(done) }) // runs before srv.Close, which waits for the handlers
	c, err := New(Config{Endpoint: srv.URL + ServicePath, LicenseKey: testKey, Password: testPassword,
		PageSize: pageLen, MaxConcurrentRequests: 4, RequestTimeout: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	var fault *soap.FaultError
	if _, err := c.GetPublicStations(context.Background(), StationSearchRequest{}); !errors.As(err, &fault) {
		t.Fatalf("err = %v, want page 2's SOAP fault", err)
	}
	select {
	case <-page3Cancelled:
	case <-time.After(time.Minute): // a safety net only: the cancellation comes at once, request_timeout is an hour
		t.Fatal("the request for page 3 was not cancelled when the read failed")
	}
}
