package simulator

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestPagingPastTheEnd: every paged operation answers a startRecord past its last record the way it
// answers a query that matches nothing (doc.go, "Paging past the end"): its no-data responseCode, or
// 100 with no records, and never a more flag of 1. Clients requesting pages ahead rely on it.
func TestPagingPastTheEnd(t *testing.T) {
	_, url := startServer(t, Options{Stations: 30})
	const past = "<startRecord>100000</startRecord>"
	for _, tc := range []struct {
		op, inner, code, item string
	}{
		{"getPublicStations", past, "102", "stationData"},
		{"getStations", past, "102", "stationData"},
		{"getStationStatus", past, "102", "stationData"},
		{"getCustomGroupStations", "<sgName>Garage West</sgName>" + past, "102", "stationData"},
		{"getChargingSessionData", past, "136", "ChargingSessionData"},
		{"getAlarms", past, "153", "Alarms"},
		{"getStationRights", past, "100", "rightsData"},
		{"getUsers", past, "100", "user"},
		{"getTransactionData", past, "100", "transactionData"},
		{"getFleetVehicles", past, "100", "fleetVehicle"},
		{"getFleetUsageData", past, "100", "fleetUsageData"},
	} {
		t.Run(tc.op, func(t *testing.T) {
			first := post(t, url, query(tc.op, strings.Replace(tc.inner, past, "<startRecord>1</startRecord>", 1)))
			if !regexp.MustCompile(`<` + tc.item + `[ >/]`).Match(first.Body) {
				t.Fatalf("no %s on the first page: the check below would prove nothing\n%s", tc.item, first.Body)
			}
			res := post(t, url, query(tc.op, tc.inner))
			if res.Status != http.StatusOK {
				t.Fatalf("HTTP %d\n%s", res.Status, res.Body)
			}
			if m := regexp.MustCompile(`<responseCode>(\d+)</responseCode>`).FindSubmatch(res.Body); m == nil || string(m[1]) != tc.code {
				t.Errorf("responseCode %q, want %s\n%s", m, tc.code, res.Body)
			}
			if regexp.MustCompile(`<` + tc.item + `[ >/]`).Match(res.Body) {
				t.Errorf("records past the end\n%s", res.Body)
			}
			if regexp.MustCompile(`<[mM]oreFlag>1<`).Match(res.Body) {
				t.Errorf("more flag 1 past the end\n%s", res.Body)
			}
		})
	}
}
