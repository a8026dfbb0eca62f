package cpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/xsdtest"
)

// The reference's 5.0 ChargingSessionData item (§5.7) with the 5.1 fields S11 shows, in 5.1 order.
const referenceSession = `<ChargingSessionData><stationID>1:34003</stationID><stationName>ALCOGARSTATIONS / ALCOPARK 8 -004</stationName><portNumber>2</portNumber>` +
	`<Address>165 13th St, Oakland, California, 94612, United States</Address><City>Oakland</City><State>California</State>` +
	`<Country>United States</Country><postalCode>94612</postalCode><sessionID>53068029</sessionID><Energy>12.120572</Energy>` +
	`<startTime>2016-10-25T15:53:35Z</startTime><endTime>2016-10-25T20:14:46Z</endTime>` +
	`<totalChargingDuration>63:45:20</totalChargingDuration><totalSessionDuration>03:33:36</totalSessionDuration><userID>452777</userID>` +
	`<startBatteryPercentage>0.0</startBatteryPercentage><stopBatteryPercentage>0.0</stopBatteryPercentage>` +
	`<recordNumber>1</recordNumber><credentialID>490178743</credentialID><endedBy>Plug Out at Vehicle</endedBy>` +
	`<vehicleMake>Nissan</vehicleMake><vehicleModel>Leaf</vehicleModel><vehicleModelYear>2019</vehicleModelYear><vehicleType>BEV</vehicleType>` +
	`<vehiclePortMAC>00:11:22:33:44:55</vehiclePortMAC><driverOptedOut>true</driverOptedOut>` +
	`<driverOptOutTimestamp>2016-10-25T16:00:00Z</driverOptOutTimestamp><paymentTerminalInfo>T-1</paymentTerminalInfo></ChargingSessionData>`

// schemaValid returns response after checking its operation element against the 5.1 XSD, so that the
// fake answers are ones ChargePoint could send.
func schemaValid(t *testing.T, response string) string {
	t.Helper()
	xsdtest.Validate(t, xsdtest.BodyElement(t, []byte(response)))
	return response
}

func TestGetChargingSessionDataDecodesEveryField(t *testing.T) {
	response := schemaValid(t, soapOK("getChargingSessionData", ok100+referenceSession+`<MoreFlag>0</MoreFlag>`))
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, response) })
	got, err := fs.client(t).GetChargingSessionData(context.Background(), SessionSearchRequest{StationID: StringOf("1:34003")})
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) Time { v, _ := time.Parse(time.RFC3339, s); return TimeOf(v) }
	want := []ChargingSession{{
		StationID: StringOf("1:34003"), StationName: StringOf("ALCOGARSTATIONS / ALCOPARK 8 -004"), PortNumber: StringOf("2"),
		Address: StringOf("165 13th St, Oakland, California, 94612, United States"), City: StringOf("Oakland"), State: StringOf("California"),
		Country: StringOf("United States"), PostalCode: StringOf("94612"), SessionID: IntOf(53068029), Energy: sent("12.120572"),
		StartTime: at("2016-10-25T15:53:35Z"), EndTime: at("2016-10-25T20:14:46Z"),
		TotalChargingDuration: StringOf("63:45:20"), TotalChargingDurationSeconds: IntOf(63*3600 + 45*60 + 20),
		TotalSessionDuration: StringOf("03:33:36"), TotalSessionDurationSeconds: IntOf(3*3600 + 33*60 + 36),
		UserID: StringOf("452777"), StartBatteryPercentage: sent("0"), StopBatteryPercentage: sent("0"), RecordNumber: IntOf(1),
		CredentialID: StringOf("490178743"), EndedBy: StringOf("Plug Out at Vehicle"), VehicleMake: StringOf("Nissan"),
		VehicleModel: StringOf("Leaf"), VehicleModelYear: StringOf("2019"), VehicleType: StringOf("BEV"),
		VehiclePortMAC: StringOf("00:11:22:33:44:55"), DriverOptedOut: BoolOf(true), DriverOptOutTimestamp: at("2016-10-25T16:00:00Z"),
		PaymentTerminalInfo: StringOf("T-1"),
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded\n got %+v\nwant %+v", got, want)
	}
}

