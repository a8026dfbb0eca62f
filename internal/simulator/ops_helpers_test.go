package simulator

import (
	"bytes"
	"encoding/xml"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Helpers for the tests of the operations other than getPublicStations. Like helpers_test.go, the
// decoding types are written from the XSD, independently of the simulator's own types.

// opRequest is an authenticated envelope holding <urn:{op}>inner</urn:{op}>.
func opRequest(op, inner string) string {
	return soapEnvelope(securityHeader(testKey, testPassword), `<urn:`+op+`>`+inner+`</urn:`+op+`>`)
}

// query is an authenticated envelope holding <urn:{op}><searchQuery>inner</searchQuery></urn:{op}>.
func query(op, inner string) string { return opRequest(op, "<searchQuery>"+inner+"</searchQuery>") }

// call posts envelope and decodes the response element (which must be {op}Response in ChargePoint's
// namespace, with unqualified children) into a T. It fails on anything but HTTP 200.
func call[T any](t testing.TB, url, op, envelope string) (*T, []byte) {
	t.Helper()
	res := post(t, url, envelope)
	if res.Status != http.StatusOK {
		t.Fatalf("%s: HTTP %d\n%s", op, res.Status, res.Body)
	}
	d := xml.NewDecoder(bytes.NewReader(res.Body))
	inBody := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			t.Fatalf("no %sResponse in\n%s", op, res.Body)
		}
		if err != nil {
			t.Fatal(err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !inBody {
			inBody = start.Name.Space == "http://schemas.xmlsoap.org/soap/envelope/" && start.Name.Local == "Body"
			continue
		}
		if start.Name.Space != nsCP || start.Name.Local != op+"Response" {
			t.Fatalf("body element {%s}%s, want %sResponse\n%s", start.Name.Space, start.Name.Local, op, res.Body)
		}
		var v T
		if err := d.DecodeElement(&v, &start); err != nil {
			t.Fatalf("decoding %sResponse: %v\n%s", op, err, res.Body)
		}
		bodyChildrenUnqualified(t, res.Body, op+"Response")
		return &v, res.Body
	}
}

// tStationExt is stationDataExtended (and, without managedBy, customGroupstationDataExtended).
type tStationExt struct {
	tStation
	ActivationDate           string `xml:"stationActivationDate"`
	DriverName               string `xml:"driverName"`
	DriverAddress            string `xml:"driverAddress"`
	DriverEmail              string `xml:"driverEmail"`
	DriverPhoneNumber        string `xml:"driverPhoneNumber"`
	LastModifiedDate         string `xml:"lastModifiedDate"`
	WarrantyExpirationDate   string `xml:"warrantyExpirationDate"`
	WarrantyService          string `xml:"warrantyService"`
	WarrantyType             string `xml:"warrantyType"`
	ServicePlanExpiryDate    string `xml:"servicePlanExpiryDate"`
	ServicePlanAutoRenewDate string `xml:"servicePlanAutoRenewDate"`
	Demo                     string `xml:"demo"`
	OrgID                    string `xml:"orgID"`
	CompanyID                string `xml:"companyID"`
	OrganizationName         string `xml:"organizationName"`
	SgID                     string `xml:"sgID"`
	SgName                   string `xml:"sgName"`
	SiteValidated            string `xml:"siteValidated"`
	SiteValidationDate       string `xml:"siteValidationDate"`
	WanIPAddress             string `xml:"wanIpAddress"`
	NetworkStatus            string `xml:"networkStatus"`
	StationFirmware          string `xml:"stationFirmware"`
	StationReception         string `xml:"stationReception"`
	RadioGroupID             string `xml:"radioGroupID"`
	ManagedBy                *struct {
		OrgID            string `xml:"orgID"`
		CompanyID        string `xml:"companyID"`
		OrganizationName string `xml:"organizationName"`
	} `xml:"managedBy"`
}

// tStationList is getStationsResponse and getCustomGroupStationsResponse.
type tStationList struct {
	ResponseCode string        `xml:"responseCode"`
	ResponseText string        `xml:"responseText"`
	Stations     []tStationExt `xml:"stationData"`
	MoreFlag     *string       `xml:"moreFlag"`
}

func extIDs(stations []tStationExt) []string {
	out := make([]string, len(stations))
	for i, s := range stations {
		out[i] = s.StationID
	}
	return out
}

// pageResult is what a paged operation returned for one page.
type pageResult struct {
	code     string
	ids      []string // one per item, in order
	records  []string // recordNumber of each item, or nil when the items have none
	moreFlag *string
	raw      []byte
}

// walkPages fetches the pages of a result set of n items (n a multiple of size, so the last page is
// exactly full) with fetch(startRecord), checking each page's size, record numbers and moreFlag, and
// a past-the-end page with pastEnd's code. It returns every item's ID in order.
func walkPages(t *testing.T, n, size int, pastEndCode string, fetch func(start int) pageResult) []string {
	t.Helper()
	if n%size != 0 || n/size < 2 {
		t.Fatalf("setup: %d items in pages of %d is not several exactly full pages", n, size)
	}
	var all []string
	for start := 1; start <= n; start += size {
		p := fetch(start)
		if p.code != "100" || len(p.ids) != size {
			t.Fatalf("page at %d: code %s, %d items, want %d\n%s", start, p.code, len(p.ids), size, p.raw)
		}
		if p.records != nil {
			for i, r := range p.records {
				if r != strconv.Itoa(start+i) {
					t.Fatalf("page at %d: item %d has recordNumber %s", start, i, r)
				}
			}
		}
		wantMore := "1"
		if start+size > n {
			wantMore = "0"
		}
		if p.moreFlag == nil || *p.moreFlag != wantMore {
			t.Fatalf("page at %d of %d: moreFlag %v, want %s", start, n, p.moreFlag, wantMore)
		}
		all = append(all, p.ids...)
	}
	if p := fetch(n + 1); p.code != pastEndCode || len(p.ids) != 0 {
		t.Errorf("startRecord past the end: code %s, %d items, want %s and none", p.code, len(p.ids), pastEndCode)
	}
	return all
}

// divisorBetween returns a divisor of n in [lo, n/2], or 0.
func divisorBetween(n, lo int) int {
	for d := lo; d <= n/2; d++ {
		if n%d == 0 {
			return d
		}
	}
	return 0
}

// filterIDs returns the IDs of the stations keep accepts, in data set order.
func filterIDs(d *Dataset, keep func(st *Station) bool) []string {
	var out []string
	for _, st := range d.Stations() {
		if keep(&st) {
			out = append(out, st.ID)
		}
	}
	return out
}

func assertIDs(t *testing.T, what string, got, want []string) {
	t.Helper()
	if len(want) == 0 {
		t.Fatalf("%s: the expectation is empty, the test would be too weak", what)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("%s:\n got %d %v\nwant %d %v", what, len(got), got, len(want), want)
	}
}

// expectAuthFailure checks that a request with a wrong password is refused before reaching op.
func expectAuthFailure(t *testing.T, s *Server, url, op, inner string) {
	t.Helper()
	before := s.Calls(op)
	expectFault(t, url, soapEnvelope(securityHeader(testKey, "wrong"), `<urn:`+op+`>`+inner+`</urn:`+op+`>`),
		"wsse:InvalidSecurity", "UsernameToken processing failed")
	if s.Calls(op) != before {
		t.Errorf("%s: a request with a wrong password reached the handler", op)
	}
}

// tStatusList is getStationStatusResponse and getPublicStationStatusResponse.
type tStatusList struct {
	ResponseCode string           `xml:"responseCode"`
	ResponseText string           `xml:"responseText"`
	Stations     []tStationStatus `xml:"stationData"`
	Public       []tStationStatus `xml:"stationStatusData"`
	MoreFlag     *string          `xml:"moreFlag"`
}

// tStationStatus is oStatusdata and publicStatusdata.
type tStationStatus struct {
	StationID     string        `xml:"stationID"`
	Ports         []tPortStatus `xml:"Port"`
	RecordNumber  string        `xml:"recordNumber"`
	NetworkStatus *string       `xml:"networkStatus"`
}

// tPortStatus is portDataStatus and publicPortDataStatus.
type tPortStatus struct {
	PortNumber  string  `xml:"portNumber"`
	Status      string  `xml:"Status"`
	FaultReason *string `xml:"faultReason"`
	TimeStamp   string  `xml:"TimeStamp"`
	Connectors  []struct {
		Label  string `xml:"connectorLabel"`
		Status string `xml:"connectorStatus"`
	} `xml:"Connectors>Connector"`
	Connector *string `xml:"Connector"`
	Power     *string `xml:"Power"`
}

func statusIDs(stations []tStationStatus) []string {
	out := make([]string, len(stations))
	for i, s := range stations {
		out[i] = s.StationID
	}
	return out
}

func stationIDList(ids ...string) string {
	var b strings.Builder
	b.WriteString("<stationIDs>")
	for _, id := range ids {
		b.WriteString("<stationID>" + id + "</stationID>")
	}
	b.WriteString("</stationIDs>")
	return b.String()
}
