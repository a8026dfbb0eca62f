package simulator

import "time"

// getFleetUsageData (5.1): the completed sessions of fleet vehicles matching a searchDataForFleetUsage,
// in session order, paged with startRecord and numRecords (capped at MaxPageSize), with moreFlag;
// nothing matched is 100 with no rows and moreFlag 0. The station filters (stationName, Address, City,
// State, postalCode, Country, stationOrgName) compare with the row's values; the time window applies to
// the session's start.

type getFleetUsageDataResponse struct {
	ResponseCode string           `xml:"responseCode"`
	ResponseText string           `xml:"responseText,omitempty"`
	Usage        []wireFleetUsage `xml:"fleetUsageData"`
	MoreFlag     *int             `xml:"moreFlag"`
}

// wireFleetUsage is responseDataForFleetUsage; chargingTime and sessionDuration are xsd:time.
type wireFleetUsage struct {
	RecordNumber         int    `xml:"recordNumber"`
	FleetVehicleID       string `xml:"fleetVehicleID"`
	FleetName            string `xml:"fleetName"`
	VehicleID            string `xml:"vehicleID"`
	License              string `xml:"License"`
	FleetDriverID        string `xml:"fleetDriverID"`
	CredentialID         string `xml:"credentialID"`
	FleetOrgID           string `xml:"fleetOrgID"`
	FleetOrgName         string `xml:"fleetOrgName"`
	FleetUserID          string `xml:"fleetUserID"`
	FraudDetectionStatus string `xml:"fraudDetectionStatus"`
	TransactionID        int64  `xml:"transactionID"`
	TransactionType      string `xml:"transactionType"`
	TransactionTime      string `xml:"transactionTime"`
	Energy               string `xml:"Energy"`
	GasolineSavings      string `xml:"gasolineSavings"`
	GHGSavings           string `xml:"ghgSavings"`
	FleetCustomerID      string `xml:"fleetCustomerID"`
	Odometer             string `xml:"Odometer"`
	StartTime            string `xml:"startTime"`
	EndTime              string `xml:"endTime"`
	StartSOC             string `xml:"startSOC"`
	EndSOC               string `xml:"endSOC"`
	ChargingTime         string `xml:"chargingTime"`
	SessionDuration      string `xml:"sessionDuration"`
	PortType             string `xml:"portType"`
	PlugType             string `xml:"plugType"`
	Currency             string `xml:"Currency"`
	Fee                  string `xml:"Fee"`
	PaymentID            string `xml:"paymentID,omitempty"`
	PaymentSourceAccount string `xml:"paymentSourceAccount,omitempty"`
	PaymentType          string `xml:"paymentType"`
	PricingRule          string `xml:"pricingRule"`
	StationOrgName       string `xml:"stationOrgName"`
	StationName          string `xml:"stationName"`
	Address              string `xml:"Address"`
	City                 string `xml:"City"`
	State                string `xml:"State"`
	PostalCode           string `xml:"postalCode"`
	Country              string `xml:"Country"`
	VIN                  string `xml:"VIN"`
	StationID            string `xml:"stationID"`
	PortNumber           int    `xml:"portNumber"`
	ID                   string `xml:"ID"`
}

type fleetUsageQuery struct {
	TransactionID                                         *int64
	TransactionType, FleetVehicleID, FleetName, VehicleID *string
	License, FleetDriverID, CredentialID                  *string
	FleetOrgID, FleetOrgName, FraudDetectionStatus        *string
	From, To                                              *time.Time
	StationOrgName, StationName, Address, City, State     *string
	PostalCode, Country, PaymentType                      *string
	StartRecord, NumRecords                               *int
	StationID                                             *string
	PortNumber                                            *int
	ID                                                    *string
}

func (q *fleetUsageQuery) fields() fields {
	return fields{
		"transactionID":        longField(&q.TransactionID),
		"transactionType":      enumStringField(&q.TransactionType, transactionTypes...),
		"fleetVehicleID":       stringField(&q.FleetVehicleID),
		"fleetName":            stringField(&q.FleetName),
		"vehicleID":            stringField(&q.VehicleID),
		"License":              stringField(&q.License),
		"fleetDriverID":        stringField(&q.FleetDriverID),
		"credentialID":         stringField(&q.CredentialID),
		"fleetOrgID":           stringField(&q.FleetOrgID),
		"fleetOrgName":         stringField(&q.FleetOrgName),
		"fraudDetectionStatus": enumStringField(&q.FraudDetectionStatus, fraudDetectionValues...),
		"fromTimeStamp":        dateTimeField(&q.From),
		"toTimeStamp":          dateTimeField(&q.To),
		"stationOrgName":       stringField(&q.StationOrgName),
		"stationName":          stringField(&q.StationName),
		"Address":              stringField(&q.Address),
		"City":                 stringField(&q.City),
		"State":                stringField(&q.State),
		"postalCode":           stringField(&q.PostalCode),
		"Country":              stringField(&q.Country),
		"paymentType":          stringField(&q.PaymentType),
		"startRecord":          intField(&q.StartRecord),
		"numRecords":           intField(&q.NumRecords),
		"stationID":            stringField(&q.StationID),
		"portNumber":           intField(&q.PortNumber),
		"ID":                   stringField(&q.ID),
	}
}

