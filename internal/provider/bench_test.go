package provider

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// The read benchmarks replay the simulator's pages from memory, so that they measure the provider (HTTP,
// decode, state) and not the simulator writing XML.

// replayServer answers each distinct request body with the simulator's answer to it, computed once.
type replayServer struct {
	sim      *simulator.Server
	mu       sync.Mutex
	answers  map[[32]byte][]byte
	xmlBytes atomic.Int64 // bytes served since the last reset
}

func newReplayServer(b *testing.B, stations int) (*replayServer, string) {
	b.Helper()
	rs := &replayServer{
		sim:     simulator.New(simulator.Options{LicenseKey: testLicenseKey, Password: testPassword, Stations: stations}),
		answers: map[[32]byte][]byte{},
	}
	srv := httptest.NewServer(rs)
	b.Cleanup(srv.Close)
	return rs, srv.URL + simulator.Path
}

func (rs *replayServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	key := sha256.Sum256(append([]byte(r.Header.Get("SOAPAction")), body...))
	rs.mu.Lock()
	answer, ok := rs.answers[key]
	rs.mu.Unlock()
	if !ok {
		rec := httptest.NewRecorder()
		r.Body = io.NopCloser(bytes.NewReader(body))
		rs.sim.ServeHTTP(rec, r)
		answer = rec.Body.Bytes()
		rs.mu.Lock()
		rs.answers[key] = answer
		rs.mu.Unlock()
	}
	rs.xmlBytes.Add(int64(len(answer)))
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	_, _ = w.Write(answer)
}

// peakHeap samples the live heap while f runs and returns the highest value seen.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var ms runtime.MemStats
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(done)
	return peak.Load()
}

// readStations is one full ReadDataSource of chargepoint_stations through a freshly configured server
// (fresh, so that request coalescing cannot answer from an earlier iteration).
func readStations(b *testing.B, endpoint string) {
	srv := configuredServerAt(b, endpoint)
	readStationsWith(b, srv, srv.ReadDataSource)
}

// readStationsWith reads chargepoint_stations, without arguments, with read: srv's own ReadDataSource
// (the protocol-level path) or the framework path's (frameworkPath).
func readStationsWith(b *testing.B, srv *server, read func(context.Context, *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error)) {
	ctx := context.Background()
	typ, err := srv.schemaType(ctx, "chargepoint_stations")
	if err != nil {
		b.Fatal(err)
	}
	dv, err := tfprotov6.NewDynamicValue(typ, configValue(b, typ, nil))
	if err != nil {
		b.Fatal(err)
	}
	resp, err := read(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: "chargepoint_stations", Config: &dv})
	if err != nil || len(resp.Diagnostics) > 0 {
		b.Fatal(err, describe(resp.Diagnostics))
	}
}

// clientStations is the floor: the cpapi client alone, HTTP and decode, for the same pages.
func clientStations(b *testing.B, endpoint string, want int) {
	c, err := cpapi.New(cpapi.Config{Endpoint: endpoint, LicenseKey: testLicenseKey, Password: testPassword})
	if err != nil {
		b.Fatal(err)
	}
	stations, err := c.GetStations(context.Background(), cpapi.StationSearchRequestExtended{})
	if err != nil || len(stations) != want {
		b.Fatal(err, len(stations))
	}
}

// BenchmarkReadStations reads 1,000, 10,000 and 50,000 stations through the provider server at the
// protocol level, and reports per station the bytes allocated, the nanoseconds, and the peak live heap
// against the XML received.
func BenchmarkReadStations(b *testing.B) {
	for _, n := range []int{1000, 10000, 50000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			rs, endpoint := newReplayServer(b, n-1) // the seed station is the n-th
			readStations(b, endpoint)               // warm the replay cache
			rs.xmlBytes.Store(0)
			var peak uint64
			var allocated uint64
			b.ResetTimer()
			for b.Loop() {
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				peak = max(peak, peakHeap(func() { readStations(b, endpoint) }))
				runtime.ReadMemStats(&after)
				allocated += after.TotalAlloc - before.TotalAlloc
			}
			xml := float64(rs.xmlBytes.Load()) / float64(b.N)
			b.ReportMetric(float64(allocated)/float64(b.N)/float64(n), "B-alloc/station")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/station")
			b.ReportMetric(float64(peak)/xml, "peak-heap/xml")
			b.ReportMetric(xml/1e6, "MB-xml")
		})
	}
}

