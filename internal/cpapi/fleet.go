package cpapi

import (
	"context"
	"regexp"
	"strconv"
)

// Fleets [5.1]: getFleetVehicles (the vehicles of an organization's fleets) and getFleetUsageData
// (their charging sessions).

var (
	opGetFleetVehicles = pagedOperation[FleetVehicleSearchRequest, getFleetVehiclesResponse, FleetVehicle]{
		operation: operation{name: "getFleetVehicles"},
		setPage:   func(q *FleetVehicleSearchRequest, start, size Int) { q.StartRecord, q.NumRecords = start, size },
		page:      func(r *getFleetVehiclesResponse) ([]FleetVehicle, bool) { return r.Vehicles, r.MoreFlag.Value },
		key:       func(v FleetVehicle) string { return v.FleetVehicleID.Value },
	}
	opGetFleetUsageData = pagedOperation[FleetUsageSearchRequest, getFleetUsageDataResponse, FleetUsage]{
		operation: operation{name: "getFleetUsageData"},
		setPage:   func(q *FleetUsageSearchRequest, start, size Int) { q.StartRecord, q.NumRecords = start, size },
		page:      func(r *getFleetUsageDataResponse) ([]FleetUsage, bool) { return r.Usage, r.MoreFlag.Value },
		key:       func(u FleetUsage) string { return u.TransactionID.String() + "\x00" + u.ID.Value },
	}
)

// FleetVehicleSearchRequest is getFleetVehicles' searchQuery (searchDataForFleetVehicles). Every filter
// is optional.
type FleetVehicleSearchRequest struct {
	FleetVehicleID         String `xml:"fleetVehicleID" desc:"Only the fleet vehicle with this ID."`
	FleetName              String `xml:"fleetName" desc:"Only vehicles of the fleet of this name."`
	VehicleID              String `xml:"vehicleID" desc:"Only the vehicle with this organization-assigned vehicle ID."`
	VIN                    String `xml:"VIN" desc:"Only the vehicle with this vehicle identification number."`
	License                String `xml:"license" desc:"Only the vehicle with this license plate."`
	Color                  String `xml:"color" desc:"Only vehicles of this color."`
	Make                   String `xml:"make" desc:"Only vehicles of this make, for example \"Nissan\"."`
	Model                  String `xml:"model" desc:"Only vehicles of this model, for example \"Leaf\"."`
	Year                   Int    `xml:"year" desc:"Only vehicles of this model year."`
	FleetUserID            String `xml:"fleetUserID" desc:"Only vehicles assigned to this fleet user."`
	CredentialID           String `xml:"credentialID" desc:"Only vehicles using this credential (RFID card serial number or mobile app identifier)."`
	OrgID                  String `xml:"orgID" desc:"Only vehicles of this organization, \"CPNID:CompanyID\"."`
	OrganizationName       String `xml:"organizationName" desc:"Only vehicles of the organization of this name."`
	TelematicsProvider     String `xml:"telematicsProvider" desc:"Only vehicles reporting through this telematics provider."`
	TelematicsStatus       String `xml:"telematicsStatus" desc:"Only vehicles with this telematics status."`
	StartRecord            Int    `xml:"startRecord" tf:"-"`
	NumRecords             Int    `xml:"numRecords" tf:"-"`
	ModifiedSince          Time   `xml:"modifiedSince" desc:"Only vehicles changed at or after this time, RFC 3339."`
	FleetVehicleCreateDate Date   `xml:"fleetVehicleCreateDate" desc:"Only vehicles added to the fleet on this day, YYYY-MM-DD."`
	VehicleChargingStatus  String `xml:"vehicleChargingStatus" validate:"oneof=Fault Charged Charging 'Not Plugged In'" desc:"Only vehicles in this charging state: Fault, Charged, Charging or Not Plugged In."`
}