func TestGetChargingSessionDataRequest(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getChargingSessionData", ok100+`<MoreFlag>0</MoreFlag>`))
	})
	from := time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("CET", 3600))
	q := SessionSearchRequest{SearchArea: SearchArea{Address: StringOf("1692 Dell Avenue"), City: StringOf("Campbell"), State: StringOf("CA"), Country: StringOf("United States"), PostalCode: StringOf("95008"), Proximity: FloatOf(2.5), ProximityUnit: StringOf("K"), Geo: &GeoPoint{Lat: FloatOf(37.26), Long: FloatOf(-121.95)}}, StationID: StringOf("1:81203"), SessionID: IntOf(53068029), UserID: StringOf("452777"), StationName: StringOf("HQ*"), FromTimeStamp: TimeOf(from), ToTimeStamp: TimeOf(from.Add(7 * 24 * time.Hour)), StationIDs: WrappedList[StationIDItem]{StringOf("1:1"), StringOf("1:2")}, ActiveSessionsOnly: BoolOf(true)}
	if _, err := fs.client(t).GetChargingSessionData(context.Background(), q); err != nil {
		t.Fatal(err)
	}
	body := sentOperation(t, fs, -1) // xsd:all: the schema checks every name and type, the order is free
	for _, want := range []string{
		`<urn:getChargingSessionData><searchQuery><stationID>1:81203</stationID><sessionID>53068029</sessionID>`,
		// Times go out in UTC with Z, whatever offset the configuration used.
		`<fromTimeStamp>2025-12-31T23:00:00Z</fromTimeStamp><toTimeStamp>2026-01-07T23:00:00Z</toTimeStamp><startRecord>1</startRecord>`,
		`<Geo><Lat>37.26</Lat><Long>-121.95</Long></Geo>`,
		`<stationIDs><stationID>1:1</stationID><stationID>1:2</stationID></stationIDs><activeSessionsOnly>true</activeSessionsOnly></searchQuery>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("request lacks %s:\n%s", want, body)
		}
	}
	// There is no page-size field (the page is always 100); the schema would reject one.
	if strings.Contains(body, "numStations") || strings.Contains(body, "numTransactions") {
		t.Errorf("request has a page size: %s", body)
	}
}

func TestGetChargingSessionDataEmptyQuery(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getChargingSessionData", ok100+`<MoreFlag>0</MoreFlag>`))
	})
	if _, err := fs.client(t).GetChargingSessionData(context.Background(), SessionSearchRequest{}); err != nil {
		t.Fatal(err)
	}
	want := `<urn:getChargingSessionData><searchQuery><startRecord>1</startRecord></searchQuery></urn:getChargingSessionData>`
	if body := sentOperation(t, fs, -1); body != want {
		t.Errorf("request body\n got %s\nwant %s", body, want)
	}
}

func TestGetChargingSessionDataNoMatchIsEmpty(t *testing.T) {
	// 136 comes without MoreFlag.
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getChargingSessionData", `<responseCode>136</responseCode><responseText>No charging session data found for given criteria.</responseText>`))
	})
	got, err := fs.client(t).GetChargingSessionData(context.Background(), SessionSearchRequest{StationID: StringOf("1:1")})
	if err != nil || len(got) != 0 {
		t.Fatalf("got %v, %v", got, err)
	}
	if len(fs.requests) != 1 {
		t.Errorf("%d calls", len(fs.requests))
	}
}

func TestGetChargingSessionDataOtherCodeIsAnError(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getChargingSessionData", `<responseCode>147</responseCode><responseText>Maximum 100 station IDs allowed.</responseText>`))
	})
	_, err := fs.client(t).GetChargingSessionData(context.Background(), SessionSearchRequest{})
	var re *ResponseError
	if !errors.As(err, &re) || re.Code != "147" || re.Operation != "getChargingSessionData" {
		t.Fatalf("err = %v", err)
	}
}

var sessionStartRE = regexp.MustCompile(`<startRecord>(\d+)</startRecord>`)

func sessionItem(id int, station string) string {
	return fmt.Sprintf(`<ChargingSessionData><stationID>%s</stationID><sessionID>%d</sessionID><Energy>1.5</Energy>`+
		`<totalChargingDuration>00:10:00</totalChargingDuration></ChargingSessionData>`, station, id)
}

// sessionServer serves n sessions per requested station (or n in all) in ChargePoint's fixed pages of
// 100, with the capital MoreFlag; flag names the more-flag element so the lower-case variant is tested too.
func sessionServer(t *testing.T, n int, flag string) *fakeServer {
	return newFakeServer(t, func(w http.ResponseWriter, body string) {
		stationIDs := sentStationIDs(body)
		if len(stationIDs) > MaxIDsPerCall {
			write(w, 200, soapOK("getChargingSessionData", `<responseCode>147</responseCode><responseText>Maximum 100 station IDs allowed.</responseText>`))
			return
		}
		if len(stationIDs) == 0 {
			stationIDs = []string{"1:0"}
		}
		var all []string
		for _, st := range stationIDs {
			k, _ := strconv.Atoi(strings.TrimPrefix(st, "1:"))
			for i := 1; i <= n; i++ {
				all = append(all, sessionItem(k*100000+i, st))
			}
		}
		start, _ := strconv.Atoi(sessionStartRE.FindStringSubmatch(body)[1])
		end := min(start-1+100, len(all))
		if len(all) == 0 {
			write(w, 200, soapOK("getChargingSessionData", `<responseCode>136</responseCode><responseText>No charging session data found for given criteria.</responseText>`))
			return
		}
		more := 0
		if end < len(all) {
			more = 1
		}
		write(w, 200, soapOK("getChargingSessionData", ok100+strings.Join(all[start-1:end], "")+fmt.Sprintf("<%s>%d</%s>", flag, more, flag)))
	})
}

func TestGetChargingSessionDataPagesByHundred(t *testing.T) {
	for _, tc := range []struct {
		n     int
		flag  string
		pages []string
	}{
		{0, "MoreFlag", []string{"1"}},
		{100, "MoreFlag", []string{"1"}},
		{250, "MoreFlag", []string{"1", "101", "201"}},
		{300, "MoreFlag", []string{"1", "101", "201"}},
		{150, "moreFlag", []string{"1", "101"}}, // the lower-case spelling some clients document
	} {
		t.Run(fmt.Sprint(tc.n, tc.flag), func(t *testing.T) {
			fs := sessionServer(t, tc.n, tc.flag)
			got, err := fs.client(t).GetChargingSessionData(context.Background(), SessionSearchRequest{})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tc.n {
				t.Fatalf("%d sessions, want %d", len(got), tc.n)
			}
			for i, s := range got {
				if s.SessionID != IntOf(int64(i+1)) || s.TotalChargingDurationSeconds != IntOf(600) {
					t.Fatalf("session %d = %+v", i, s)
				}
			}
			var starts []string
			for i := range fs.requests {
				starts = append(starts, sessionStartRE.FindStringSubmatch(sentOperation(t, fs, i))[1])
			}
			if !reflect.DeepEqual(starts, tc.pages) {
				t.Errorf("startRecords %v, want %v", starts, tc.pages)
			}
		})
	}
}

func TestGetChargingSessionDataPagingGuards(t *testing.T) {
	expectPagingGuards(t, "getChargingSessionData", sessionItem(1, "1:1")+sessionItem(2, "1:1")+`<MoreFlag>1</MoreFlag>`, `<MoreFlag>1</MoreFlag>`,
		func(c *Client) error {
			_, err := c.GetChargingSessionData(context.Background(), SessionSearchRequest{})
			return err
		})
}

// 250 station IDs: three calls of at most 100 IDs (each paged on its own), merged in order.
func TestGetChargingSessionDataBatchesStationIDs(t *testing.T) {
	fs := sessionServer(t, 1, "MoreFlag")
	var ids WrappedList[StationIDItem]
	for i := 1; i <= 250; i++ {
		ids = append(ids, StringOf(fmt.Sprintf("1:%d", i)))
	}
	ids = append(ids, StringOf("1:7")) // a duplicate is sent once
	got, err := fs.client(t).GetChargingSessionData(context.Background(), SessionSearchRequest{StationIDs: ids})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs.requests) != 3 {
		t.Fatalf("%d calls, want 3", len(fs.requests))
	}
	for i, want := range []int{100, 100, 50} {
		if n := len(sentStationIDs(sentOperation(t, fs, i))); n != want {
			t.Errorf("call %d sent %d station IDs, want %d", i, n, want)
		}
	}
	if len(got) != 250 || got[0].StationID.Value != "1:1" || got[249].StationID.Value != "1:250" {
		t.Errorf("merged %d sessions: first %v, last %v", len(got), got[0].StationID, got[len(got)-1].StationID)
	}
}

func TestParseDuration(t *testing.T) {
	for in, want := range map[string]int64{"00:00:00": 0, "00:42:10": 2530, "03:33:36": 12816, "63:45:20": 229520, "100:00:01": 360001} {
		if got, err := parseDuration(in); err != nil || got != want {
			t.Errorf("parseDuration(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "1:2", "00:60:00", "00:00:60", "00:5:00", "-1:00:00", "aa:00:00", "00:00:00:00", "1h"} {
		if _, err := parseDuration(in); err == nil {
			t.Errorf("parseDuration(%q) accepted", in)
		}
	}
}

func TestMalformedDurationNamesTheField(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getChargingSessionData", ok100+`<ChargingSessionData><sessionID>7</sessionID>`+
			`<totalChargingDuration>00:10:00</totalChargingDuration><totalSessionDuration>ten minutes</totalSessionDuration></ChargingSessionData><MoreFlag>0</MoreFlag>`))
	})
	_, err := fs.client(t).GetChargingSessionData(context.Background(), SessionSearchRequest{})
	if err == nil || !strings.Contains(err.Error(), `getChargingSessionData: session 7: totalSessionDuration: "ten minutes" is not a duration HH:MM:SS`) {
		t.Fatalf("err = %v", err)
	}
}

// An active session has no end and may have empty durations: null, not an error.
func TestActiveSessionEmptyDurationsAreNull(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getChargingSessionData", ok100+`<ChargingSessionData><sessionID>7</sessionID><endTime></endTime>`+
			`<totalChargingDuration></totalChargingDuration></ChargingSessionData><MoreFlag>0</MoreFlag>`))
	})
	got, err := fs.client(t).GetChargingSessionData(context.Background(), SessionSearchRequest{ActiveSessionsOnly: BoolOf(true)})
	if err != nil {
		t.Fatal(err)
	}
	if s := got[0]; s.EndTime.Valid || s.TotalChargingDurationSeconds.Valid || s.TotalSessionDurationSeconds.Valid {
		t.Errorf("session %+v", s)
	}
}

func TestGet15minChargingSessionDataRequest(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK("get15minChargingSessionData", ok100)) })
	c := fs.client(t)
	if _, err := c.Get15minChargingSessionData(context.Background(), SessionIntervalsRequest{SessionID: IntOf(53068029), EnergyConsumedInterval: BoolOf(false)}); err != nil {
		t.Fatal(err)
	}
	// Not wrapped in searchQuery: the elements sit directly under the operation element.
	want := `<urn:get15minChargingSessionData><sessionID>53068029</sessionID><energyConsumedInterval>false</energyConsumedInterval></urn:get15minChargingSessionData>`
	if body := sentOperation(t, fs, -1); body != want {
		t.Errorf("request body\n got %s\nwant %s", body, want)
	}
	expectSOAPAction(t, fs, "get15minChargingSessionData")
	if _, err := c.Get15minChargingSessionData(context.Background(), SessionIntervalsRequest{SessionID: IntOf(5)}); err != nil {
		t.Fatal(err)
	}
	if body, want := sentOperation(t, fs, -1), `<urn:get15minChargingSessionData><sessionID>5</sessionID></urn:get15minChargingSessionData>`; body != want {
		t.Errorf("request body\n got %s\nwant %s", body, want)
	}
}

// A repeated element that occurs once is still a list of one.
func TestGet15minChargingSessionDataOneInterval(t *testing.T) {
	response := schemaValid(t, soapOK("get15minChargingSessionData", ok100+`<sessionID>53068029</sessionID><stationID>1:34003</stationID><portNumber>2</portNumber>`+
		`<fifteenminData><stationTime>2016-10-25T16:00:00Z</stationTime><energyConsumed>1.25</energyConsumed><peakPower>6.6</peakPower><rollingPowerAvg>5.0</rollingPowerAvg></fifteenminData>`))
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, response) })
	got, err := fs.client(t).Get15minChargingSessionData(context.Background(), SessionIntervalsRequest{SessionID: IntOf(53068029)})
	if err != nil {
		t.Fatal(err)
	}
	want := SessionIntervals{SessionID: IntOf(53068029), StationID: StringOf("1:34003"), PortNumber: StringOf("2"),
		Intervals: []SessionInterval{{StationTime: TimeOf(time.Date(2016, 10, 25, 16, 0, 0, 0, time.UTC)), EnergyConsumed: sent("1.25"),
			PeakPower: sent("6.6"), RollingPowerAvg: sent("5")}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded\n got %+v\nwant %+v", got, want)
	}
}

func TestGet15minChargingSessionDataNoDataIsAnError(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("get15minChargingSessionData", `<responseCode>160</responseCode><responseText>No data found for given criteria.</responseText>`))
	})
	_, err := fs.client(t).Get15minChargingSessionData(context.Background(), SessionIntervalsRequest{SessionID: IntOf(1)})
	var re *ResponseError
	if !errors.As(err, &re) || re.Operation != "get15minChargingSessionData" || re.Code != "160" || re.Text != "No data found for given criteria." {
		t.Fatalf("err = %v", err)
	}
}
