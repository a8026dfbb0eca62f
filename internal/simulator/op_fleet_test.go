package simulator

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"testing"
)

func fleetVehiclesPage(t *testing.T, url, inner string) (*tFleetVehiclesResponse, []byte) {
	t.Helper()
	got, raw := call[tFleetVehiclesResponse](t, url, "getFleetVehicles", query("getFleetVehicles", inner))
	if got.ResponseCode != "100" || got.MoreFlag == nil {
		t.Fatalf("want 100 with a moreFlag\n%s", raw)
	}
	return got, raw
}

func fleetUsagePage(t *testing.T, url, inner string) (*tFleetUsageResponse, []byte) {
	t.Helper()
	got, raw := call[tFleetUsageResponse](t, url, "getFleetUsageData", query("getFleetUsageData", inner))
	if got.ResponseCode != "100" || got.MoreFlag == nil {
		t.Fatalf("want 100 with a moreFlag\n%s", raw)
	}
	return got, raw
}

// pageAll walks startRecord/numRecords pages of size and returns the keys in order.
func pageAll(t *testing.T, size int, fetch func(start int) (keys []string, records []string, more bool)) (all []string, pages int) {
	t.Helper()
	for start := 1; ; start += size {
		keys, records, more := fetch(start)
		pages++
		for i, r := range records {
			if r != strconv.Itoa(start+i) {
				t.Fatalf("recordNumber %s at %d", r, start+i)
			}
		}
		all = append(all, keys...)
		if !more {
			return all, pages
		}
		if len(keys) != size {
			t.Fatalf("startRecord %d: %d records with moreFlag 1", start, len(keys))
		}
	}
}

func allVehicles(t *testing.T, url, inner string, size int) ([]string, int) {
	return pageAll(t, size, func(start int) ([]string, []string, bool) {
		got, _ := fleetVehiclesPage(t, url, fmt.Sprintf("%s<startRecord>%d</startRecord><numRecords>%d</numRecords>", inner, start, size))
		var keys, records []string
		for _, v := range got.Vehicles {
			keys, records = append(keys, v.FleetVehicleID), append(records, v.RecordNumber)
		}
		return keys, records, *got.MoreFlag == "1"
	})
}

func allUsage(t *testing.T, url, inner string, size int) ([]string, int) {
	return pageAll(t, size, func(start int) ([]string, []string, bool) {
		got, _ := fleetUsagePage(t, url, fmt.Sprintf("%s<startRecord>%d</startRecord><numRecords>%d</numRecords>", inner, start, size))
		var keys, records []string
		for _, u := range got.Usage {
			keys, records = append(keys, u.ID), append(records, u.RecordNumber)
		}
		return keys, records, *got.MoreFlag == "1"
	})
}

func TestGetFleetVehicles(t *testing.T) {
	s, url := startServer(t, Options{})
	vehicles := s.FleetVehicles()
	var want []string
	for _, v := range vehicles {
		want = append(want, v.ID)
	}
	got, pages := allVehicles(t, url, "", 4)
	if !slices.Equal(got, want) || pages < 3 {
		t.Fatalf("vehicles %v in %d pages, want %v", got, pages, want)
	}

	v := vehicles[len(vehicles)/2]
	page, raw := fleetVehiclesPage(t, url, "<credentialID>"+v.CredentialIDs[0]+"</credentialID>")
	if len(page.Vehicles) != 1 || *page.MoreFlag != "0" {
		t.Fatalf("by credential\n%s", raw)
	}
	w := page.Vehicles[0]
	if w.FleetVehicleID != v.ID || w.License != v.License || w.Year != strconv.Itoa(v.Year) || w.FleetUserID != v.UserID ||
		!slices.Equal(w.CredentialIDs, v.CredentialIDs) || w.VIN != v.VIN || len(w.VIN) != 17 || w.Make != v.Make ||
		w.OrgID != v.OrgID || w.FleetVehicleCreateDate != formatDateTime(v.Created) || w.VehicleChargingStatus != v.ChargingStatus {
		t.Errorf("vehicle %+v, want %+v", w, v)
	}

	// A vehicle is Charging exactly when its driver has a session in progress.
	charging := map[string]bool{}
	for _, sess := range s.Sessions() {
		if sess.Active {
			charging[sess.UserID] = true
		}
	}
	var wantCharging []string
	for _, v := range vehicles {
		if charging[v.UserID] {
			wantCharging = append(wantCharging, v.ID)
		}
	}
	if got, _ := allVehicles(t, url, "<vehicleChargingStatus>Charging</vehicleChargingStatus>", 500); len(wantCharging) == 0 || !slices.Equal(got, wantCharging) {
		t.Errorf("charging vehicles %v, want %v", got, wantCharging)
	}
	var wantYear []string
	for _, x := range vehicles {
		if x.Year == v.Year && x.Make == v.Make {
			wantYear = append(wantYear, x.ID)
		}
	}
	if got, _ := allVehicles(t, url, fmt.Sprintf("<make>%s</make><year>%d</year>", v.Make, v.Year), 500); !slices.Equal(got, wantYear) {
		t.Errorf("make and year: %v, want %v", got, wantYear)
	}
	if got, _ := allVehicles(t, url, "<fleetVehicleCreateDate>"+v.Created.Format("2006-01-02")+"</fleetVehicleCreateDate>", 500); !slices.Contains(got, v.ID) {
		t.Errorf("create date %s does not find %s: %v", v.Created.Format("2006-01-02"), v.ID, got)
	}

	none, raw := fleetVehiclesPage(t, url, "<license>NOPE</license>")
	if len(none.Vehicles) != 0 || *none.MoreFlag != "0" {
		t.Errorf("nothing matched\n%s", raw)
	}
	expectFault(t, url, query("getFleetVehicles", "<vehicleChargingStatus>Idle</vehicleChargingStatus>"), "soapenv:Client", "Not Plugged In")
	expectFault(t, url, query("getFleetVehicles", "<fleetVehicleCreateDate>2026-11-01T00:00:00Z</fleetVehicleCreateDate>"), "soapenv:Client", "xsd:date")
	expectFault(t, url, query("getFleetVehicles", "<License>X</License>"), "soapenv:Client", "License")
}