func (q *fleetUsageQuery) matches(u *FleetUsage, v *FleetVehicle, st *Station) bool {
	return eqLong(q.TransactionID, u.TransactionID) && eqFold(q.TransactionType, "Session") &&
		eqFold(q.FleetVehicleID, v.ID) && eqFold(q.FleetName, v.FleetName) && eqFold(q.VehicleID, v.VehicleID) &&
		eqFold(q.License, v.License) && eqFold(q.FleetDriverID, u.DriverID) && eqFold(q.CredentialID, u.CredentialID) &&
		eqFold(q.FleetOrgID, v.OrgID) && eqFold(q.FleetOrgName, v.OrganizationName) &&
		eqFold(q.FraudDetectionStatus, u.FraudDetectionStatus) && inWindow(u.Start, q.From, q.To) &&
		eqFold(q.StationOrgName, st.OrganizationName) && eqFold(q.StationName, st.Name) &&
		eqFold(q.Address, st.Address) && eqFold(q.City, st.City) &&
		(q.State == nil || canonicalState(*q.State) == canonicalState(st.State)) &&
		eqFold(q.PostalCode, st.PostalCode) &&
		(q.Country == nil || canonicalCountry(*q.Country) == canonicalCountry(st.Country)) &&
		eqFold(q.PaymentType, u.PaymentType) && eqFold(q.StationID, st.ID) && eqInt(q.PortNumber, u.PortNumber) &&
		eqFold(q.ID, u.ID)
}

func (s *Server) getFleetUsageData(req *element) (any, error) {
	var q fleetUsageQuery
	if err := requiredSearchQuery(req, q.fields()); err != nil {
		return nil, err
	}
	a := s.activity()
	var hits []*FleetUsage
	for i := range a.usage {
		u := &a.usage[i]
		st, _ := s.data.Station(u.StationID)
		if q.matches(u, a.vehicle(u.FleetVehicleID), &st) {
			hits = append(hits, u)
		}
	}
	first, last, ok := pageBounds(len(hits), s.maxPageSize, startOf(q.StartRecord), q.NumRecords)
	if !ok {
		return &getFleetUsageDataResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, MoreFlag: moreFlag(false)}, nil
	}
	resp := &getFleetUsageDataResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, MoreFlag: moreFlag(last < len(hits))}
	for n := first; n <= last; n++ {
		resp.Usage = append(resp.Usage, s.toWireFleetUsage(hits[n-1], n))
	}
	return resp, nil
}

func (s *Server) toWireFleetUsage(u *FleetUsage, recordNumber int) wireFleetUsage {
	v := s.activity().vehicle(u.FleetVehicleID)
	st, _ := s.data.Station(u.StationID)
	port := st.Ports[0]
	for _, p := range st.Ports {
		if p.Number == u.PortNumber {
			port = p
		}
	}
	portType := port.Level
	if portType == "" {
		portType = "Mode " + port.Mode
	}
	return wireFleetUsage{
		RecordNumber: recordNumber, FleetVehicleID: v.ID, FleetName: v.FleetName, VehicleID: v.VehicleID,
		License: v.License, FleetDriverID: u.DriverID, CredentialID: u.CredentialID, FleetOrgID: v.OrgID,
		FleetOrgName: v.OrganizationName, FleetUserID: v.UserID, FraudDetectionStatus: u.FraudDetectionStatus,
		TransactionID: u.TransactionID, TransactionType: "Session", TransactionTime: formatDateTime(u.TransactionTime),
		Energy: formatEnergy(u.Energy), GasolineSavings: formatPlain(u.GasolineSavings), GHGSavings: formatPlain(u.GHGSavings),
		FleetCustomerID: u.FleetCustomerID, Odometer: formatPlain(u.Odometer),
		StartTime: formatDateTime(u.Start), EndTime: formatDateTime(u.End),
		StartSOC: formatPercent(u.StartSOC), EndSOC: formatPercent(u.EndSOC),
		ChargingTime: formatHMS(u.ChargingTime), SessionDuration: formatHMS(u.SessionDuration),
		PortType: portType, PlugType: port.Connector, Currency: u.Currency, Fee: formatMoney(u.Fee),
		PaymentID: u.PaymentID, PaymentSourceAccount: u.PaymentSourceAccount, PaymentType: u.PaymentType,
		PricingRule: u.PricingRule, StationOrgName: st.OrganizationName, StationName: st.Name,
		Address: st.Address, City: st.City, State: st.State, PostalCode: st.PostalCode, Country: st.Country,
		VIN: v.VIN, StationID: st.ID, PortNumber: u.PortNumber, ID: u.ID,
	}
}
