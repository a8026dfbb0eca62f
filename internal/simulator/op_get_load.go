package simulator

import "strconv"

// getLoad (5.1): the live load (at Now) of one station, of every station of a station group, or of the
// station of a session in progress, with each port's shed state at the simulator's clock. The searchQuery is an xsd:sequence (sgID, stationID, sessionID) of
// which exactly one must be given, else 182; an unknown station or group, or a session that is not in
// progress, is 160. Not paged.

type getLoadResponse struct {
	ResponseCode string `xml:"responseCode"`
	ResponseText string `xml:"responseText,omitempty"`
	SgID         *int   `xml:"sgID"`
	// numStations is left out of station and session answers: ChargePoint sends it empty there, which
	// its own XSD (xsd:int) does not allow.
	NumStations *int              `xml:"numStations"`
	GroupName   *string           `xml:"groupName"`
	SgLoad      *string           `xml:"sgLoad"`
	StationData []wireStationLoad `xml:"stationData"`
}

// wireStationLoad is stationloaddata.
type wireStationLoad struct {
	StationID   string         `xml:"stationID"`
	StationName string         `xml:"stationName"`
	Address     string         `xml:"Address"`
	StationLoad string         `xml:"stationLoad"`
	Ports       []wirePortLoad `xml:"Port"`
}

// wirePortLoad is stationPortData; userID and credentialID are empty elements on an idle port, as
// ChargePoint sends them.
type wirePortLoad struct {
	PortNumber         string `xml:"portNumber"`
	UserID             string `xml:"userID"`
	CredentialID       string `xml:"credentialID"`
	ShedState          int    `xml:"shedState"`
	PortLoad           string `xml:"portLoad"`
	AllowedLoad        string `xml:"allowedLoad"`
	PercentShed        int    `xml:"percentShed"`
	SessionID          int64  `xml:"sessionID"`
	LastBatteryPercent string `xml:"lastBatteryPercent"`
}

func (s *Server) getLoad(req *element) (any, error) {
	var (
		sgID      *int
		stationID *string
		sessionID *int64
	)
	err := decodeAll(req, req.Name.Local, fields{"searchQuery": func(e *element, path string) error {
		return decodeSequence(e, path, []seqField{
			{name: "sgID", decode: intField(&sgID)},
			{name: "stationID", decode: stringField(&stationID)},
			{name: "sessionID", decode: longField(&sessionID)},
		})
	}}, "searchQuery")
	if err != nil {
		return nil, err
	}
	given := 0
	for _, present := range []bool{sgID != nil, stationID != nil, sessionID != nil} {
		if present {
			given++
		}
	}
	if given != 1 {
		return &getLoadResponse{ResponseCode: codeLoadSelector, ResponseText: textLoadSelector}, nil
	}
	a, w := s.activity(), s.state()
	s.mu.RLock()
	defer s.mu.RUnlock()
	noData := &getLoadResponse{ResponseCode: codeNoLoadData, ResponseText: textNoLoadData}
	switch {
	case sgID != nil:
		g, ok := s.data.Group(*sgID)
		if !ok {
			return noData, nil
		}
		id, n, total := g.ID, len(g.StationIDs), 0.0
		resp := &getLoadResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, SgID: &id, NumStations: &n, GroupName: &g.Name}
		for _, sid := range g.StationIDs {
			st, _ := s.data.Station(sid)
			l := s.loadOf(a, w, &st)
			total += l.Load
			resp.StationData = append(resp.StationData, toWireStationLoad(l))
		}
		sgLoad := formatKW3(round(total, 3))
		resp.SgLoad = &sgLoad
		return resp, nil
	case sessionID != nil:
		i, ok := a.sessionIndex[*sessionID]
		if !ok || !a.sessions[i].Active {
			return noData, nil
		}
		stationID = &a.sessions[i].StationID
	}
	st, ok := s.data.Station(*stationID)
	if !ok {
		return noData, nil
	}
	empty := ""
	return &getLoadResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, GroupName: &empty, SgLoad: &empty,
		StationData: []wireStationLoad{toWireStationLoad(s.loadOf(a, w, &st))}}, nil
}

func toWireStationLoad(l StationLoad) wireStationLoad {
	w := wireStationLoad{StationID: l.StationID, StationName: l.StationName, Address: l.Address, StationLoad: formatKW3(l.Load)}
	for _, p := range l.Ports {
		w.Ports = append(w.Ports, wirePortLoad{
			PortNumber: strconv.Itoa(p.PortNumber), UserID: p.UserID, CredentialID: p.CredentialID,
			ShedState: boolInt(p.Shed), PortLoad: formatKW3(p.Load), AllowedLoad: formatKW3(p.AllowedLoad),
			PercentShed: p.PercentShed, SessionID: p.SessionID, LastBatteryPercent: formatPercent(p.LastBatteryPercent),
		})
	}
	return w
}
