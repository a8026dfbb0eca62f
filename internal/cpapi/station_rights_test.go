package cpapi

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestGetStationRightsRequestWithEveryFilter(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getStationRights", ok100+"<moreFlag>0</moreFlag>"))
	})
	station := StationSearchRequest{StationFilters: StationFilters{SearchArea: SearchArea{Address: StringOf("1692 Dell Avenue"), City: StringOf("Campbell"), State: StringOf("CA"), Country: StringOf("United States"), PostalCode: StringOf("95008"), Proximity: FloatOf(1.5), ProximityUnit: StringOf("K"), Geo: &GeoPoint{Lat: FloatOf(37.26), Long: FloatOf(-121.95)}}, StationID: StringOf("1:81203"), StationManufacturer: StringOf("Coulomb"), StationModel: StringOf("CT2025"), StationName: StringOf("CHARGEPOINT*"), Connector: StringOf("J1772"), Voltage: FloatOf(240), Current: FloatOf(30), Power: FloatOf(7.2), DemoSerialNumbers: WrappedList[SerialNumberItem]{StringOf("D1")}, Reservable: BoolOf(true), Level: StringOf("L2"), Mode: StringOf("3"), Pricing: &PricingOptions{StartTime: StringOf("08:00:00"), Duration: IntOf(60), EnergyRequired: FloatOf(10), VehiclePower: FloatOf(7.2)}}, SerialNumber: StringOf("SN1")}
	q := StationRightsSearchRequest{
		StationSearchRequest: station,
		OrgID:                StringOf("1:ORG00001"), CompanyID: StringOf("42"), OrganizationName: StringOf("Acme"),
		SgID: IntOf(39491), SgName: StringOf("AlcoPark 8"),
		ProvisionDateRange: &DateRange{StartDate: DateOf(time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)), EndDate: DateOf(time.Date(2016, 12, 31, 0, 0, 0, 0, time.UTC))},
		CurrentFault:       StringOf("GFCI Trip"), PortStatus: StringOf("AVAILABLE"), AdminStatus: StringOf("Active"),
		NetworkStatus: StringOf("Reachable"), ProvisionStatus: StringOf("Provisioned"),
	}
	if _, err := fs.client(t).GetStationRights(context.Background(), q); err != nil {
		t.Fatal(err)
	}
	body := requestBody(t, fs) // xsd:date for the range, xsd:long startRecord, every name checked by the schema (xsd:all: any order)
	for _, want := range []string{
		`<urn:getStationRights><searchQuery><stationID>1:81203</stationID>`,
		`<sgID>39491</sgID>`,
		`<provisionDateRange><startDate>2016-01-01</startDate><endDate>2016-12-31</endDate></provisionDateRange>`,
		`<startRecord>1</startRecord>`,
		`<provisionStatus>Provisioned</provisionStatus></searchQuery></urn:getStationRights>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("request lacks %s:\n%s", want, body)
		}
	}
	// The operation has no page-size field; sending one (numStations) would be rejected by the schema.
	if strings.Contains(body, "numStations") {
		t.Errorf("request has a page size: %s", body)
	}
}

func TestGetStationRightsEmptyQuery(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK("getStationRights", ok100)) })
	got, err := fs.client(t).GetStationRights(context.Background(), StationRightsSearchRequest{ProvisionDateRange: &DateRange{StartDate: DateOf(time.Date(2020, 2, 29, 0, 0, 0, 0, time.UTC))}})
	if err != nil || len(got) != 0 {
		t.Fatalf("got %v, %v", got, err)
	}
	if body, want := requestBody(t, fs), `<urn:getStationRights><searchQuery><startRecord>1</startRecord>`+
		`<provisionDateRange><startDate>2020-02-29</startDate></provisionDateRange></searchQuery></urn:getStationRights>`; body != want {
		t.Errorf("request body\n got %s\nwant %s", body, want)
	}
}

var rightsStartRE = regexp.MustCompile(`<startRecord>(\d+)</startRecord>`)

func rightsData(n int) string {
	return fmt.Sprintf(`<rightsData><sgID>%d</sgID><sgName>Group %d</sgName><stationRightsProfile>network_manager</stationRightsProfile>`+
		`<stationData><stationID>1:%d</stationID><stationName>ORG / S%d</stationName><stationSerialNum>SN%d</stationSerialNum>`+
		`<stationMacAddr>000D:6F00:0000:%04d</stationMacAddr><companyID>42</companyID></stationData></rightsData>`, n, n, n, n, n, n)
}

// The server decides the page size; the client must start each page after the records it has.
func TestGetStationRightsPaging(t *testing.T) {
	const pageSize = 4
	for _, n := range []int{0, 1, 4, 9, 12} { // 4 and 12: the last page is exactly full
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			var starts []string
			fs := newFakeServer(t, func(w http.ResponseWriter, body string) {
				start, _ := strconv.Atoi(rightsStartRE.FindStringSubmatch(body)[1])
				starts = append(starts, strconv.Itoa(start))
				end := min(start-1+pageSize, n)
				var page strings.Builder
				for i := start; i <= end; i++ {
					page.WriteString(rightsData(i))
				}
				more := 0
				if end < n {
					more = 1
				}
				write(w, 200, soapOK("getStationRights", ok100+page.String()+fmt.Sprintf("<moreFlag>%d</moreFlag>", more)))
			})
			got, err := fs.client(t).GetStationRights(context.Background(), StationRightsSearchRequest{})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != n {
				t.Fatalf("%d rights records, want %d", len(got), n)
			}
			for i, r := range got {
				if r.SgID != IntOf(int64(i+1)) || r.Stations[0].StationID.Value != fmt.Sprintf("1:%d", i+1) {
					t.Fatalf("record %d = %+v", i, r)
				}
			}
			var want []string
			for s := 1; s == 1 || s <= n; s += pageSize {
				want = append(want, strconv.Itoa(s))
			}
			if fmt.Sprint(starts) != fmt.Sprint(want) {
				t.Errorf("startRecords sent %v, want %v", starts, want)
			}
		})
	}
}

func TestGetStationRightsRepeatedPageStops(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getStationRights", ok100+rightsData(1)+rightsData(2)+"<moreFlag>1</moreFlag>"))
	})
	_, err := fs.client(t).GetStationRights(context.Background(), StationRightsSearchRequest{})
	if pe, ok := err.(*PagingError); !ok || pe.Operation != "getStationRights" || pe.StartRecord != 3 {
		t.Fatalf("err = %#v", err)
	}
}

func TestGetStationRightsDecodesReferenceItem(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getStationRights", ok100+`<rightsData><sgID>39491</sgID><sgName>AlcoPark 8</sgName><stationRightsProfile>network_manager</stationRightsProfile>`+
			`<stationData><stationID>1:34003</stationID><stationName>ALCOGARSTATIONS / ALCOPARK 8 -004</stationName>`+
			`<stationSerialNum>115110013369</stationSerialNum><stationMacAddr>000D:6F00:0154:F1FC</stationMacAddr></stationData></rightsData><moreFlag>0</moreFlag>`))
	})
	got, err := fs.client(t).GetStationRights(context.Background(), StationRightsSearchRequest{})
	if err != nil {
		t.Fatal(err)
	}
	want := []StationRights{{SgID: IntOf(39491), SgName: StringOf("AlcoPark 8"), StationRightsProfile: StringOf("network_manager"),
		Stations: []StationWithRights{{StationID: StringOf("1:34003"), StationName: StringOf("ALCOGARSTATIONS / ALCOPARK 8 -004"),
			StationSerialNum: StringOf("115110013369"), StationMacAddr: StringOf("000D:6F00:0154:F1FC")}}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded\n got %+v\nwant %+v", got, want)
	}
}

func TestGetStationRightsProfile(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getStationRightsProfile", ok100+`<taskList><Task>view_station</Task><Description>View station details</Description></taskList>`+
			`<taskList><Task>shed_load</Task><Description>Shed load on the station</Description></taskList>`))
	})
	c := fs.client(t)
	cases := []struct {
		q    StationRightsProfileRequest
		want string
	}{
		{StationRightsProfileRequest{SgID: IntOf(39491)}, `<urn:getStationRightsProfile><sgID>39491</sgID></urn:getStationRightsProfile>`},
		{StationRightsProfileRequest{SgID: IntOf(39491), StationRightsProfile: StringOf("network_manager")},
			`<urn:getStationRightsProfile><sgID>39491</sgID><stationRightsProfile>network_manager</stationRightsProfile></urn:getStationRightsProfile>`},
	}
	for _, tc := range cases {
		got, err := c.GetStationRightsProfile(context.Background(), tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if body := requestBody(t, fs); body != tc.want {
			t.Errorf("request body\n got %s\nwant %s", body, tc.want)
		}
		want := []RightsTask{
			{Task: StringOf("view_station"), Description: StringOf("View station details")},
			{Task: StringOf("shed_load"), Description: StringOf("Shed load on the station")},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("decoded\n got %+v\nwant %+v", got, want)
		}
	}
	checkSOAPAction(t, fs, "getStationRightsProfile")
}

func TestGetStationRightsProfileUnknownGroup(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, invalidSgID("getStationRightsProfile")) })
	_, err := fs.client(t).GetStationRightsProfile(context.Background(), StationRightsProfileRequest{SgID: IntOf(1)})
	checkInvalidSgID(t, "getStationRightsProfile", err)
}