// FleetVehicle is responseDataForFleetVehicles.
type FleetVehicle struct {
	RecordNumber           Int                           `xml:"recordNumber" desc:"Position of the vehicle in ChargePoint's result set (1-based)."`
	LastModifiedTimestamp  Time                          `xml:"lastModifiedTimestamp" desc:"Last change of the vehicle record, RFC 3339."`
	FleetVehicleID         String                        `xml:"fleetVehicleID" desc:"Fleet vehicle ID."`
	FleetName              String                        `xml:"fleetName" desc:"Name of the vehicle's fleet."`
	VehicleID              String                        `xml:"vehicleID" desc:"Organization-assigned vehicle ID."`
	VIN                    String                        `xml:"VIN" desc:"Vehicle identification number."`
	License                String                        `xml:"license" desc:"License plate."`
	Color                  String                        `xml:"color" desc:"Color."`
	Make                   String                        `xml:"make" desc:"Make."`
	Model                  String                        `xml:"model" desc:"Model."`
	Year                   Int                           `xml:"year" desc:"Model year."`
	FleetUserID            String                        `xml:"fleetUserID" desc:"Fleet user the vehicle is assigned to."`
	CredentialIDs          WrappedList[CredentialIDItem] `xml:"credentialIDs" desc:"Credentials the vehicle charges with, sorted."`
	OrgID                  String                        `xml:"orgID" desc:"Organization of the fleet, \"CPNID:CompanyID\"."`
	OrganizationName       String                        `xml:"organizationName" desc:"Name of the organization of the fleet."`
	TelematicsProvider     String                        `xml:"telematicsProvider" desc:"Telematics provider of the vehicle."`
	TelematicsStatus       String                        `xml:"telematicsStatus" desc:"Telematics status of the vehicle."`
	FleetVehicleCreateDate Time                          `xml:"fleetVehicleCreateDate" desc:"When the vehicle was added to the fleet, RFC 3339."`
	VehicleChargingStatus  String                        `xml:"vehicleChargingStatus" desc:"Charging state: Fault, Charged, Charging or Not Plugged In."`
}

type getFleetVehiclesResponse struct {
	Result
	Vehicles []FleetVehicle `xml:"fleetVehicle"`
	MoreFlag Bool           `xml:"moreFlag"`
}

// GetFleetVehicles returns every fleet vehicle matching q, following moreFlag to the last page.
func (c *Client) GetFleetVehicles(ctx context.Context, q FleetVehicleSearchRequest) ([]FleetVehicle, error) {
	vehicles, err := opGetFleetVehicles.read(ctx, c, q)
	sortEach(vehicles)
	return vehicles, err
}

func (v *FleetVehicle) sortLists() { sortCredentialIDs(v.CredentialIDs) }

