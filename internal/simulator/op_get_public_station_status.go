package simulator

// getPublicStationStatus: the port status of the public stations matching a statusSearchdata (the
// station filters, stationIDs, Status, portDetails), as stationStatusData (publicStatusdata: no
// faultReason, no networkStatus). Not paged: every match, numbered from 1. 102 when nothing matches.

type getPublicStationStatusResponse struct {
	ResponseCode      string              `xml:"responseCode"`
	ResponseText      string              `xml:"responseText,omitempty"`
	StationStatusData []wireStationStatus `xml:"stationStatusData"`
}

func (s *Server) getPublicStationStatus(req *element) (any, error) {
	var q stationSearch
	if err := requiredSearchQuery(req, q.statusFields(false)); err != nil {
		return nil, err
	}
	hits, code, text := s.search(&q, func(st *Station) bool { return st.Public })
	if code != "" {
		return &getPublicStationStatusResponse{ResponseCode: code, ResponseText: text}, nil
	}
	details := q.PortDetails != nil && *q.PortDetails
	resp := &getPublicStationStatusResponse{ResponseCode: codeSuccess, ResponseText: textSuccess,
		StationStatusData: make([]wireStationStatus, len(hits))}
	for n, i := range hits {
		resp.StationStatusData[n] = toWireStationStatus(&s.data.stations[i], n+1, details, false)
	}
	return resp, nil
}
