package cpapi

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
)

// BenchmarkPaging20PagesLatency50ms reads 20 pages from a server that takes 50 ms per call, with one
// request in flight and with soap.DefaultMaxConcurrentRequests, and reports the read's cost in latencies
// above the same read without latency (the goal: at most 6).
func BenchmarkPaging20PagesLatency50ms(b *testing.B) {
	const pages, pageLen, latency = 20, 10, 50 * time.Millisecond
	for _, inFlight := range []int{1, soap.DefaultMaxConcurrentRequests} {
		b.Run(fmt.Sprintf("%d_in_flight", inFlight), func(b *testing.B) {
			base := timeRead(b, pages, pageLen, 0, inFlight, 5)
			var total time.Duration
			n := 0
			for b.Loop() {
				total += timeRead(b, pages, pageLen, latency, inFlight, 1)
				n++
			}
			b.ReportMetric(float64(total/time.Duration(n)-base)/float64(latency), "latencies")
		})
	}
}

// timeRead returns the mean time of reps reads of pages full pages with a fresh Client each time (so
// nothing is coalesced).
func timeRead(b *testing.B, pages, pageLen int, latency time.Duration, inFlight, reps int) time.Duration {
	b.Helper()
	n := pages * pageLen
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		start, _ := strconv.Atoi(startTagRE.FindStringSubmatch(string(body))[1])
		time.Sleep(latency)
		end := min(start-1+pageLen, n)
		var ids []string
		for i := start; i <= end; i++ {
			ids = append(ids, "1:"+strconv.Itoa(i))
		}
		write(w, 200, soapOK("getPublicStations", ok100+stations(ids...)+"<moreFlag>"+flag(end < n)+"</moreFlag>"))
	}))
	defer srv.Close()
	var total time.Duration
	for range reps {
		c, err := New(Config{Endpoint: srv.URL + ServicePath, LicenseKey: testKey, Password: testPassword, PageSize: pageLen, MaxConcurrentRequests: inFlight})
		if err != nil {
			b.Fatal(err)
		}
		started := time.Now()
		got, err := c.GetPublicStations(context.Background(), StationSearchRequest{})
		total += time.Since(started)
		if err != nil || len(got) != n {
			b.Fatalf("%d stations, %v", len(got), err)
		}
	}
	return total / time.Duration(reps)
}
