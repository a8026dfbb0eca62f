package simulator

import (
	"slices"
	"strings"
	"time"
)

// getFleetVehicles (5.1): fleet vehicles (generated or added, and not deleted) matching a
// searchDataForFleetVehicles in fleetVehicleID order, paged with startRecord and numRecords (capped at
// MaxPageSize), with moreFlag; nothing matched is 100 with no vehicles and moreFlag 0.

type getFleetVehiclesResponse struct {
	ResponseCode string             `xml:"responseCode"`
	ResponseText string             `xml:"responseText,omitempty"`
	Vehicles     []wireFleetVehicle `xml:"fleetVehicle"`
	MoreFlag     *int               `xml:"moreFlag"`
}

// wireFleetVehicle is responseDataForFleetVehicles.
type wireFleetVehicle struct {
	RecordNumber           int                `xml:"recordNumber"`
	LastModifiedTimestamp  string             `xml:"lastModifiedTimestamp"`
	FleetVehicleID         string             `xml:"fleetVehicleID"`
	FleetName              string             `xml:"fleetName"`
	VehicleID              string             `xml:"vehicleID"`
	VIN                    string             `xml:"VIN"`
	License                string             `xml:"license"`
	Color                  string             `xml:"color"`
	Make                   string             `xml:"make"`
	Model                  string             `xml:"model"`
	Year                   int                `xml:"year"`
	FleetUserID            string             `xml:"fleetUserID"`
	CredentialIDs          *wireCredentialIDs `xml:"credentialIDs"`
	OrgID                  string             `xml:"orgID"`
	OrganizationName       string             `xml:"organizationName"`
	TelematicsProvider     string             `xml:"telematicsProvider,omitempty"`
	TelematicsStatus       string             `xml:"telematicsStatus,omitempty"`
	FleetVehicleCreateDate string             `xml:"fleetVehicleCreateDate"`
	VehicleChargingStatus  string             `xml:"vehicleChargingStatus"`
}

type fleetVehicleQuery struct {
	FleetVehicleID, FleetName, VehicleID, VIN, License, Color, Make, Model *string
	Year                                                                   *int
	FleetUserID, CredentialID, OrgID, OrganizationName                     *string
	TelematicsProvider, TelematicsStatus                                   *string
	StartRecord, NumRecords                                                *int
	ModifiedSince                                                          *time.Time
	CreateDate                                                             *time.Time // a day
	ChargingStatus                                                         *string
}

func (q *fleetVehicleQuery) fields() fields {
	return fields{
		"fleetVehicleID":         stringField(&q.FleetVehicleID),
		"fleetName":              stringField(&q.FleetName),
		"vehicleID":              stringField(&q.VehicleID),
		"VIN":                    stringField(&q.VIN),
		"license":                stringField(&q.License),
		"color":                  stringField(&q.Color),
		"make":                   stringField(&q.Make),
		"model":                  stringField(&q.Model),
		"year":                   intField(&q.Year),
		"fleetUserID":            stringField(&q.FleetUserID),
		"credentialID":           stringField(&q.CredentialID),
		"orgID":                  stringField(&q.OrgID),
		"organizationName":       stringField(&q.OrganizationName),
		"telematicsProvider":     stringField(&q.TelematicsProvider),
		"telematicsStatus":       stringField(&q.TelematicsStatus),
		"startRecord":            intField(&q.StartRecord),
		"numRecords":             intField(&q.NumRecords),
		"modifiedSince":          dateTimeField(&q.ModifiedSince),
		"fleetVehicleCreateDate": dateField(&q.CreateDate),
		"vehicleChargingStatus":  enumStringField(&q.ChargingStatus, chargingStatuses...),
	}
}

func (q *fleetVehicleQuery) matches(v *FleetVehicle) bool {
	return eqFold(q.FleetVehicleID, v.ID) && eqFold(q.FleetName, v.FleetName) && eqFold(q.VehicleID, v.VehicleID) &&
		eqFold(q.VIN, v.VIN) && eqFold(q.License, v.License) && eqFold(q.Color, v.Color) &&
		eqFold(q.Make, v.Make) && eqFold(q.Model, v.Model) && eqInt(q.Year, v.Year) &&
		eqFold(q.FleetUserID, v.UserID) &&
		(q.CredentialID == nil || slices.ContainsFunc(v.CredentialIDs, func(c string) bool { return strings.EqualFold(c, *q.CredentialID) })) &&
		eqFold(q.OrgID, v.OrgID) && eqFold(q.OrganizationName, v.OrganizationName) &&
		eqFold(q.TelematicsProvider, v.TelematicsProvider) && eqFold(q.TelematicsStatus, v.TelematicsStatus) &&
		(q.ModifiedSince == nil || !v.LastModified.Before(*q.ModifiedSince)) &&
		(q.CreateDate == nil || v.Created.Truncate(24*time.Hour).Equal(*q.CreateDate)) &&
		eqFold(q.ChargingStatus, v.ChargingStatus)
}

func (s *Server) getFleetVehicles(req *element) (any, error) {
	var q fleetVehicleQuery
	if err := requiredSearchQuery(req, q.fields()); err != nil {
		return nil, err
	}
	var hits []*FleetVehicle
	w := s.state()
	s.mu.RLock()
	defer s.mu.RUnlock()
	vehicles := w.vehicles
	for i := range vehicles {
		if q.matches(&vehicles[i]) {
			hits = append(hits, &vehicles[i])
		}
	}
	first, last, ok := pageBounds(len(hits), s.maxPageSize, startOf(q.StartRecord), q.NumRecords)
	if !ok {
		return &getFleetVehiclesResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, MoreFlag: moreFlag(false)}, nil
	}
	resp := &getFleetVehiclesResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, MoreFlag: moreFlag(last < len(hits))}
	for n := first; n <= last; n++ {
		v := hits[n-1]
		resp.Vehicles = append(resp.Vehicles, wireFleetVehicle{
			RecordNumber: n, LastModifiedTimestamp: formatDateTime(v.LastModified), FleetVehicleID: v.ID,
			FleetName: v.FleetName, VehicleID: v.VehicleID, VIN: v.VIN, License: v.License, Color: v.Color,
			Make: v.Make, Model: v.Model, Year: v.Year, FleetUserID: v.UserID,
			CredentialIDs: &wireCredentialIDs{CredentialID: v.CredentialIDs}, OrgID: v.OrgID,
			OrganizationName: v.OrganizationName, TelematicsProvider: v.TelematicsProvider,
			TelematicsStatus: v.TelematicsStatus, FleetVehicleCreateDate: formatDateTime(v.Created),
			VehicleChargingStatus: v.ChargingStatus,
		})
	}
	return resp, nil
}
