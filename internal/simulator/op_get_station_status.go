package simulator

// getStationStatus (5.1): the port status of every station the key may see (public and private)
// matching a statusSearchdataForGetStations (the station filters, stationIDs, Status, portDetails),
// paged with startRecord and numStations, with moreFlag; 102 when nothing matches. Each station comes
// with all its ports; portDetails adds their Connectors, Connector and Power.

type getStationStatusResponse struct {
	ResponseCode string              `xml:"responseCode"`
	ResponseText string              `xml:"responseText,omitempty"`
	StationData  []wireStationStatus `xml:"stationData"`
	MoreFlag     *int                `xml:"moreFlag"`
}

func (s *Server) getStationStatus(req *element) (any, error) {
	var q stationSearch
	if err := requiredSearchQuery(req, q.statusFields(true)); err != nil {
		return nil, err
	}
	hits, code, text := s.search(&q, nil)
	if code != "" {
		return &getStationStatusResponse{ResponseCode: code, ResponseText: text}, nil
	}
	first, last, ok := pageBounds(len(hits), s.maxPageSize, startOf(q.StartRecord), q.NumStations)
	if !ok {
		return &getStationStatusResponse{ResponseCode: codeNoStation, ResponseText: textNoStation}, nil
	}
	details := q.PortDetails != nil && *q.PortDetails
	resp := &getStationStatusResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, MoreFlag: moreFlag(last < len(hits))}
	resp.StationData = make([]wireStationStatus, 0, last-first+1)
	for n := first; n <= last; n++ {
		resp.StationData = append(resp.StationData, toWireStationStatus(&s.data.stations[hits[n-1]], n, details, true))
	}
	return resp, nil
}
