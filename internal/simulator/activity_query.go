package simulator

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// responseCodes of the activity operations. 136, 160 and 182 are ChargePoint's, observed with these
// texts; 153's text is the simulator's choice (see doc_activity.go). More than 100 stationIDs is
// codeTooManyIDs (147), as in getStationActiveFaults.
const (
	codeNoSessionData = "136"
	textNoSessionData = "No charging session data found for given criteria."

	codeNoAlarms = "153"
	textNoAlarms = "No alarms found for given criteria."

	codeNoLoadData = "160"
	textNoLoadData = "No data found for given criteria."

	codeLoadSelector = "182"
	textLoadSelector = "Search by either sgID, sessionID or stationID"
)

// maxBoundIDs is stationIdListBound's maxOccurs (getChargingSessionData, getAlarms).
const maxBoundIDs = 100

// activityStations compiles the station-level filters of an activity query (location, station ID,
// name, organization, group, station ID list) with the station search of getStations. keep accepts
// every station when q has no filter. code and text are set for a query that cannot be answered
// (145, a bad proximityUnit); an unknown location or no matching station keeps nothing.
func (s *Server) activityStations(q *stationSearch) (keep func(stationID string) bool, code, text string) {
	if reflect.ValueOf(*q).IsZero() {
		return func(string) bool { return true }, "", ""
	}
	hits, code, text := s.search(q, nil)
	if code == codeInvalidProximityUnit {
		return nil, code, text
	}
	set := make(map[string]bool, len(hits))
	for _, i := range hits {
		set[s.data.stations[i].ID] = true
	}
	return func(id string) bool { return set[id] }, "", ""
}

// enumStringField stores a string that must be one of allowed (an XSD enumeration).
func enumStringField(dst **string, allowed ...string) fieldDecoder {
	return func(e *element, path string) error {
		v, err := leafText(e, path)
		if err != nil {
			return err
		}
		v = strings.TrimSpace(v)
		if !slices.Contains(allowed, v) {
			return clientFault("%s: %q is not one of %s", path, v, strings.Join(quoteAll(allowed), ", "))
		}
		*dst = &v
		return nil
	}
}

func quoteAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = strconv.Quote(s)
	}
	return out
}

// XSD enumerations the activity queries use.
var (
	transactionTypes     = []string{"Session", "Reservation", "Reservation Cancel", "Reservation Usage Addendum"}
	connectionStatuses   = []string{"APPROVED", "NOT CONNECTED", "REJECTED", "PENDING"}
	realmStatuses        = []string{"APPROVED", "NOT MANAGED"}
	chargingStatuses     = []string{"Fault", "Charged", "Charging", "Not Plugged In"}
	fraudDetectionValues = []string{"Unknown", "Verified (Power Values Matched)", "Fraud Detected (Session Termination Disabled)",
		"Fraud Detected (Session Terminated)", "Suspect (No Vehicle Info Available)",
		"Suspect (More than 1 active session for fleet vehicle)", "Unknown (Increased validity score)",
		"Unknown (not enabled)", "Unknown (Session Ended too Quickly)", "Under Interrogation (Shed load on station)",
		"Session Validated"}
)

// Small predicates: a nil filter accepts everything.

func eqFold(want *string, have string) bool { return want == nil || strings.EqualFold(*want, have) }

func eqInt(want *int, have int) bool { return want == nil || *want == have }

func eqLong(want *int64, have int64) bool { return want == nil || *want == have }

func inWindow(t time.Time, from, to *time.Time) bool {
	return (from == nil || !t.Before(*from)) && (to == nil || !t.After(*to))
}

// Number and time formats of the activity responses.

func formatEnergy(kWh float64) string { return strconv.FormatFloat(kWh, 'f', -1, 64) }

func formatKW3(kw float64) string { return strconv.FormatFloat(kw, 'f', 3, 64) }

func formatPercent(p float64) string { return strconv.FormatFloat(p, 'f', 1, 64) }

func formatPlain(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
