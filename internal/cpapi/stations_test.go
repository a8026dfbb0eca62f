package cpapi

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/xsdtest"
)

const noStation102 = `<responseCode>102</responseCode><responseText>No station found for given criteria.</responseText>`

var (
	startRecordTagRE = regexp.MustCompile(`<startRecord>(\d+)</startRecord>`)
	numStationsTagRE = regexp.MustCompile(`<numStations>(\d+)</numStations>`)
	stationIDsTagRE  = regexp.MustCompile(`<stationIDs>(.*?)</stationIDs>`)
	stationIDTagRE   = regexp.MustCompile(`<stationID>([^<]*)</stationID>`)
)

// fixture reads a captured-style response from testdata and checks, in a subtest, that it is valid
// against the 5.1 XSD, so the decoding tests rest on schema-true XML.
func fixture(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("fixture matches the XSD", func(t *testing.T) { xsdtest.Validate(t, xsdtest.BodyElement(t, data)) })
	return string(data)
}

// validRequest checks, in a subtest, that a request body element is valid against the 5.1 XSD.
func validRequest(t *testing.T, envelope string) {
	t.Helper()
	t.Run("request matches the XSD", func(t *testing.T) { xsdtest.Validate(t, xsdtest.BodyElement(t, []byte(envelope))) })
}

func requestedIDs(body string) []string {
	m := stationIDsTagRE.FindStringSubmatch(body)
	if m == nil {
		return nil
	}
	var ids []string
	for _, id := range stationIDTagRE.FindAllStringSubmatch(m[1], -1) {
		ids = append(ids, id[1])
	}
	return ids
}

func numberedIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("1:%d", i+1)
	}
	return ids
}

// pagedOpServer answers op like ChargePoint pages: the records [startRecord, startRecord+numStations) of
// the IDs that match the request, each rendered by item, with moreFlag; 102 when nothing matches.
func pagedOpServer(t *testing.T, op string, match func(body string) []string, item func(id string) string) *fakeServer {
	return newFakeServer(t, func(w http.ResponseWriter, body string) {
		ids := match(body)
		if len(ids) == 0 {
			write(w, 200, soapOK(op, noStation102))
			return
		}
		start, size := 1, len(ids)
		if m := startRecordTagRE.FindStringSubmatch(body); m != nil {
			start, _ = strconv.Atoi(m[1])
		}
		if m := numStationsTagRE.FindStringSubmatch(body); m != nil {
			size, _ = strconv.Atoi(m[1])
		}
		end := min(start-1+size, len(ids))
		var b strings.Builder
		b.WriteString(ok100)
		for _, id := range ids[start-1 : end] {
			b.WriteString(item(id))
		}
		more := 0
		if end < len(ids) {
			more = 1
		}
		fmt.Fprintf(&b, "<moreFlag>%d</moreFlag>", more)
		write(w, 200, soapOK(op, b.String()))
	})
}

func inventoryStation(id string) string {
	return `<stationData><recordNumber>1</recordNumber><stationID>` + id + `</stationID><orgID>1:ORG1</orgID>` +
		`<organizationName>Org</organizationName><sgID>7, 8</sgID></stationData>`
}

