package simulator

import "strconv"

// clearAlarms clears every alarm (not cleared yet) that matches its searchQuery
// (clearAlarmsSearchQuery, every filter optional, as getAlarms applies them; alarmType compared
// case-insensitively; clearReason recorded): getAlarms no longer returns them. An empty searchQuery
// clears every alarm. No searchQuery is 172; nothing to clear is 153, as getAlarms answers when
// nothing matches.

type clearAlarmsResponse struct {
	ResponseCode string `xml:"responseCode"`
	ResponseText string `xml:"responseText,omitempty"`
}

func (s *Server) clearAlarms(req *element) (any, error) {
	var q alarmQuery
	var alarmType, reason *string
	var query *element
	if err := decodeAll(req, req.Name.Local, fields{"searchQuery": elementField(&query)}); err != nil {
		return nil, err
	}
	if query == nil {
		return &clearAlarmsResponse{ResponseCode: codeMandatory, ResponseText: textMandatory}, nil
	}
	st := &q.stations
	err := decodeAll(query, req.Name.Local+"/searchQuery", fields{
		"orgID":            stringField(&st.OrgID),
		"organizationName": stringField(&st.OrganizationName),
		"stationID":        stringField(&st.StationID),
		"stationName":      stringField(&st.Name),
		"sgID":             intField(&q.SgID),
		"sgName":           stringField(&st.SgName),
		"startTime":        dateTimeField(&q.StartTime),
		"endTime":          dateTimeField(&q.EndTime),
		"portNumber":       stringField(&q.PortNumber),
		"alarmType":        stringField(&alarmType),
		"clearReason":      stringField(&reason),
	})
	if err != nil {
		return nil, err
	}
	if q.SgID != nil {
		id := strconv.Itoa(*q.SgID)
		st.SgID = &id
	}
	keep, code, text := s.activityStations(st)
	if code != "" {
		return &clearAlarmsResponse{ResponseCode: code, ResponseText: text}, nil
	}
	alarms, w := s.activity().alarms, s.state()
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for i := range alarms {
		al := &alarms[i]
		if _, cleared := w.cleared[i]; cleared {
			continue
		}
		if keep(al.StationID) && inWindow(al.Time, q.StartTime, q.EndTime) && eqFold(q.PortNumber, alarmPort(al)) &&
			eqFold(alarmType, al.Type) {
			w.cleared[i] = ClearedAlarm{Alarm: *al, Reason: deref(reason), ClearedAt: s.clock}
			n++
		}
	}
	if n == 0 {
		return &clearAlarmsResponse{ResponseCode: codeNoAlarms, ResponseText: textNoAlarms}, nil
	}
	return &clearAlarmsResponse{ResponseCode: codeSuccess, ResponseText: textSuccess}, nil
}
