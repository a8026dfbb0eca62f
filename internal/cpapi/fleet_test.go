package cpapi

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"testing"
	"time"
)

func TestGetFleetVehiclesRequestWithEveryFilter(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getFleetVehicles", ok100+"<moreFlag>0</moreFlag>"))
	})
	q := FleetVehicleSearchRequest{
		FleetVehicleID: StringOf("FV-1"), FleetName: StringOf("Campus shuttles"), VehicleID: StringOf("SH-04"), VIN: StringOf("1N4AZ1CP8JC312345"),
		License: StringOf("8ABC123"), Color: StringOf("White"), Make: StringOf("Nissan"), Model: StringOf("Leaf"), Year: IntOf(2018),
		FleetUserID: StringOf("FU-9"), CredentialID: StringOf("CPFL0000205756"), OrgID: StringOf("1:ORG00509"), OrganizationName: StringOf("Acme"),
		TelematicsProvider: StringOf("Geotab"), TelematicsStatus: StringOf("Connected"),
		ModifiedSince:          TimeOf(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)),
		FleetVehicleCreateDate: DateOf(time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)),
		VehicleChargingStatus:  StringOf("Not Plugged In"),
	}
	if _, err := fs.client(t).GetFleetVehicles(context.Background(), q); err != nil {
		t.Fatal(err)
	}
	body := validSearchQuery(t, fs) // xsd:date, the chargingType enum and xsd:int year checked by the schema
	want := `<urn:getFleetVehicles><searchQuery><fleetVehicleID>FV-1</fleetVehicleID><fleetName>Campus shuttles</fleetName>` +
		`<vehicleID>SH-04</vehicleID><VIN>1N4AZ1CP8JC312345</VIN><license>8ABC123</license><color>White</color><make>Nissan</make>` +
		`<model>Leaf</model><year>2018</year><fleetUserID>FU-9</fleetUserID><credentialID>CPFL0000205756</credentialID>` +
		`<orgID>1:ORG00509</orgID><organizationName>Acme</organizationName><telematicsProvider>Geotab</telematicsProvider>` +
		`<telematicsStatus>Connected</telematicsStatus><startRecord>1</startRecord><numRecords>500</numRecords>` +
		`<modifiedSince>2026-01-01T00:00:00Z</modifiedSince><fleetVehicleCreateDate>2024-02-29</fleetVehicleCreateDate>` +
		`<vehicleChargingStatus>Not Plugged In</vehicleChargingStatus></searchQuery></urn:getFleetVehicles>`
	if body != want {
		t.Errorf("request body\n got %s\nwant %s", body, want)
	}
	checkSOAPActionOf(t, fs, "getFleetVehicles")
}

