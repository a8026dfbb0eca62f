package simulator

import (
	"strconv"
	"testing"
	"time"
)

// Decoding types for the activity operations, written from the XSD independently of the simulator's
// own types. Optional elements are pointers, so the tests can tell "absent" from "empty".

type tLoadResponse struct {
	ResponseCode string         `xml:"responseCode"`
	ResponseText string         `xml:"responseText"`
	SgID         *string        `xml:"sgID"`
	NumStations  *string        `xml:"numStations"`
	GroupName    *string        `xml:"groupName"`
	SgLoad       *string        `xml:"sgLoad"`
	Stations     []tLoadStation `xml:"stationData"`
}

type tLoadStation struct {
	StationID   string      `xml:"stationID"`
	StationName string      `xml:"stationName"`
	Address     string      `xml:"Address"`
	StationLoad string      `xml:"stationLoad"`
	Ports       []tLoadPort `xml:"Port"`
}

type tLoadPort struct {
	PortNumber         string `xml:"portNumber"`
	UserID             string `xml:"userID"`
	CredentialID       string `xml:"credentialID"`
	ShedState          string `xml:"shedState"`
	PortLoad           string `xml:"portLoad"`
	AllowedLoad        string `xml:"allowedLoad"`
	PercentShed        string `xml:"percentShed"`
	SessionID          string `xml:"sessionID"`
	LastBatteryPercent string `xml:"lastBatteryPercent"`
}

type tSessionsResponse struct {
	ResponseCode  string     `xml:"responseCode"`
	ResponseText  string     `xml:"responseText"`
	Sessions      []tSession `xml:"ChargingSessionData"`
	MoreFlag      *string    `xml:"MoreFlag"`
	MoreFlagLower *string    `xml:"moreFlag"` // must never appear
}

type tSession struct {
	StationID              string  `xml:"stationID"`
	StationName            string  `xml:"stationName"`
	PortNumber             string  `xml:"portNumber"`
	Address                string  `xml:"Address"`
	City                   string  `xml:"City"`
	State                  string  `xml:"State"`
	Country                string  `xml:"Country"`
	PostalCode             string  `xml:"postalCode"`
	SessionID              string  `xml:"sessionID"`
	Energy                 string  `xml:"Energy"`
	StartTime              string  `xml:"startTime"`
	EndTime                *string `xml:"endTime"`
	TotalChargingDuration  string  `xml:"totalChargingDuration"`
	TotalSessionDuration   string  `xml:"totalSessionDuration"`
	UserID                 string  `xml:"userID"`
	StartBatteryPercentage string  `xml:"startBatteryPercentage"`
	StopBatteryPercentage  string  `xml:"stopBatteryPercentage"`
	RecordNumber           string  `xml:"recordNumber"`
	CredentialID           string  `xml:"credentialID"`
	EndedBy                string  `xml:"endedBy"`
	VehicleMake            string  `xml:"vehicleMake"`
	VehicleModel           string  `xml:"vehicleModel"`
	VehicleModelYear       string  `xml:"vehicleModelYear"`
	VehicleType            string  `xml:"vehicleType"`
	VehiclePortMAC         string  `xml:"vehiclePortMAC"`
	DriverOptedOut         string  `xml:"driverOptedOut"`
	DriverOptOutTimestamp  string  `xml:"driverOptOutTimestamp"`
	PaymentTerminalInfo    string  `xml:"paymentTerminalInfo"`
}

type tIntervalsResponse struct {
	ResponseCode string `xml:"responseCode"`
	ResponseText string `xml:"responseText"`
	SessionID    string `xml:"sessionID"`
	StationID    string `xml:"stationID"`
	PortNumber   string `xml:"portNumber"`
	Intervals    []struct {
		StationTime     string `xml:"stationTime"`
		EnergyConsumed  string `xml:"energyConsumed"`
		PeakPower       string `xml:"peakPower"`
		RollingPowerAvg string `xml:"rollingPowerAvg"`
	} `xml:"fifteenminData"`
}

type tAlarmsResponse struct {
	ResponseCode string   `xml:"responseCode"`
	ResponseText string   `xml:"responseText"`
	Alarms       []tAlarm `xml:"Alarms"`
	MoreFlag     *string  `xml:"moreFlag"`
}

type tAlarm struct {
	StationID           string  `xml:"stationID"`
	StationName         string  `xml:"stationName"`
	StationModel        string  `xml:"stationModel"`
	OrgID               string  `xml:"orgID"`
	CompanyID           string  `xml:"companyID"`
	OrganizationName    string  `xml:"organizationName"`
	StationManufacturer string  `xml:"stationManufacturer"`
	StationSerialNum    string  `xml:"stationSerialNum"`
	PortNumber          *string `xml:"portNumber"`
	AlarmType           string  `xml:"alarmType"`
	AlarmTime           string  `xml:"alarmTime"`
	RecordNumber        string  `xml:"recordNumber"`
}

type tUsersResponse struct {
	ResponseCode string `xml:"responseCode"`
	ResponseText string `xml:"responseText"`
	Users        *struct {
		User     []tUser `xml:"user"`
		MoreFlag *string `xml:"moreFlag"`
	} `xml:"users"`
	MoreFlagOutside *string `xml:"moreFlag"` // must never appear
}

type tCustomInfo struct {
	Key   string `xml:"Key"`
	Value string `xml:"Value"`
}