func TestGetStationsRequestCarriesEveryFilter(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK("getStations", ok100)) })
	q := StationSearchRequestExtended{
		StationSearchRequest: guideQuery(),
		OrgID:                StringOf("1:ORG08313"), CompanyID: StringOf("8313"), OrganizationName: StringOf("SchneiderDemo"),
		SgID: StringOf("48981"), RadioGroupID: StringOf("RG-1"), SgName: StringOf("Demo"),
		StationActivationDate: TimeOf(time.Date(2013, 8, 14, 16, 2, 11, 0, time.UTC)), WarrantyService: StringOf("Assure"),
	}
	q.SerialNumber = StringOf("1307311001A0")
	q.Level = StringOf("L2")
	if _, err := fs.client(t).GetStations(context.Background(), q); err != nil {
		t.Fatal(err)
	}
	body := fs.last().body
	validRequest(t, body)
	for _, want := range []string{
		"<urn:getStations><searchQuery>", "<Address>1692 Dell Avenue</Address>", "<proximityUnit>M</proximityUnit>",
		"<serialNumber>1307311001A0</serialNumber>", "<Level>L2</Level>",
		"<orgID>1:ORG08313</orgID>", "<companyID>8313</companyID>", "<organizationName>SchneiderDemo</organizationName>",
		"<sgID>48981</sgID>", "<radioGroupID>RG-1</radioGroupID>", "<sgName>Demo</sgName>",
		"<stationActivationDate>2013-08-14T16:02:11Z</stationActivationDate>", "<warrantyService>Assure</warrantyService>",
		"<startRecord>1</startRecord><numStations>500</numStations>",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("request lacks %s:\n%s", want, body)
		}
	}
	if got := fs.last().header.Get("SOAPAction"); got != `"urn:provider/interface/chargepointservices/getStations"` {
		t.Errorf("SOAPAction %s", got)
	}
}

func TestGetStationsEmptyQueryStillSendsSearchQuery(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK("getStations", ok100)) })
	if _, err := fs.client(t).GetStations(context.Background(), StationSearchRequestExtended{}); err != nil {
		t.Fatal(err)
	}
	body := string(xsdtest.BodyElement(t, []byte(fs.last().body)))
	if !strings.Contains(body, "<searchQuery><startRecord>1</startRecord><numStations>500</numStations></searchQuery>") {
		t.Errorf("an empty query must send only the paging controls: %s", body)
	}
	validRequest(t, fs.last().body)
}

func TestGetStationsDecodes51Station(t *testing.T) {
	resp := fixture(t, "getStations_response.xml")
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, resp) })
	got, err := fs.client(t).GetStations(context.Background(), StationSearchRequestExtended{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d stations", len(got))
	}
	s := got[0]
	checks := map[string][2]any{
		"record":         {s.RecordNumber, IntOf(1)},
		"id":             {s.StationID, StringOf("1:87063")},
		"name":           {s.StationName, StringOf("SCHNEIDER_DEMO / DEMO1")},
		"description":    {s.Description, StringOf("-")},
		"activation":     {s.StationActivationDate, TimeOf(time.Date(2013, 8, 14, 16, 2, 11, 0, time.UTC))},
		"address":        {s.Address, StringOf("8001 Knightdale Blvd ")},
		"ports":          {len(s.Ports), 2},
		"ports sorted":   {s.Ports[0].PortNumber.Value + "," + s.Ports[1].PortNumber.Value, "1,2"}, // sent 2, 1
		"port power":     {s.Ports[0].Power, sent("6.6")},
		"reservable":     {s.Ports[0].Reservable, BoolOf(true)},
		"connectors":     {len(s.Ports[0].Connectors), 2},
		"fault reason":   {s.Ports[0].Connectors[1].ConnectorFaultReason, StringOf("Ground fault")},
		"pricing":        {len(s.Pricing), 1},
		"per kWh":        {s.Pricing[0].UnitPricePerKWh, sent("0.2")},
		"num ports":      {s.NumPorts, IntOf(2)},
		"last modified":  {s.LastModifiedDate, TimeOf(time.Date(2024, 5, 2, 11, 20, 0, 0, time.UTC))},
		"warranty end":   {s.WarrantyExpirationDate, TimeOf(time.Date(2026, 8, 14, 0, 0, 0, 0, time.UTC))},
		"warranty type":  {s.WarrantyType, StringOf("Extended")},
		"plan expiry":    {s.ServicePlanExpiryDate, DateOf(time.Date(2027, 1, 31, 0, 0, 0, 0, time.UTC))},
		"plan renew":     {s.ServicePlanAutoRenewDate, DateOf(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))},
		"demo":           {s.Demo, StringOf("0")},
		"org":            {s.OrgID, StringOf("1:ORG08313")},
		"company":        {s.CompanyID, StringOf("8313")},
		"sg id raw":      {s.SgID, StringOf("48981, 49683, 38623")},
		"site validated": {s.SiteValidated, BoolOf(true)},
		"validated at":   {s.SiteValidationDate, TimeOf(time.Date(2019, 6, 3, 14, 0, 0, 0, time.UTC))},
		"wan ip":         {s.WanIPAddress, StringOf("203.0.113.17")},
		"network":        {s.NetworkStatus, StringOf("Reachable")},
		"firmware":       {s.StationFirmware, StringOf("4.5.0.27")},
		"reception":      {s.StationReception, IntOf(4)},
		"radio group":    {s.RadioGroupID, StringOf("RG-1207")},
		"managed by":     {*s.ManagedBy, PartnerOrg{StringOf("1:ORG11111"), StringOf("11111"), StringOf("Volta Services")}},
	}
	for name, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s = %v, want %v", name, c[0], c[1])
		}
	}
	if !slices.Equal(s.SgIDs, []Int{IntOf(48981), IntOf(49683), IntOf(38623)}) {
		t.Errorf("sg_ids %v", s.SgIDs)
	}
	if !slices.Equal(s.SgNames, []String{StringOf("Demo"), StringOf("Raleigh Demo Stations"), StringOf("Public Stations")}) {
		t.Errorf("sg_names %v", s.SgNames)
	}
	minimal := got[1]
	if minimal.ManagedBy != nil || minimal.SgIDs == nil || len(minimal.SgIDs) != 0 || len(minimal.SgNames) != 0 || minimal.NumPorts != IntOf(0) {
		t.Errorf("a station without groups must have empty (not null) group lists and no managed_by: %+v", minimal)
	}
}

