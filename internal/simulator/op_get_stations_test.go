package simulator

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func stationsPage(t *testing.T, url, inner string) (*tStationList, []byte) {
	t.Helper()
	return call[tStationList](t, url, "getStations", query("getStations", inner))
}

// TestGetStationsSeedStation checks every stationDataExtended field of the seed station.
func TestGetStationsSeedStation(t *testing.T) {
	_, url := startServer(t, Options{})
	resp, raw := stationsPage(t, url, `<stationID>1:81203</stationID>`)
	if resp.ResponseCode != "100" || resp.ResponseText != "API input request executed successfully." || len(resp.Stations) != 1 ||
		resp.MoreFlag == nil || *resp.MoreFlag != "0" {
		t.Fatalf("unexpected response\n%s", raw)
	}
	got := resp.Stations[0]
	want := map[string]string{
		"recordNumber": got.RecordNumber, "stationID": got.StationID, "stationName": got.Name, "Address": got.Address,
		"stationActivationDate": got.ActivationDate, "numPorts": got.NumPorts, "lastModifiedDate": got.LastModifiedDate,
		"modTimeStamp": got.ModTimeStamp, "warrantyExpirationDate": got.WarrantyExpirationDate, "warrantyService": got.WarrantyService,
		"warrantyType": got.WarrantyType, "servicePlanExpiryDate": got.ServicePlanExpiryDate,
		"servicePlanAutoRenewDate": got.ServicePlanAutoRenewDate, "demo": got.Demo, "orgID": got.OrgID, "companyID": got.CompanyID,
		"organizationName": got.OrganizationName, "sgID": got.SgID, "sgName": got.SgName, "siteValidated": got.SiteValidated,
		"siteValidationDate": got.SiteValidationDate, "wanIpAddress": got.WanIPAddress, "networkStatus": got.NetworkStatus,
		"stationFirmware": got.StationFirmware, "stationReception": got.StationReception, "radioGroupID": got.RadioGroupID,
		"driverName": got.DriverName,
	}
	for name, value := range map[string]string{
		"recordNumber": "1", "stationID": "1:81203", "stationName": "CHARGEPOINT / HQ 5", "Address": "1692 Dell Ave",
		"stationActivationDate": "2012-10-02T18:00:00Z", "numPorts": "2", "lastModifiedDate": "2012-11-15T01:29:16Z",
		"modTimeStamp": "2012-11-15T01:29:16Z", "warrantyExpirationDate": "2027-10-02T00:00:00Z", "warrantyService": "Assure",
		"warrantyType": "Parts and Labor", "servicePlanExpiryDate": "2027-10-01", "servicePlanAutoRenewDate": "2027-09-01",
		"demo": "0", "orgID": "1:ORG00001", "companyID": "1", "organizationName": "ChargePoint",
		"sgID": "20001, 20002", "sgName": "Campbell HQ, Garage West", "siteValidated": "true",
		"siteValidationDate": "2012-10-05T16:00:00Z", "wanIpAddress": "198.51.100.23", "networkStatus": "Reachable",
		"stationFirmware": "4.10.2.14", "stationReception": "4", "radioGroupID": "1000", "driverName": "",
	} {
		if want[name] != value {
			t.Errorf("%s = %q, want %q", name, want[name], value)
		}
	}
	if got.ManagedBy != nil {
		t.Errorf("seed station managed by %+v", got.ManagedBy)
	}
	if len(got.Ports) != 2 || got.Ports[0].Status != "AVAILABLE" || got.Ports[1].Status != "UNREACHABLE" || got.Ports[1].Power != "7.2" {
		t.Errorf("ports %+v", got.Ports)
	}
	if len(got.Pricing) != 1 || got.Pricing[0].UnitPricePerHour != "1.50" {
		t.Errorf("pricing %+v", got.Pricing)
	}
}

