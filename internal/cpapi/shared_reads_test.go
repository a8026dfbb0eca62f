package cpapi

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
)

// Identical paged reads share their pages: each request reaches the server once, and is logged once
// (soap coalesces identical requests; here with the pages requested ahead of paged reads).

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

func TestCoalescingTenIdenticalReadsCostOne(t *testing.T) {
	var ids []string
	for i := 1; i <= 23; i++ {
		ids = append(ids, fmt.Sprintf("1:%d", i))
	}
	fs := pagedServer(t, ids)
	c := fs.clientInFlight(t, soap.DefaultMaxConcurrentRequests)
	c.pageSize = 10 // three pages
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

// Concurrent paged reads, with pages requested ahead past the end: still exactly one HTTP call line per
// request the server received, whoever took (or nobody took) its answer.
func TestDebugLogCountsOnlyRealHTTPCalls(t *testing.T) {
	t.Setenv("TF_LOG_PROVIDER_CHARGEPOINT_API", "DEBUG")
	var ids []string
	for i := 1; i <= 23; i++ {
		ids = append(ids, fmt.Sprintf("1:%d", i))
	}
	fs := pagedServer(t, ids)
	c := fs.clientInFlight(t, soap.DefaultMaxConcurrentRequests)
	c.pageSize = 10
	var buf syncBuffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got, err := c.GetPublicStations(ctx, StationSearchRequest{}); err != nil || len(got) != len(ids) {
				t.Errorf("%d stations, %v", len(got), err)
			}
		}()
	}
	wg.Wait()
	// Pages requested ahead and not needed finish, and are logged, after the reads return.
	awaitCallLines(t, &buf, fs.hits())
	calls, shared := debugLines(t, &buf)
	if len(calls) != fs.hits() {
		t.Errorf("%d HTTP call lines for %d HTTP requests", len(calls), fs.hits())
	}
	// Every read takes at least its three pages; all but one taker of each page shares it.
	if least := 8*3 - fs.hits(); len(shared) < least {
		t.Errorf("%d shared-answer lines, want at least %d", len(shared), least)
	}
}

// syncBuffer is a log destination that the test may read while requests nobody waits for still log.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// debugLines returns the DEBUG lines of HTTP calls and of answers shared with an identical request.
func debugLines(t *testing.T, buf *syncBuffer) (calls, shared []map[string]any) {
	t.Helper()
	buf.mu.Lock()
	raw := buf.buf.String()
	buf.mu.Unlock()
	entries, err := tflogtest.MultilineJSONDecode(strings.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		switch e["@message"] {
		case "ChargePoint API call":
			calls = append(calls, e)
		case "ChargePoint API call served from a shared answer to an identical request":
			shared = append(shared, e)
		}
	}
	return calls, shared
}

// awaitCallLines waits until the log has n HTTP call lines, or gives up after a while (the assertions
// that follow then fail): a request nobody waits for is logged when its answer arrives.
func awaitCallLines(t *testing.T, buf *syncBuffer, n int) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if calls, _ := debugLines(t, buf); len(calls) >= n {
			return
		}
	}
}