func TestSplitGroups(t *testing.T) {
	for raw, want := range map[string][]string{
		"":                   {},
		"48981":              {"48981"},
		"48981, 49683,38623": {"48981", "49683", "38623"},
		" 1 ,, 2 ":           {"1", "2"},
	} {
		var got []string
		for _, s := range splitList(StringOf(raw), ",") {
			got = append(got, s.Value)
		}
		if !slices.Equal(got, want) {
			t.Errorf("splitList(%q) = %q, want %q", raw, got, want)
		}
	}
	o := StationOwnership{SgName: StringOf("Lot A,B, Fleet")}
	o.splitGroups()
	if len(o.SgNames) != 2 || o.SgNames[0].Value != "Lot A,B" || o.SgNames[1].Value != "Fleet" {
		t.Errorf("names are split at \", \" only: %v", o.SgNames)
	}
}

// sg_ids are numbers; a part that is not a whole number is null in its place (so that sg_ids[i] stays
// the group of sg_names[i]) and is named by UnparsedValues, never dropped.
func TestSplitGroupIDsAsNumbers(t *testing.T) {
	for raw, want := range map[string]struct {
		ids []Int
		bad []string // the parts UnparsedValues names
	}{
		"":                         {[]Int{}, nil},
		"48981":                    {[]Int{IntOf(48981)}, nil},
		"48981, 49683,38623":       {[]Int{IntOf(48981), IntOf(49683), IntOf(38623)}, nil},
		" 1 ,, 2 ":                 {[]Int{IntOf(1), IntOf(2)}, nil},
		"48981, abc, 7.5, 49683":   {[]Int{IntOf(48981), {}, {}, IntOf(49683)}, []string{"abc", "7.5"}},
		"99999999999999999999, -3": {[]Int{{}, IntOf(-3)}, []string{"99999999999999999999"}},
		"48981;49683":              {[]Int{{}}, []string{"48981;49683"}},
	} {
		s := Station{StationOwnership: StationOwnership{SgID: StringOf(raw)}}
		s.StationID = StringOf("1:81203")
		s.splitGroups()
		if !slices.Equal(s.SgIDs, want.ids) {
			t.Errorf("sg_ids of %q = %v, want %v", raw, s.SgIDs, want.ids)
		}
		var wantMessages []string
		for _, b := range want.bad {
			wantMessages = append(wantMessages, fmt.Sprintf("station 1:81203: %q of sg_id %q is not a whole number (null in sg_ids)", b, raw))
		}
		if got := s.UnparsedValues(); !slices.Equal(got, wantMessages) {
			t.Errorf("UnparsedValues of %q = %q, want %q", raw, got, wantMessages)
		}
	}
	var _ UnparsedValues = (*CustomGroupStation)(nil)
	c := CustomGroupStation{StationOwnership: StationOwnership{SgID: StringOf("12, x")}}
	c.StationID = StringOf("1:5")
	c.splitGroups()
	if got := c.UnparsedValues(); len(got) != 1 || got[0] != `station 1:5: "x" of sg_id "12, x" is not a whole number (null in sg_ids)` {
		t.Errorf("custom group station: %q", got)
	}
}