func TestGetFleetVehiclesDecodesVehicle(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getFleetVehicles", ok100+`<fleetVehicle><recordNumber>1</recordNumber><lastModifiedTimestamp>2026-01-20T12:00:00Z</lastModifiedTimestamp>
<fleetVehicleID>FV-1</fleetVehicleID><fleetName>Campus shuttles</fleetName><vehicleID>SH-04</vehicleID><VIN>1N4AZ1CP8JC312345</VIN>
<license>8ABC123</license><color>White</color><make>Nissan</make><model>Leaf</model><year>2018</year><fleetUserID>FU-9</fleetUserID>
<credentialIDs><credentialID>CPFL0000205756</credentialID><credentialID>CPFL0000205757</credentialID></credentialIDs>
<orgID>1:ORG00509</orgID><organizationName>Acme</organizationName><telematicsProvider>Geotab</telematicsProvider><telematicsStatus>Connected</telematicsStatus>
<fleetVehicleCreateDate>2024-02-29T17:30:00Z</fleetVehicleCreateDate><vehicleChargingStatus>Not Plugged In</vehicleChargingStatus></fleetVehicle><moreFlag>0</moreFlag>`))
	})
	got, err := fs.client(t).GetFleetVehicles(context.Background(), FleetVehicleSearchRequest{})
	if err != nil {
		t.Fatal(err)
	}
	want := []FleetVehicle{{
		RecordNumber: IntOf(1), LastModifiedTimestamp: TimeOf(time.Date(2026, 1, 20, 12, 0, 0, 0, time.UTC)), FleetVehicleID: StringOf("FV-1"),
		FleetName: StringOf("Campus shuttles"), VehicleID: StringOf("SH-04"), VIN: StringOf("1N4AZ1CP8JC312345"), License: StringOf("8ABC123"),
		Color: StringOf("White"), Make: StringOf("Nissan"), Model: StringOf("Leaf"), Year: IntOf(2018), FleetUserID: StringOf("FU-9"),
		CredentialIDs: WrappedList[CredentialIDItem]{StringOf("CPFL0000205756"), StringOf("CPFL0000205757")},
		OrgID:         StringOf("1:ORG00509"), OrganizationName: StringOf("Acme"), TelematicsProvider: StringOf("Geotab"), TelematicsStatus: StringOf("Connected"),
		FleetVehicleCreateDate: TimeOf(time.Date(2024, 2, 29, 17, 30, 0, 0, time.UTC)), VehicleChargingStatus: StringOf("Not Plugged In"),
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded\n got %+v\nwant %+v", got, want)
	}
}

var fleetVehiclesPaging = pagedOp[FleetVehicle]{
	op: "getFleetVehicles", sizeElem: "numRecords",
	item: func(n int) string {
		return fmt.Sprintf(`<fleetVehicle><recordNumber>%d</recordNumber><fleetVehicleID>%d</fleetVehicleID><year>2020</year></fleetVehicle>`, n, n)
	},
	page: func(items string, more bool) string { return items + "<moreFlag>" + flag(more) + "</moreFlag>" },
	fetch: func(c *Client) ([]FleetVehicle, error) {
		return c.GetFleetVehicles(context.Background(), FleetVehicleSearchRequest{})
	},
	id: func(v FleetVehicle) string { return v.FleetVehicleID.Value },
}

func TestGetFleetVehiclesPaging(t *testing.T) { checkPaging(t, fleetVehiclesPaging) }
func TestGetFleetVehiclesRepeatedPageStops(t *testing.T) {
	checkRepeatedPageStops(t, fleetVehiclesPaging)
}

func TestGetFleetUsageDataRequestWithEveryFilter(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getFleetUsageData", ok100+"<moreFlag>0</moreFlag>"))
	})
	q := FleetUsageSearchRequest{
		TransactionID: IntOf(9000000001), TransactionType: StringOf("Session"), FleetVehicleID: StringOf("FV-1"), FleetName: StringOf("Campus shuttles"),
		VehicleID: StringOf("SH-04"), License: StringOf("8ABC123"), FleetDriverID: StringOf("FD-3"), CredentialID: StringOf("CPFL0000205756"),
		FleetOrgID: StringOf("1:ORG00509"), FleetOrgName: StringOf("Acme"), FraudDetectionStatus: StringOf("Suspect (More than 1 active session for fleet vehicle)"),
		FromTimeStamp: TimeOf(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)), ToTimeStamp: TimeOf(time.Date(2026, 1, 31, 23, 59, 59, 0, time.UTC)),
		StationOrgName: StringOf("ChargePoint"), StationName: StringOf("CHARGEPOINT / HQ 5"), Address: StringOf("1692 Dell Ave"), City: StringOf("Campbell"),
		State: StringOf("California"), PostalCode: StringOf("95008"), Country: StringOf("United States"), PaymentType: StringOf("Fleet"),
		StationID: StringOf("1:81203"), PortNumber: IntOf(2), ID: StringOf("U-77"),
	}
	if _, err := fs.client(t).GetFleetUsageData(context.Background(), q); err != nil {
		t.Fatal(err)
	}
	body := validSearchQuery(t, fs) // fraudDetectionTypes and transTypes enums checked by the schema
	want := `<urn:getFleetUsageData><searchQuery><transactionID>9000000001</transactionID><transactionType>Session</transactionType>` +
		`<fleetVehicleID>FV-1</fleetVehicleID><fleetName>Campus shuttles</fleetName><vehicleID>SH-04</vehicleID><License>8ABC123</License>` +
		`<fleetDriverID>FD-3</fleetDriverID><credentialID>CPFL0000205756</credentialID><fleetOrgID>1:ORG00509</fleetOrgID><fleetOrgName>Acme</fleetOrgName>` +
		`<fraudDetectionStatus>Suspect (More than 1 active session for fleet vehicle)</fraudDetectionStatus>` +
		`<fromTimeStamp>2026-01-01T00:00:00Z</fromTimeStamp><toTimeStamp>2026-01-31T23:59:59Z</toTimeStamp><stationOrgName>ChargePoint</stationOrgName>` +
		`<stationName>CHARGEPOINT / HQ 5</stationName><Address>1692 Dell Ave</Address><City>Campbell</City><State>California</State>` +
		`<postalCode>95008</postalCode><Country>United States</Country><paymentType>Fleet</paymentType><startRecord>1</startRecord>` +
		`<numRecords>500</numRecords><stationID>1:81203</stationID><portNumber>2</portNumber><ID>U-77</ID></searchQuery></urn:getFleetUsageData>`
	if body != want {
		t.Errorf("request body\n got %s\nwant %s", body, want)
	}
	checkSOAPActionOf(t, fs, "getFleetUsageData")
}

func TestGetFleetUsageDataDecodesSession(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getFleetUsageData", ok100+`<fleetUsageData><recordNumber>1</recordNumber><fleetVehicleID>FV-1</fleetVehicleID>
<fleetName>Campus shuttles</fleetName><vehicleID>SH-04</vehicleID><License>8ABC123</License><fleetDriverID>FD-3</fleetDriverID>
<credentialID>CPFL0000205756</credentialID><fleetOrgID>1:ORG00509</fleetOrgID><fleetOrgName>Acme</fleetOrgName><fleetUserID>FU-9</fleetUserID>
<fraudDetectionStatus>Session Validated</fraudDetectionStatus><transactionID>9000000001</transactionID><transactionType>Session</transactionType>
<transactionTime>2026-01-15T18:42:07Z</transactionTime><Energy>12.345</Energy><gasolineSavings>1.53</gasolineSavings><ghgSavings>5.2</ghgSavings>
<fleetCustomerID>FC-1</fleetCustomerID><Odometer>48211.5</Odometer><startTime>2026-01-15T16:00:00Z</startTime><endTime>2026-01-15T18:40:00Z</endTime>
<startSOC>22.5</startSOC><endSOC>80</endSOC><chargingTime>01:42:30</chargingTime><sessionDuration>02:40:00</sessionDuration>
<portType>L2</portType><plugType>J1772</plugType><Currency>USD</Currency><Fee>4.5</Fee><paymentID>P-1</paymentID>
<paymentSourceAccount>ACME-FLEET</paymentSourceAccount><paymentType>Fleet</paymentType><pricingRule>Employees</pricingRule>
<stationOrgName>ChargePoint</stationOrgName><stationName>CHARGEPOINT / HQ 5</stationName><Address>1692 Dell Ave</Address><City>Campbell</City>
<State>California</State><postalCode>95008</postalCode><Country>United States</Country><VIN>1N4AZ1CP8JC312345</VIN><stationID>1:81203</stationID>
<portNumber>2</portNumber><ID>U-77</ID></fleetUsageData><moreFlag>0</moreFlag>`))
	})
	got, err := fs.client(t).GetFleetUsageData(context.Background(), FleetUsageSearchRequest{})
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) Time { v, _ := time.Parse(time.RFC3339, s); return TimeOf(v) }
	want := []FleetUsage{{
		RecordNumber: IntOf(1), FleetVehicleID: StringOf("FV-1"), FleetName: StringOf("Campus shuttles"), VehicleID: StringOf("SH-04"),
		License: StringOf("8ABC123"), FleetDriverID: StringOf("FD-3"), CredentialID: StringOf("CPFL0000205756"), FleetOrgID: StringOf("1:ORG00509"),
		FleetOrgName: StringOf("Acme"), FleetUserID: StringOf("FU-9"), FraudDetectionStatus: StringOf("Session Validated"),
		TransactionID: IntOf(9000000001), TransactionType: StringOf("Session"), TransactionTime: at("2026-01-15T18:42:07Z"), Energy: sent("12.345"),
		GasolineSavings: sent("1.53"), GhgSavings: sent("5.2"), FleetCustomerID: StringOf("FC-1"), Odometer: sent("48211.5"),
		StartTime: at("2026-01-15T16:00:00Z"), EndTime: at("2026-01-15T18:40:00Z"), StartSOC: sent("22.5"), EndSOC: sent("80"),
		ChargingTime: StringOf("01:42:30"), ChargingTimeSeconds: IntOf(6150), SessionDuration: StringOf("02:40:00"), SessionDurationSeconds: IntOf(9600),
		PortType: StringOf("L2"), PlugType: StringOf("J1772"), Currency: StringOf("USD"), Fee: sent("4.5"), PaymentID: StringOf("P-1"),
		PaymentSourceAccount: StringOf("ACME-FLEET"), PaymentType: StringOf("Fleet"), PricingRule: StringOf("Employees"),
		StationOrgName: StringOf("ChargePoint"), StationName: StringOf("CHARGEPOINT / HQ 5"), Address: StringOf("1692 Dell Ave"), City: StringOf("Campbell"),
		State: StringOf("California"), PostalCode: StringOf("95008"), Country: StringOf("United States"), VIN: StringOf("1N4AZ1CP8JC312345"),
		StationID: StringOf("1:81203"), PortNumber: IntOf(2), ID: StringOf("U-77"),
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded\n got %+v\nwant %+v", got, want)
	}
}

func TestClockSeconds(t *testing.T) {
	for in, want := range map[string]Int{
		"00:00:00": IntOf(0), "01:42:30": IntOf(6150), "23:59:59": IntOf(86399), "63:45:20": IntOf(229520),
		"02:40:00.500": IntOf(9600), "02:40:00Z": IntOf(9600), "02:40:00-08:00": IntOf(9600),
		"": {}, "2:4": {}, "01:60:00": {}, "PT2H": {}, " 01:00:00": {},
	} {
		if got := clockSeconds(StringOf(in)); got != want {
			t.Errorf("clockSeconds(%q) = %v, want %v", in, got, want)
		}
	}
	if got := clockSeconds(String{}); got.Valid {
		t.Errorf("absent clock = %v, want null", got)
	}
}

var fleetUsagePaging = pagedOp[FleetUsage]{
	op: "getFleetUsageData", sizeElem: "numRecords",
	item: func(n int) string {
		return fmt.Sprintf(`<fleetUsageData><recordNumber>%d</recordNumber><transactionID>%d</transactionID><chargingTime>00:%02d:00</chargingTime></fleetUsageData>`, n, n, n)
	},
	page: func(items string, more bool) string { return items + "<moreFlag>" + flag(more) + "</moreFlag>" },
	fetch: func(c *Client) ([]FleetUsage, error) {
		return c.GetFleetUsageData(context.Background(), FleetUsageSearchRequest{})
	},
	id: func(u FleetUsage) string {
		if u.ChargingTimeSeconds != IntOf(u.TransactionID.Value*60) { // every page's durations are converted
			return "bad seconds " + u.ChargingTimeSeconds.String()
		}
		return u.TransactionID.String()
	},
}

func TestGetFleetUsageDataPaging(t *testing.T) { checkPaging(t, fleetUsagePaging) }
func TestGetFleetUsageDataRepeatedPageStops(t *testing.T) {
	checkRepeatedPageStops(t, fleetUsagePaging)
}