// TestGetStationsEveryStation walks every station, public and private, in exactly full pages.
func TestGetStationsEveryStation(t *testing.T) {
	const stations, size = 59, 12 // 60 stations with the seed station: five full pages
	s, url := startServer(t, Options{Stations: stations, MaxPageSize: size})
	want := filterIDs(s.Dataset(), func(*Station) bool { return true })
	if !slices.ContainsFunc(s.Dataset().Stations(), func(st Station) bool { return !st.Public }) {
		t.Fatal("setup: no private station")
	}
	got := walkPages(t, len(want), size, "102", func(start int) pageResult {
		resp, raw := stationsPage(t, url, fmt.Sprintf("<startRecord>%d</startRecord><numStations>%d</numStations>", start, size+5))
		p := pageResult{code: resp.ResponseCode, ids: extIDs(resp.Stations), moreFlag: resp.MoreFlag, raw: raw}
		for _, st := range resp.Stations {
			p.records = append(p.records, st.RecordNumber)
		}
		return p
	})
	assertIDs(t, "every station", got, want)

	// numStations below the cap is honoured.
	resp, _ := stationsPage(t, url, "<startRecord>3</startRecord><numStations>4</numStations>")
	assertIDs(t, "numStations 4 from 3", extIDs(resp.Stations), want[2:6])
}

func TestGetStationsFilters(t *testing.T) {
	s, url := startServer(t, Options{})
	d := s.Dataset()
	var managed, validated, driver, demoSerial string
	for _, st := range d.Stations() {
		switch {
		case st.ManagedBy != "" && managed == "":
			managed = st.ID
		case st.DriverName != "" && driver == "":
			driver = st.ID
		}
		if st.Demo && demoSerial == "" {
			demoSerial = st.SerialNum
		}
		if !st.SiteValidated && validated == "" {
			validated = st.ID
		}
	}
	if managed == "" || driver == "" || demoSerial == "" || validated == "" {
		t.Fatalf("setup: managed %q driver %q demo %q not validated %q", managed, driver, demoSerial, validated)
	}
	activation := time.Date(2024, time.March, 1, 0, 0, 0, 0, time.UTC)
	inGroup := func(id int) func(st *Station) bool {
		return func(st *Station) bool {
			return slices.ContainsFunc(d.GroupsOf(st.ID), func(g Group) bool { return g.ID == id })
		}
	}
	near := func(lat, long, miles float64) func(st *Station) bool {
		return func(st *Station) bool { return haversineMiles(lat, long, st.Lat, st.Long) <= miles }
	}
	seattle := near(47.6062, -122.3321, 5)
	// Cases select few stations: full stationDataExtended answers are costly under -race.
	cases := []struct {
		name, query string
		want        []string
	}{
		{"orgID", `<orgID>4:org00318</orgID>`, filterIDs(d, func(st *Station) bool { return st.OrgID == "4:ORG00318" })},
		{"companyID", `<companyID>4512</companyID><State>CA</State>`,
			filterIDs(d, func(st *Station) bool { return st.OrgID == "1:ORG04512" && st.State == "California" })},
		{"organizationName", `<organizationName>maple leaf ev</organizationName>`, filterIDs(d, func(st *Station) bool { return st.OrganizationName == "Maple Leaf EV" })},
		{"sgID", `<sgID>20104</sgID>`, filterIDs(d, inGroup(20104))},
		{"sgName", `<sgName>Garage East</sgName>`, filterIDs(d, inGroup(20003))},
		{"sgID and Geo", `<sgID>` + fmt.Sprint(HealthyGroupID) + `</sgID><Geo><Lat>37.2872</Lat><Long>-121.95</Long></Geo><Proximity>4</Proximity>`,
			filterIDs(d, func(st *Station) bool { return inGroup(HealthyGroupID)(st) && near(37.2872, -121.95, 4)(st) })},
		{"radioGroupID", `<radioGroupID>1000</radioGroupID>`, filterIDs(d, func(st *Station) bool { return st.RadioGroupID == "1000" })},
		{"stationActivationDate: on or after", `<stationActivationDate>2024-03-01T00:00:00Z</stationActivationDate>`,
			filterIDs(d, func(st *Station) bool { return !st.ActivationDate.Before(activation) })},
		{"serialNumber", `<serialNumber>1211150072a4</serialNumber>`, []string{"1:81203"}},
		{"warrantyService", `<warrantyService>standard</warrantyService><City>Seattle</City>`,
			filterIDs(d, func(st *Station) bool { return st.WarrantyService == "Standard" && seattle(st) })},
		{"private station", `<stationID>` + firstPrivate(d) + `</stationID>`, []string{firstPrivate(d)}},
		{"demoSerialNumber", `<demoSerialNumber><serialNumber>` + demoSerial + `</serialNumber></demoSerialNumber>`,
			filterIDs(d, func(st *Station) bool { return st.SerialNum == demoSerial })},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, raw := stationsPage(t, url, c.query)
			if resp.ResponseCode != "100" {
				t.Fatalf("code %s\n%s", resp.ResponseCode, raw)
			}
			assertIDs(t, c.query, extIDs(resp.Stations), c.want)
		})
	}

	// Fields only some stations have.
	resp, _ := stationsPage(t, url, `<stationID>`+managed+`</stationID>`)
	if mb := resp.Stations[0].ManagedBy; mb == nil || mb.OrgID != "1:ORG00001" || mb.CompanyID != "1" || mb.OrganizationName != "ChargePoint" {
		t.Errorf("managedBy of %s: %+v", managed, mb)
	}
	resp, _ = stationsPage(t, url, `<stationID>`+driver+`</stationID>`)
	if st, _ := d.Station(driver); resp.Stations[0].DriverName != st.DriverName || !strings.HasSuffix(resp.Stations[0].DriverEmail, "@example.com") ||
		resp.Stations[0].DriverPhoneNumber == "" || resp.Stations[0].DriverAddress == "" {
		t.Errorf("driver fields of %s: %+v", driver, resp.Stations[0])
	}
	resp, _ = stationsPage(t, url, `<stationID>`+validated+`</stationID>`)
	if resp.Stations[0].SiteValidated != "false" || resp.Stations[0].SiteValidationDate != "" {
		t.Errorf("site validation of %s: %q %q", validated, resp.Stations[0].SiteValidated, resp.Stations[0].SiteValidationDate)
	}
}