// FleetUsageSearchRequest is getFleetUsageData's searchQuery (searchDataForFleetUsage). Every filter is
// optional.
type FleetUsageSearchRequest struct {
	TransactionID        Int    `xml:"transactionID" desc:"Only the session with this transaction ID."`
	TransactionType      String `xml:"transactionType" validate:"oneof=Session Reservation 'Reservation Cancel' 'Reservation Usage Addendum'" desc:"Only transactions of this type: Session, Reservation, Reservation Cancel or Reservation Usage Addendum."`
	FleetVehicleID       String `xml:"fleetVehicleID" desc:"Only sessions of this fleet vehicle."`
	FleetName            String `xml:"fleetName" desc:"Only sessions of vehicles of the fleet of this name."`
	VehicleID            String `xml:"vehicleID" desc:"Only sessions of the vehicle with this organization-assigned vehicle ID."`
	License              String `xml:"License" desc:"Only sessions of the vehicle with this license plate."`
	FleetDriverID        String `xml:"fleetDriverID" desc:"Only sessions of this fleet driver."`
	CredentialID         String `xml:"credentialID" desc:"Only sessions started with this credential."`
	FleetOrgID           String `xml:"fleetOrgID" desc:"Only sessions of the fleet organization with this ID."`
	FleetOrgName         String `xml:"fleetOrgName" desc:"Only sessions of the fleet organization of this name."`
	FraudDetectionStatus String `xml:"fraudDetectionStatus" validate:"oneof=Unknown 'Verified (Power Values Matched)' 'Fraud Detected (Session Termination Disabled)' 'Fraud Detected (Session Terminated)' 'Suspect (No Vehicle Info Available)' 'Suspect (More than 1 active session for fleet vehicle)' 'Unknown (Increased validity score)' 'Unknown (not enabled)' 'Unknown (Session Ended too Quickly)' 'Under Interrogation (Shed load on station)' 'Session Validated'" desc:"Only sessions with this fraud detection result, one of ChargePoint's values such as \"Session Validated\" or \"Verified (Power Values Matched)\"."`
	FromTimeStamp        Time   `xml:"fromTimeStamp" desc:"Only sessions at or after this time, RFC 3339 (for example \"2026-01-01T00:00:00Z\")."`
	ToTimeStamp          Time   `xml:"toTimeStamp" desc:"Only sessions at or before this time, RFC 3339; not before from_time_stamp."`
	StationOrgName       String `xml:"stationOrgName" desc:"Only sessions at stations of the organization of this name."`
	StationName          String `xml:"stationName" desc:"Only sessions at the station of this name."`
	Address              String `xml:"Address" desc:"Only sessions at stations at this street address."`
	City                 String `xml:"City" desc:"Only sessions at stations in this city."`
	State                String `xml:"State" desc:"Only sessions at stations in this state or province."`
	PostalCode           String `xml:"postalCode" desc:"Only sessions at stations with this postal code."`
	Country              String `xml:"Country" desc:"Only sessions at stations in this country."`
	PaymentType          String `xml:"paymentType" desc:"Only sessions paid this way."`
	StartRecord          Int    `xml:"startRecord" tf:"-"`
	NumRecords           Int    `xml:"numRecords" tf:"-"`
	StationID            String `xml:"stationID" validate:"stationid" desc:"Only sessions at this station, \"CPNID:StationIdentifier\"."`
	PortNumber           Int    `xml:"portNumber" desc:"Only sessions on this port number (with station_id)."`
	ID                   String `xml:"ID" desc:"Only the usage record with this ID."`
}