type tUser struct {
	LastModifiedTimestamp string `xml:"lastModifiedTimestamp"`
	UserID                string `xml:"userID"`
	FirstName             string `xml:"firstName"`
	LastName              string `xml:"lastName"`
	DriverEmail           string `xml:"driverEmail"`
	Connection            *struct {
		Status           string        `xml:"Status"`
		RequestTimeStamp string        `xml:"requestTimeStamp"`
		CustomInfos      []tCustomInfo `xml:"customInfos>customInfo"`
	} `xml:"Connection"`
	ManagementRealm *struct {
		Status          string        `xml:"Status"`
		SignupTimeStamp string        `xml:"signupTimeStamp"`
		CustomInfos     []tCustomInfo `xml:"customInfos>customInfo"`
	} `xml:"managementRealm"`
	CredentialIDs []string `xml:"credentialIDs>credentialID"`
	Home          *struct {
		SerialNumber   string `xml:"stationSerialNumber"`
		Status         string `xml:"stationStatus"`
		ModelNumber    string `xml:"stationModelNumber"`
		MacAddress     string `xml:"stationMacAddress"`
		ActivationDate string `xml:"stationActivationDate"`
	} `xml:"homeStationDetails"`
	RecordNumber string `xml:"recordNumber"`
}

type tTransactionsResponse struct {
	ResponseCode string `xml:"responseCode"`
	ResponseText string `xml:"responseText"`
	Transactions *struct {
		Data     []tTransaction `xml:"transactionData"`
		MoreFlag *string        `xml:"MoreFlag"` // must never appear inside
	} `xml:"transactions"`
	MoreFlag *string `xml:"MoreFlag"`
}

type tTransaction struct {
	StationID                 string  `xml:"stationID"`
	StationName               string  `xml:"stationName"`
	StationMacAddr            string  `xml:"stationMacAddr"`
	PortNumber                string  `xml:"portNumber"`
	OrganizationName          string  `xml:"organizationName"`
	PricingRuleName           string  `xml:"pricingRuleName"`
	TransactionType           string  `xml:"transactionType"`
	TransactionID             string  `xml:"transactionID"`
	Energy                    string  `xml:"Energy"`
	TransactionTime           string  `xml:"transactionTime"`
	StartTime                 string  `xml:"startTime"`
	EndTime                   string  `xml:"endTime"`
	Currency                  string  `xml:"Currency"`
	GrossAmount               string  `xml:"grossAmount"`
	FlexBillingServiceFee     string  `xml:"flexBillingServiceFee"`
	NetRevenue                string  `xml:"netRevenue"`
	ExchangeRateUSD           string  `xml:"exchangeRateUSD"`
	CompanyID                 string  `xml:"companyID"`
	RecordNumber              string  `xml:"recordNumber"`
	AnonymousCreditCardNumber *string `xml:"anonymousCreditCardNumber"`
	TaxAmount                 string  `xml:"taxAmount"`
	NetAmount                 string  `xml:"netAmount"`
}

type tFleetVehiclesResponse struct {
	ResponseCode string          `xml:"responseCode"`
	ResponseText string          `xml:"responseText"`
	Vehicles     []tFleetVehicle `xml:"fleetVehicle"`
	MoreFlag     *string         `xml:"moreFlag"`
}

type tFleetVehicle struct {
	RecordNumber           string   `xml:"recordNumber"`
	LastModifiedTimestamp  string   `xml:"lastModifiedTimestamp"`
	FleetVehicleID         string   `xml:"fleetVehicleID"`
	FleetName              string   `xml:"fleetName"`
	VehicleID              string   `xml:"vehicleID"`
	VIN                    string   `xml:"VIN"`
	License                string   `xml:"license"`
	Color                  string   `xml:"color"`
	Make                   string   `xml:"make"`
	Model                  string   `xml:"model"`
	Year                   string   `xml:"year"`
	FleetUserID            string   `xml:"fleetUserID"`
	CredentialIDs          []string `xml:"credentialIDs>credentialID"`
	OrgID                  string   `xml:"orgID"`
	OrganizationName       string   `xml:"organizationName"`
	TelematicsProvider     string   `xml:"telematicsProvider"`
	TelematicsStatus       string   `xml:"telematicsStatus"`
	FleetVehicleCreateDate string   `xml:"fleetVehicleCreateDate"`
	VehicleChargingStatus  string   `xml:"vehicleChargingStatus"`
}

type tFleetUsageResponse struct {
	ResponseCode string        `xml:"responseCode"`
	ResponseText string        `xml:"responseText"`
	Usage        []tFleetUsage `xml:"fleetUsageData"`
	MoreFlag     *string       `xml:"moreFlag"`
}

type tFleetUsage struct {
	RecordNumber         string `xml:"recordNumber"`
	FleetVehicleID       string `xml:"fleetVehicleID"`
	License              string `xml:"License"`
	CredentialID         string `xml:"credentialID"`
	FleetUserID          string `xml:"fleetUserID"`
	TransactionID        string `xml:"transactionID"`
	Energy               string `xml:"Energy"`
	StartTime            string `xml:"startTime"`
	EndTime              string `xml:"endTime"`
	ChargingTime         string `xml:"chargingTime"`
	SessionDuration      string `xml:"sessionDuration"`
	Fee                  string `xml:"Fee"`
	Currency             string `xml:"Currency"`
	StationID            string `xml:"stationID"`
	PortNumber           string `xml:"portNumber"`
	ID                   string `xml:"ID"`
	FraudDetectionStatus string `xml:"fraudDetectionStatus"`
}

// Small parsing helpers for assertions.

func mustFloat(t testing.TB, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return v
}

func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatalf("%q is not an RFC 3339 time", s)
	}
	return v
}

func flagIs(p *string, want string) bool { return p != nil && *p == want }

// stamp is the wire form of a time in the queries.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }
