package simulator

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

var bench100k = func() func() *Server {
	var s *Server
	return func() *Server {
		if s == nil {
			s = New(Options{LicenseKey: testKey, Password: testPassword, Stations: 100000})
		}
		return s
	}
}()

// BenchmarkPublicWithin100k: the distance scan alone, 10 miles around San Jose.
func BenchmarkPublicWithin100k(b *testing.B) {
	d := bench100k().Dataset()
	b.ResetTimer()
	for b.Loop() {
		if len(d.PublicWithin(37.3382, -121.8863, 10, "M")) == 0 {
			b.Fatal("no stations")
		}
	}
}

// BenchmarkGetPublicStationsProximity100k: a whole request (parse, authenticate, search, encode a page
// of up to 500 stations) for stations within 2 km of San Francisco.
func BenchmarkGetPublicStationsProximity100k(b *testing.B) {
	s := bench100k()
	body := publicStationsRequest(`<Geo><Lat>37.7749</Lat><Long>-122.4194</Long></Geo><Proximity>2</Proximity><proximityUnit>K</proximityUnit>`)
	b.ResetTimer()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, Path, strings.NewReader(body))
		req.Header.Set("Content-Type", "text/xml; charset=utf-8")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "<stationData>") {
			b.Fatalf("HTTP %d\n%s", rec.Code, rec.Body.String())
		}
	}
}