// FleetUsage is responseDataForFleetUsage: one charging session of a fleet vehicle.
type FleetUsage struct {
	RecordNumber           Int    `xml:"recordNumber" desc:"Position of the record in ChargePoint's result set (1-based)."`
	FleetVehicleID         String `xml:"fleetVehicleID" desc:"Fleet vehicle ID."`
	FleetName              String `xml:"fleetName" desc:"Name of the vehicle's fleet."`
	VehicleID              String `xml:"vehicleID" desc:"Organization-assigned vehicle ID."`
	License                String `xml:"License" desc:"License plate."`
	FleetDriverID          String `xml:"fleetDriverID" desc:"Fleet driver ID."`
	CredentialID           String `xml:"credentialID" desc:"Credential the session was started with."`
	FleetOrgID             String `xml:"fleetOrgID" desc:"Fleet organization ID."`
	FleetOrgName           String `xml:"fleetOrgName" desc:"Fleet organization name."`
	FleetUserID            String `xml:"fleetUserID" desc:"Fleet user ID."`
	FraudDetectionStatus   String `xml:"fraudDetectionStatus" desc:"Fraud detection result, for example \"Session Validated\"."`
	TransactionID          Int    `xml:"transactionID" desc:"Transaction ID of the session."`
	TransactionType        String `xml:"transactionType" desc:"Session, Reservation, Reservation Cancel or Reservation Usage Addendum."`
	TransactionTime        Time   `xml:"transactionTime" desc:"When the transaction was recorded, RFC 3339."`
	Energy                 Float  `xml:"Energy" desc:"Energy delivered, kWh."`
	GasolineSavings        Float  `xml:"gasolineSavings" desc:"Gasoline saved, as ChargePoint estimates it."`
	GhgSavings             Float  `xml:"ghgSavings" desc:"Greenhouse gas emissions saved, as ChargePoint estimates them."`
	FleetCustomerID        String `xml:"fleetCustomerID" desc:"Fleet customer ID."`
	Odometer               Float  `xml:"Odometer" desc:"Odometer reading of the vehicle."`
	StartTime              Time   `xml:"startTime" desc:"Start of the session, RFC 3339."`
	EndTime                Time   `xml:"endTime" desc:"End of the session, RFC 3339."`
	StartSOC               Float  `xml:"startSOC" desc:"Battery state of charge at the start, percent."`
	EndSOC                 Float  `xml:"endSOC" desc:"Battery state of charge at the end, percent."`
	ChargingTime           String `xml:"chargingTime" desc:"Time spent charging, HH:MM:SS as ChargePoint sends it."`
	ChargingTimeSeconds    Int    `xml:"-" tf:"charging_time_seconds" desc:"charging_time in seconds."`
	SessionDuration        String `xml:"sessionDuration" desc:"Time plugged in, HH:MM:SS as ChargePoint sends it."`
	SessionDurationSeconds Int    `xml:"-" tf:"session_duration_seconds" desc:"session_duration in seconds."`
	PortType               String `xml:"portType" desc:"Port type."`
	PlugType               String `xml:"plugType" desc:"Plug type."`
	Currency               String `xml:"Currency" desc:"ISO 4217 currency of the fee."`
	Fee                    Float  `xml:"Fee" desc:"Fee charged for the session, in currency."`
	PaymentID              String `xml:"paymentID" desc:"Payment ID."`
	PaymentSourceAccount   String `xml:"paymentSourceAccount" desc:"Account the payment came from."`
	PaymentType            String `xml:"paymentType" desc:"How the session was paid."`
	PricingRule            String `xml:"pricingRule" desc:"Pricing rule that priced the session."`
	StationOrgName         String `xml:"stationOrgName" desc:"Organization that owns the station."`
	StationName            String `xml:"stationName" desc:"Station name."`
	Address                String `xml:"Address" desc:"Street address of the station."`
	City                   String `xml:"City" desc:"City."`
	State                  String `xml:"State" desc:"State or province."`
	PostalCode             String `xml:"postalCode" desc:"Postal code."`
	Country                String `xml:"Country" desc:"Country."`
	VIN                    String `xml:"VIN" desc:"Vehicle identification number."`
	StationID              String `xml:"stationID" desc:"Station identifier, \"CPNID:StationIdentifier\"."`
	PortNumber             Int    `xml:"portNumber" desc:"Port number (1-based)."`
	ID                     String `xml:"ID" desc:"Usage record ID."`
}

type getFleetUsageDataResponse struct {
	Result
	Usage    []FleetUsage `xml:"fleetUsageData"`
	MoreFlag Bool         `xml:"moreFlag"`
}

// GetFleetUsageData returns every fleet charging session matching q, following moreFlag to the last
// page, with the HH:MM:SS durations also in seconds.
func (c *Client) GetFleetUsageData(ctx context.Context, q FleetUsageSearchRequest) ([]FleetUsage, error) {
	usage, err := opGetFleetUsageData.read(ctx, c, q)
	for i := range usage {
		usage[i].ChargingTimeSeconds = clockSeconds(usage[i].ChargingTime)
		usage[i].SessionDurationSeconds = clockSeconds(usage[i].SessionDuration)
	}
	return usage, err
}

// clockPattern matches an xsd:time used as a duration. Hours may exceed 23 (ChargePoint's session
// durations do, "63:45:20"); fractions of a second and a zone suffix are accepted and ignored.
var clockPattern = regexp.MustCompile(`^(\d+):([0-5]\d):([0-5]\d)(\.\d+)?(Z|[+-]\d\d:\d\d)?$`)

// clockSeconds converts "HH:MM:SS" to seconds; anything else (including absent) is null.
func clockSeconds(s String) Int {
	m := clockPattern.FindStringSubmatch(s.Value)
	if !s.Valid || m == nil {
		return Int{}
	}
	h, err := strconv.ParseInt(m[1], 10, 64)
	if err != nil {
		return Int{}
	}
	mm, _ := strconv.ParseInt(m[2], 10, 64)
	ss, _ := strconv.ParseInt(m[3], 10, 64)
	return IntOf(h*3600 + mm*60 + ss)
}