func firstPrivate(d *Dataset) string {
	for _, st := range d.Stations() {
		if !st.Public {
			return st.ID
		}
	}
	return ""
}

func TestGetStationsNothingMatched(t *testing.T) {
	_, url := startServer(t, Options{})
	for name, q := range map[string]string{
		"unknown station":         `<stationID>1:1</stationID>`,
		"unknown organization":    `<orgID>1:ORG99999</orgID>`,
		"unknown group":           `<sgID>1</sgID>`,
		"group ID not a number":   `<sgID>Garage West</sgID>`,
		"group of another org":    `<sgName>Garage West</sgName><orgID>2:ORG01950</orgID>`,
		"unknown city":            `<City>Springfield</City>`,
		"activated in the future": `<stationActivationDate>2030-01-01T00:00:00Z</stationActivationDate>`,
		"past the last record":    `<stationID>1:81203</stationID><startRecord>2</startRecord>`,
	} {
		t.Run(name, func(t *testing.T) {
			resp, raw := stationsPage(t, url, q)
			if resp.ResponseCode != "102" || resp.ResponseText != "No station found for given criteria." || len(resp.Stations) != 0 || resp.MoreFlag != nil {
				t.Fatalf("want a bare 102, got\n%s", raw)
			}
		})
	}
	resp, _ := stationsPage(t, url, `<City>Campbell</City><proximityUnit>X</proximityUnit>`)
	if resp.ResponseCode != "145" {
		t.Errorf("bad proximityUnit: code %s", resp.ResponseCode)
	}
}

func TestGetStationsClientFaults(t *testing.T) {
	s, url := startServer(t, Options{})
	for _, c := range []struct{ name, body, want string }{
		{"missing searchQuery", opRequest("getStations", ""), "missing required element getStations/searchQuery"},
		{"unknown child", query("getStations", `<stationIDs><stationID>1:81203</stationID></stationIDs>`), "unknown element stationIDs in getStations/searchQuery"},
		{"bad dateTime", query("getStations", `<stationActivationDate>yesterday</stationActivationDate>`), "xsd:dateTime"},
		{"bad numStations", query("getStations", `<numStations>many</numStations>`), "searchQuery/numStations"},
		{"repeated orgID", query("getStations", `<orgID>a</orgID><orgID>b</orgID>`), "appears more than once"},
	} {
		t.Run(c.name, func(t *testing.T) { expectFault(t, url, c.body, "soapenv:Client", c.want) })
	}
	expectAuthFailure(t, s, url, "getStations", "<searchQuery/>")
}