func TestGetStations50ShapeNameFromPort(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getStations", ok100+`<stationData><stationID>1:87063</stationID><Port><portNumber>1</portNumber>`+
			`<stationName>SCHNEIDER_DEMO / DEMO1</stationName><Description>-</Description></Port><orgID>1:ORG08313</orgID>`+
			`<organizationName>SchneiderDemo</organizationName><sgID>48981, 49683</sgID></stationData>`))
	})
	got, err := fs.client(t).GetStations(context.Background(), StationSearchRequestExtended{})
	if err != nil {
		t.Fatal(err)
	}
	if got[0].StationName.Value != "SCHNEIDER_DEMO / DEMO1" || got[0].Description.Value != "-" || len(got[0].SgIDs) != 2 {
		t.Errorf("decoded %+v", got[0])
	}
}

func TestGetStationsNoMatchIsEmpty(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK("getStations", noStation102)) })
	got, err := fs.client(t).GetStations(context.Background(), StationSearchRequestExtended{})
	if err != nil || len(got) != 0 || len(fs.requests) != 1 {
		t.Errorf("got %v, %v after %d calls", got, err, len(fs.requests))
	}
}

func TestGetStationsOtherCodeIsAnError(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getStations", `<responseCode>101</responseCode><responseText>Access denied.</responseText>`))
	})
	_, err := fs.client(t).GetStations(context.Background(), StationSearchRequestExtended{})
	if err == nil || err.Error() != "getStations: ChargePoint answered responseCode 101: Access denied." {
		t.Errorf("err = %v", err)
	}
}

func TestGetStationsPaging(t *testing.T) {
	for _, n := range []int{1, 4, 5, 15, 16} { // page size 5: 5 and 15 end on an exactly full page
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			ids := numberedIDs(n)
			fs := pagedOpServer(t, "getStations", func(string) []string { return ids }, inventoryStation)
			c := fs.client(t)
			c.pageSize = 5
			got, err := c.GetStations(context.Background(), StationSearchRequestExtended{})
			if err != nil {
				t.Fatal(err)
			}
			var gotIDs []string
			for _, s := range got {
				gotIDs = append(gotIDs, s.StationID.Value)
				if len(s.SgIDs) != 2 {
					t.Fatalf("sg_ids not derived on every page: %+v", s)
				}
			}
			if !slices.Equal(gotIDs, ids) {
				t.Fatalf("ids %v, want %v", gotIDs, ids)
			}
			if want := (n + 4) / 5; len(fs.requests) != want {
				t.Errorf("%d calls, want %d", len(fs.requests), want)
			}
		})
	}
}

func TestGetStationByID(t *testing.T) {
	fs := pagedOpServer(t, "getStations", func(body string) []string {
		if m := stationIDTagRE.FindStringSubmatch(body); m != nil && m[1] == "1:2" {
			return []string{"1:2"}
		}
		return nil
	}, inventoryStation)
	got, err := fs.client(t).GetStationByID(context.Background(), StationByID{StationID: StringOf("1:2")})
	if err != nil || len(got) != 1 || got[0].StationID.Value != "1:2" {
		t.Fatalf("got %v, %v", got, err)
	}
	validRequest(t, fs.last().body)
	if got, err := fs.client(t).GetStationByID(context.Background(), StationByID{StationID: StringOf("1:3")}); err != nil || len(got) != 0 {
		t.Errorf("unknown station: %v, %v", got, err)
	}
}
