package tfreflect

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// BenchmarkValue10kStations measures building the state value of 10,000 two-port stations.
func BenchmarkValue10kStations(b *testing.B) {
	stations := make([]cpapi.PublicStation, 10000)
	for i := range stations {
		stations[i] = cpapi.PublicStation{StationCore: cpapi.StationCore{
			StationID: cpapi.StringOf(fmt.Sprintf("1:%d", i)), StationName: cpapi.StringOf("ORG / S"), NumPorts: cpapi.IntOf(2),
			Ports: []cpapi.Port{{PortNumber: cpapi.StringOf("1"), Power: cpapi.FloatOf(7.2)}, {PortNumber: cpapi.StringOf("2"), Power: cpapi.FloatOf(7.2)}},
		}}
	}
	v := reflect.ValueOf(stations)
	b.ReportAllocs()
	for b.Loop() {
		Value(v, nil)
	}
}
