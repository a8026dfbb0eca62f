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
)

// The reference's Alarms item (§5.7), with the 5.1 companyID.
const referenceAlarm = `<Alarms><stationID>1:33973</stationID><stationName>ALCOGARSTATIONS / ALCOPARK 8 -003</stationName><stationModel>CT2100-HD-CCR</stationModel>` +
	`<orgID>1:ORG07225</orgID><companyID>7225</companyID><organizationName>Alameda County</organizationName><stationManufacturer></stationManufacturer>` +
	`<stationSerialNum>115110013418</stationSerialNum><portNumber></portNumber><alarmType>Reachable</alarmType>` +
	`<alarmTime>2016-09-26T12:19:16Z</alarmTime><recordNumber>1</recordNumber></Alarms>`

func TestGetAlarmsDecodesReferenceItem(t *testing.T) {
	response := schemaValid(t, soapOK("getAlarms", ok100+referenceAlarm+`<moreFlag>0</moreFlag>`))
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, response) })
	got, err := fs.client(t).GetAlarms(context.Background(), AlarmsQuery{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Alarm{{StationID: StringOf("1:33973"), StationName: StringOf("ALCOGARSTATIONS / ALCOPARK 8 -003"), StationModel: StringOf("CT2100-HD-CCR"),
		OrgID: StringOf("1:ORG07225"), CompanyID: StringOf("7225"), OrganizationName: StringOf("Alameda County"), StationManufacturer: StringOf(""),
		StationSerialNum: StringOf("115110013418"), PortNumber: StringOf(""), AlarmType: StringOf("Reachable"),
		AlarmTime: TimeOf(time.Date(2016, 9, 26, 12, 19, 16, 0, time.UTC)), RecordNumber: IntOf(1)}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded\n got %+v\nwant %+v", got, want)
	}
	expectSOAPAction(t, fs, "getAlarms")
}

func TestGetAlarmsRequest(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getAlarms", ok100+`<moreFlag>0</moreFlag>`))
	})
	start := time.Date(2026, 1, 31, 8, 0, 0, 0, time.FixedZone("PST", -8*3600))
	q := AlarmsQuery{
		OrgID: StringOf("1:ORG07225"), CompanyID: StringOf("7225"), OrganizationName: StringOf("Alameda County"),
		StationID: StringOf("1:33973"), StationName: StringOf("ALCO*"), SgID: IntOf(39491), SgName: StringOf("AlcoPark 8"),
		StartTime: TimeOf(start), EndTime: TimeOf(start.Add(time.Hour)), PortNumber: StringOf("2"),
		StationIDs: WrappedList[StationIDItem]{StringOf("1:1")},
	}
	c := fs.client(t)
	c.pageSize = 50
	if _, err := c.GetAlarms(context.Background(), q); err != nil {
		t.Fatal(err)
	}
	body := sentOperation(t, fs, -1)
	for _, want := range []string{
		`<urn:getAlarms><searchQuery><orgID>1:ORG07225</orgID>`,
		`<sgID>39491</sgID>`,
		`<startTime>2026-01-31T16:00:00Z</startTime><endTime>2026-01-31T17:00:00Z</endTime>`, // in UTC with Z
		// The page size goes in numTransactions, the only page-size field getAlarms has.
		`<startRecord>1</startRecord><numTransactions>50</numTransactions>`,
		`<stationIDs><stationID>1:1</stationID></stationIDs></searchQuery></urn:getAlarms>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("request lacks %s:\n%s", want, body)
		}
	}
}

func TestGetAlarmsNoAlarmsIsEmpty(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getAlarms", `<responseCode>153</responseCode><responseText>No alarms found.</responseText>`))
	})
	got, err := fs.client(t).GetAlarms(context.Background(), AlarmsQuery{StationID: StringOf("1:1")})
	if err != nil || len(got) != 0 {
		t.Fatalf("got %v, %v", got, err)
	}
}

func TestGetAlarmsOtherCodeIsAnError(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getAlarms", `<responseCode>147</responseCode><responseText>Maximum 100 station IDs allowed.</responseText>`))
	})
	_, err := fs.client(t).GetAlarms(context.Background(), AlarmsQuery{})
	var re *ResponseError
	if !errors.As(err, &re) || re.Code != "147" || re.Operation != "getAlarms" {
		t.Fatalf("err = %v", err)
	}
}

var alarmPageRE = regexp.MustCompile(`<startRecord>(\d+)</startRecord><numTransactions>(\d+)</numTransactions>`)

func alarmItem(station string, n int) string {
	return fmt.Sprintf(`<Alarms><stationID>%s</stationID><alarmType>Reachable</alarmType><alarmTime>2026-01-01T00:00:00Z</alarmTime>`+
		`<recordNumber>%d</recordNumber></Alarms>`, station, n)
}

// alarmServer answers perStation alarms for each requested station (or for "1:0" without a list) in
// pages of the requested numTransactions; 147 for more than 100 IDs, 153 when there is nothing.
func alarmServer(t *testing.T, perStation int) *fakeServer {
	return newFakeServer(t, func(w http.ResponseWriter, body string) {
		ids := sentStationIDs(body)
		if len(ids) > MaxIDsPerCall {
			write(w, 200, soapOK("getAlarms", `<responseCode>147</responseCode><responseText>Maximum 100 station IDs allowed.</responseText>`))
			return
		}
		if len(ids) == 0 {
			ids = []string{"1:0"}
		}
		var all []string
		for _, id := range ids {
			for i := 0; i < perStation; i++ {
				all = append(all, alarmItem(id, len(all)+1))
			}
		}
		if len(all) == 0 {
			write(w, 200, soapOK("getAlarms", `<responseCode>153</responseCode><responseText>No alarms found.</responseText>`))
			return
		}
		m := alarmPageRE.FindStringSubmatch(body)
		start, _ := strconv.Atoi(m[1])
		size, _ := strconv.Atoi(m[2])
		end := min(start-1+size, len(all))
		more := 0
		if end < len(all) {
			more = 1
		}
		write(w, 200, soapOK("getAlarms", ok100+strings.Join(all[start-1:end], "")+fmt.Sprintf("<moreFlag>%d</moreFlag>", more)))
	})
}

func TestGetAlarmsPaging(t *testing.T) {
	for _, n := range []int{0, 1, 7, 20, 21} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			fs := alarmServer(t, n)
			c := fs.client(t)
			c.pageSize = 7
			got, err := c.GetAlarms(context.Background(), AlarmsQuery{})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != n {
				t.Fatalf("%d alarms, want %d", len(got), n)
			}
			for i, a := range got {
				if a.RecordNumber != IntOf(int64(i+1)) {
					t.Fatalf("alarm %d has record %v", i, a.RecordNumber)
				}
			}
			if want := max(1, (n+6)/7); len(fs.requests) != want {
				t.Errorf("%d calls, want %d", len(fs.requests), want)
			}
		})
	}
}

func TestGetAlarmsPagingGuards(t *testing.T) {
	expectPagingGuards(t, "getAlarms", alarmItem("1:1", 1)+alarmItem("1:1", 2)+`<moreFlag>1</moreFlag>`, `<moreFlag>1</moreFlag>`,
		func(c *Client) error { _, err := c.GetAlarms(context.Background(), AlarmsQuery{}); return err })
}

// 250 station IDs: three calls of at most 100, each paged on its own, merged in order.
func TestGetAlarmsBatchesStationIDs(t *testing.T) {
	fs := alarmServer(t, 2)
	c := fs.client(t)
	c.pageSize = 150 // the first two batches (200 alarms each) need two pages, the last (100) one
	var ids WrappedList[StationIDItem]
	for i := 1; i <= 250; i++ {
		ids = append(ids, StringOf(fmt.Sprintf("1:%d", i)))
	}
	got, err := c.GetAlarms(context.Background(), AlarmsQuery{StationIDs: ids})
	if err != nil {
		t.Fatal(err)
	}
	var sent []int
	for i := range fs.requests {
		sent = append(sent, len(sentStationIDs(sentOperation(t, fs, i))))
	}
	if want := []int{100, 100, 100, 100, 50}; !reflect.DeepEqual(sent, want) {
		t.Errorf("station IDs per call %v, want %v", sent, want)
	}
	if len(got) != 500 || got[0].StationID.Value != "1:1" || got[499].StationID.Value != "1:250" {
		t.Errorf("merged %d alarms", len(got))
	}
}