// BenchmarkReadVsClient10k reports the cost of a full 10,000-station ReadDataSource as a multiple of
// the cpapi client alone reading the same pages (the goal is at most 2x), both measured in this run.
func BenchmarkReadVsClient10k(b *testing.B) {
	const n = 10000
	_, endpoint := newReplayServer(b, n-1)
	clientStations(b, endpoint, n)
	var read, client time.Duration
	for b.Loop() {
		started := time.Now()
		clientStations(b, endpoint, n)
		client += time.Since(started)
		started = time.Now()
		readStations(b, endpoint)
		read += time.Since(started)
	}
	b.ReportMetric(float64(read)/float64(client), "read/client")
	b.ReportMetric(float64(client.Milliseconds())/float64(b.N), "client-ms")
	b.ReportMetric(float64(read.Milliseconds())/float64(b.N), "read-ms")
}

// readCost is what reads cost, summed over iterations.
type readCost struct {
	cpu, wall         time.Duration
	bytes, allocs     uint64
	peakHeap, maxPeak uint64 // live heap above what was live before the read: summed, and the highest
}

// measureRead runs read once and adds its cost: the process's CPU time (every goroutine, the garbage
// collector's too, and the in-process replay server's, the same for every path), the bytes and the
// objects allocated, and the highest live heap above the heap live before.
func (c *readCost) measureRead(read func()) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu, started := processCPUTime(), time.Now()
	peak := peakHeap(read)
	c.wall += time.Since(started)
	c.cpu += processCPUTime() - cpu
	runtime.ReadMemStats(&after)
	c.bytes += after.TotalAlloc - before.TotalAlloc
	c.allocs += after.Mallocs - before.Mallocs
	if peak > before.HeapInuse {
		c.peakHeap += peak - before.HeapInuse
		c.maxPeak = max(c.maxPeak, peak-before.HeapInuse)
	}
}

// BenchmarkFrameworkVsProtocol10k reads 10,000 stations on the same replayed pages through the
// framework path (the equality tests' oracle, framework_read_test.go: a tftypes value tree handed to the
// framework) and through the protocol-level path that production uses (read.go), each on a freshly
// configured server, and reports the framework path's cost as a multiple of the protocol-level path's:
// CPU time, bytes and objects allocated, peak live heap. The reason for the wrapper, measured.
func BenchmarkFrameworkVsProtocol10k(b *testing.B) {
	const n = 10000
	_, endpoint := newReplayServer(b, n-1) // the seed station is the n-th
	readStations(b, endpoint)              // warm the replay cache
	var protocol, framework readCost
	for b.Loop() {
		srv := configuredServerAt(b, endpoint)
		protocol.measureRead(func() { readStationsWith(b, srv, srv.ReadDataSource) })
		srv = configuredServerAt(b, endpoint)
		fw := frameworkPath(b, srv)
		framework.measureRead(func() { readStationsWith(b, srv, fw.ReadDataSource) })
	}
	ratio := func(f, p uint64) float64 { return float64(f) / float64(p) }
	if protocol.cpu > 0 {
		b.ReportMetric(ratio(uint64(framework.cpu), uint64(protocol.cpu)), "cpu-x")
	}
	b.ReportMetric(ratio(uint64(framework.wall), uint64(protocol.wall)), "wall-x")
	b.ReportMetric(ratio(framework.bytes, protocol.bytes), "alloc-bytes-x")
	b.ReportMetric(ratio(framework.allocs, protocol.allocs), "allocs-x")
	b.ReportMetric(ratio(framework.peakHeap, protocol.peakHeap), "peak-heap-x")
	per := func(v uint64) float64 { return float64(v) / float64(b.N) }
	b.ReportMetric(per(uint64(protocol.cpu.Milliseconds())), "protocol-cpu-ms")
	b.ReportMetric(per(uint64(framework.cpu.Milliseconds())), "framework-cpu-ms")
	b.ReportMetric(per(protocol.bytes)/1e6, "protocol-alloc-MB")
	b.ReportMetric(per(framework.bytes)/1e6, "framework-alloc-MB")
	b.ReportMetric(per(protocol.allocs), "protocol-allocs")
	b.ReportMetric(per(framework.allocs), "framework-allocs")
	b.ReportMetric(float64(protocol.maxPeak)/1e6, "protocol-peak-MB")
	b.ReportMetric(float64(framework.maxPeak)/1e6, "framework-peak-MB")
}
