package simulator

import (
	"math"
	"strings"
)

// Mean Earth radius (IUGG), the figure behind the distances the simulator computes.
const (
	EarthRadiusMiles = 3958.7613
	EarthRadiusKm    = 6371.0088
)

// kmPerUnit holds the length of one proximityUnit in kilometres: M miles, N nautical miles,
// K kilometres, F feet, I inches (the units ChargePoint documents for proximityUnit).
var kmPerUnit = map[string]float64{
	"M": 1.609344,
	"N": 1.852,
	"K": 1,
	"F": 0.0003048,
	"I": 0.0000254,
}

// ValidUnit reports whether unit is one of M, N, K, F, I (case-insensitive, surrounding space ignored).
func ValidUnit(unit string) bool {
	_, ok := kmPerUnit[normalizeUnit(unit)]
	return ok
}

func normalizeUnit(unit string) string { return strings.ToUpper(strings.TrimSpace(unit)) }

// Distance returns the great-circle (haversine) distance between two points, in unit (M, N, K, F or
// I). ok is false for any other unit.
func Distance(lat1, long1, lat2, long2 float64, unit string) (d float64, ok bool) {
	perUnit, ok := kmPerUnit[normalizeUnit(unit)]
	if !ok {
		return 0, false
	}
	return haversineKm(newGeoPoint(lat1, long1), newGeoPoint(lat2, long2)) / perUnit, true
}

// geoPoint caches what the haversine formula needs, so scanning 100,000 stations stays cheap.
type geoPoint struct{ lat, long, cosLat float64 }

func newGeoPoint(lat, long float64) geoPoint {
	la := lat * math.Pi / 180
	return geoPoint{lat: la, long: long * math.Pi / 180, cosLat: math.Cos(la)}
}

func haversineKm(a, b geoPoint) float64 {
	sinLat := math.Sin((b.lat - a.lat) / 2)
	sinLong := math.Sin((b.long - a.long) / 2)
	h := sinLat*sinLat + a.cosLat*b.cosLat*sinLong*sinLong
	return 2 * EarthRadiusKm * math.Asin(math.Min(1, math.Sqrt(h)))
}

// withinKm reports whether b lies within radius km of a. The latitude difference alone is a lower bound
// of the distance, which rules out most far-away points without any trigonometry.
func withinKm(a, b geoPoint, radius float64) bool {
	if math.Abs(b.lat-a.lat)*EarthRadiusKm > radius*(1+1e-9) {
		return false
	}
	return haversineKm(a, b) <= radius
}