var xsdTimeOfDay = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$`)

func TestGetFleetUsageData(t *testing.T) {
	s, url := startServer(t, Options{})
	rows := s.FleetUsage()
	var want []string
	for _, r := range rows {
		want = append(want, r.ID)
	}
	got, pages := allUsage(t, url, "", 20)
	if !slices.Equal(got, want) || pages < 3 {
		t.Fatalf("usage %v in %d pages, want %v", got, pages, want)
	}

	row := rows[len(rows)/2]
	page, raw := fleetUsagePage(t, url, "<fleetVehicleID>"+row.FleetVehicleID+"</fleetVehicleID>")
	var byVehicle []string
	for _, r := range rows {
		if r.FleetVehicleID == row.FleetVehicleID {
			byVehicle = append(byVehicle, r.ID)
		}
	}
	var gotIDs []string
	for _, u := range page.Usage {
		gotIDs = append(gotIDs, u.ID)
		if !xsdTimeOfDay.MatchString(u.ChargingTime) || !xsdTimeOfDay.MatchString(u.SessionDuration) {
			t.Errorf("row %s: chargingTime %q, sessionDuration %q are not xsd:time", u.ID, u.ChargingTime, u.SessionDuration)
		}
	}
	if !slices.Equal(gotIDs, byVehicle) {
		t.Fatalf("rows of %s: %v, want %v\n%s", row.FleetVehicleID, gotIDs, byVehicle, raw)
	}
	// Each row points at its real session and transaction.
	u := page.Usage[slices.Index(gotIDs, row.ID)]
	sess, _ := s.Session(row.SessionID)
	wantTx := sess.TransactionID
	if wantTx == 0 {
		wantTx = sess.ID
	}
	if u.TransactionID != strconv.FormatInt(wantTx, 10) || u.CredentialID != sess.CredentialID || u.StationID != sess.StationID ||
		u.PortNumber != strconv.Itoa(sess.PortNumber) || u.Energy != formatEnergy(sess.Energy) ||
		u.StartTime != formatDateTime(sess.Start) || u.SessionDuration != formatHMS(sess.Duration()) {
		t.Errorf("row %+v does not match session %+v", u, sess)
	}
	if got, _ := allUsage(t, url, "<transactionID>"+u.TransactionID+"</transactionID>", 500); !slices.Equal(got, []string{row.ID}) {
		t.Errorf("by transactionID: %v", got)
	}
	if got, _ := allUsage(t, url, "<stationID>"+u.StationID+"</stationID><portNumber>"+u.PortNumber+"</portNumber>", 500); !slices.Contains(got, row.ID) {
		t.Errorf("by station and port: %v", got)
	}

	none, raw := fleetUsagePage(t, url, "<stationID>1:1</stationID>")
	if len(none.Usage) != 0 || *none.MoreFlag != "0" {
		t.Errorf("nothing matched\n%s", raw)
	}
	expectFault(t, url, query("getFleetUsageData", "<fraudDetectionStatus>Fine</fraudDetectionStatus>"), "soapenv:Client", "Session Validated")
	expectFault(t, url, query("getFleetUsageData", "<license>X</license>"), "soapenv:Client", "license")
	expectFault(t, url, query("getFleetUsageData", "<portNumber>1A</portNumber>"), "soapenv:Client", "xsd:int")
}
