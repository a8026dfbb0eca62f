package simulator

import (
	"strconv"
	"time"
)

// getChargingSessionData (5.1): charging sessions matching a sessionSearchdata, in session ID order
// (which is start order), 100 per page (fixed: the query has no page-size field), with a capital
// MoreFlag; 136 without MoreFlag when nothing matches.

// sessionPageSize is ChargePoint's fixed page size for sessions.
const sessionPageSize = 100

type getChargingSessionDataResponse struct {
	ResponseCode string        `xml:"responseCode"`
	ResponseText string        `xml:"responseText,omitempty"`
	Sessions     []wireSession `xml:"ChargingSessionData"`
	MoreFlag     *int          `xml:"MoreFlag"`
}

// wireSession is sessionSearchResultdata.
type wireSession struct {
	StationID              string `xml:"stationID"`
	StationName            string `xml:"stationName"`
	PortNumber             string `xml:"portNumber"`
	Address                string `xml:"Address"`
	City                   string `xml:"City"`
	State                  string `xml:"State"`
	Country                string `xml:"Country"`
	PostalCode             string `xml:"postalCode"`
	SessionID              int64  `xml:"sessionID"`
	Energy                 string `xml:"Energy"`
	StartTime              string `xml:"startTime"`
	EndTime                string `xml:"endTime,omitempty"` // absent while the session is in progress
	TotalChargingDuration  string `xml:"totalChargingDuration"`
	TotalSessionDuration   string `xml:"totalSessionDuration"`
	UserID                 string `xml:"userID,omitempty"`
	StartBatteryPercentage string `xml:"startBatteryPercentage"`
	StopBatteryPercentage  string `xml:"stopBatteryPercentage"`
	RecordNumber           int    `xml:"recordNumber"`
	CredentialID           string `xml:"credentialID,omitempty"`
	EndedBy                string `xml:"endedBy,omitempty"`
	VehicleMake            string `xml:"vehicleMake,omitempty"`
	VehicleModel           string `xml:"vehicleModel,omitempty"`
	VehicleModelYear       string `xml:"vehicleModelYear,omitempty"`
	VehicleType            string `xml:"vehicleType,omitempty"`
	VehiclePortMAC         string `xml:"vehiclePortMAC,omitempty"`
	DriverOptedOut         bool   `xml:"driverOptedOut"`
	DriverOptOutTimestamp  string `xml:"driverOptOutTimestamp,omitempty"`
	PaymentTerminalInfo    string `xml:"paymentTerminalInfo,omitempty"`
}

// sessionQuery is the decoded sessionSearchdata; the station-level filters are in stations.
type sessionQuery struct {
	stations    stationSearch
	SessionID   *int64
	UserID      *string
	From, To    *time.Time
	StartRecord *int64
	ActiveOnly  *bool
}

func (q *sessionQuery) fields() fields {
	st := &q.stations
	return fields{
		"stationID":          stringField(&st.StationID),
		"sessionID":          longField(&q.SessionID),
		"userID":             stringField(&q.UserID),
		"stationName":        stringField(&st.Name),
		"Address":            stringField(&st.Address),
		"City":               stringField(&st.City),
		"State":              stringField(&st.State),
		"Country":            stringField(&st.Country),
		"postalCode":         stringField(&st.PostalCode),
		"Proximity":          doubleField(&st.Proximity),
		"proximityUnit":      stringField(&st.ProximityUnit),
		"fromTimeStamp":      dateTimeField(&q.From),
		"toTimeStamp":        dateTimeField(&q.To),
		"startRecord":        longField(&q.StartRecord),
		"Geo":                geoField(&st.Geo),
		"stationIDs":         stationIDsField(&st.StationIDs),
		"activeSessionsOnly": boolField(&q.ActiveOnly),
	}
}

func (s *Server) getChargingSessionData(req *element) (any, error) {
	var q sessionQuery
	if err := requiredSearchQuery(req, q.fields()); err != nil {
		return nil, err
	}
	if len(q.stations.StationIDs) > maxBoundIDs {
		return &getChargingSessionDataResponse{ResponseCode: codeTooManyIDs, ResponseText: textTooManyIDs}, nil
	}
	keep, code, text := s.activityStations(&q.stations)
	if code != "" {
		return &getChargingSessionDataResponse{ResponseCode: code, ResponseText: text}, nil
	}
	a := s.activity()
	var hits []*Session
	for i := range a.sessions {
		sess := &a.sessions[i]
		if keep(sess.StationID) && eqLong(q.SessionID, sess.ID) && eqFold(q.UserID, sess.UserID) &&
			inWindow(sess.Start, q.From, q.To) && (q.ActiveOnly == nil || !*q.ActiveOnly || sess.Active) {
			hits = append(hits, sess)
		}
	}
	start := int64(1)
	if q.StartRecord != nil {
		start = *q.StartRecord
	}
	first, last, ok := pageBounds(len(hits), sessionPageSize, start, nil)
	if !ok {
		return &getChargingSessionDataResponse{ResponseCode: codeNoSessionData, ResponseText: textNoSessionData}, nil
	}
	resp := &getChargingSessionDataResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, MoreFlag: moreFlag(last < len(hits))}
	for n := first; n <= last; n++ {
		resp.Sessions = append(resp.Sessions, s.toWireSession(hits[n-1], n))
	}
	return resp, nil
}

func (s *Server) toWireSession(sess *Session, recordNumber int) wireSession {
	st, _ := s.data.Station(sess.StationID)
	w := wireSession{
		StationID: st.ID, StationName: st.Name, PortNumber: strconv.Itoa(sess.PortNumber),
		Address: oneLineAddress(&st), City: st.City, State: st.State, Country: st.Country, PostalCode: st.PostalCode,
		SessionID: sess.ID, Energy: formatEnergy(sess.Energy),
		StartTime: formatDateTime(sess.Start), TotalChargingDuration: formatHMS(sess.Charging),
		TotalSessionDuration: formatHMS(sess.Duration()), UserID: sess.UserID,
		StartBatteryPercentage: formatPercent(sess.StartBattery), StopBatteryPercentage: formatPercent(sess.StopBattery),
		RecordNumber: recordNumber, CredentialID: sess.CredentialID, EndedBy: sess.EndedBy,
		VehicleMake: sess.VehicleMake, VehicleModel: sess.VehicleModel, VehicleModelYear: sess.VehicleModelYear,
		VehicleType: sess.VehicleType, VehiclePortMAC: sess.VehiclePortMAC,
		DriverOptedOut: sess.DriverOptedOut, DriverOptOutTimestamp: formatDateTime(sess.DriverOptOutTime),
		PaymentTerminalInfo: sess.PaymentTerminalInfo,
	}
	if !sess.Active {
		w.EndTime = formatDateTime(sess.End)
	}
	return w
}
