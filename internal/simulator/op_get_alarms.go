package simulator

import (
	"strconv"
	"time"
)

// getAlarms (5.1): alarms matching a getAlarmsSearchQuery (and not cleared) in alarm time order, paged with startRecord
// and numTransactions (the page size, capped at MaxPageSize), with moreFlag; 153 when nothing matches.

type getAlarmsResponse struct {
	ResponseCode string      `xml:"responseCode"`
	ResponseText string      `xml:"responseText,omitempty"`
	Alarms       []wireAlarm `xml:"Alarms"`
	MoreFlag     *int        `xml:"moreFlag"`
}

// wireAlarm is oalarms; portNumber is an empty element for a station-level alarm.
type wireAlarm struct {
	StationID           string `xml:"stationID"`
	StationName         string `xml:"stationName"`
	StationModel        string `xml:"stationModel"`
	OrgID               string `xml:"orgID"`
	CompanyID           string `xml:"companyID"`
	OrganizationName    string `xml:"organizationName"`
	StationManufacturer string `xml:"stationManufacturer"`
	StationSerialNum    string `xml:"stationSerialNum"`
	PortNumber          string `xml:"portNumber"`
	AlarmType           string `xml:"alarmType"`
	AlarmTime           string `xml:"alarmTime"`
	RecordNumber        int    `xml:"recordNumber"`
}

type alarmQuery struct {
	stations                stationSearch
	SgID                    *int
	StartTime, EndTime      *time.Time
	PortNumber              *string
	StartRecord, NumRecords *int
}

func (q *alarmQuery) fields() fields {
	st := &q.stations
	return fields{
		"orgID":            stringField(&st.OrgID),
		"companyID":        stringField(&st.CompanyID),
		"organizationName": stringField(&st.OrganizationName),
		"stationID":        stringField(&st.StationID),
		"stationName":      stringField(&st.Name),
		"sgID":             intField(&q.SgID),
		"sgName":           stringField(&st.SgName),
		"startTime":        dateTimeField(&q.StartTime),
		"endTime":          dateTimeField(&q.EndTime),
		"portNumber":       stringField(&q.PortNumber),
		"startRecord":      intField(&q.StartRecord),
		"numTransactions":  intField(&q.NumRecords),
		"stationIDs":       stationIDsField(&st.StationIDs),
	}
}

func (s *Server) getAlarms(req *element) (any, error) {
	var q alarmQuery
	if err := requiredSearchQuery(req, q.fields()); err != nil {
		return nil, err
	}
	if len(q.stations.StationIDs) > maxBoundIDs {
		return &getAlarmsResponse{ResponseCode: codeTooManyIDs, ResponseText: textTooManyIDs}, nil
	}
	if q.SgID != nil {
		id := strconv.Itoa(*q.SgID) // an int here, a string in the station search
		q.stations.SgID = &id
	}
	keep, code, text := s.activityStations(&q.stations)
	if code != "" {
		return &getAlarmsResponse{ResponseCode: code, ResponseText: text}, nil
	}
	var hits []*Alarm
	alarms, w := s.activity().alarms, s.state()
	s.mu.RLock()
	defer s.mu.RUnlock()
	for i := range alarms {
		al := &alarms[i]
		if _, cleared := w.cleared[i]; cleared {
			continue
		}
		if keep(al.StationID) && inWindow(al.Time, q.StartTime, q.EndTime) && eqFold(q.PortNumber, alarmPort(al)) {
			hits = append(hits, al)
		}
	}
	first, last, ok := pageBounds(len(hits), s.maxPageSize, startOf(q.StartRecord), q.NumRecords)
	if !ok {
		return &getAlarmsResponse{ResponseCode: codeNoAlarms, ResponseText: textNoAlarms}, nil
	}
	resp := &getAlarmsResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, MoreFlag: moreFlag(last < len(hits))}
	for n := first; n <= last; n++ {
		al := hits[n-1]
		st, _ := s.data.Station(al.StationID)
		resp.Alarms = append(resp.Alarms, wireAlarm{
			StationID: st.ID, StationName: st.Name, StationModel: st.Model, OrgID: st.OrgID, CompanyID: st.CompanyID,
			OrganizationName: st.OrganizationName, StationManufacturer: st.Manufacturer, StationSerialNum: st.SerialNum,
			PortNumber: alarmPort(al), AlarmType: al.Type, AlarmTime: formatDateTime(al.Time), RecordNumber: n,
		})
	}
	return resp, nil
}

// alarmPort is the alarm's portNumber on the wire: "" for a station-level alarm.
func alarmPort(al *Alarm) string {
	if al.PortNumber == 0 {
		return ""
	}
	return strconv.Itoa(al.PortNumber)
}
