package simulator

// getStations (5.1): every station the key may see (public and private) matching a
// stationSearchRequestExtended, as stationDataExtended, paged with startRecord and numStations, with
// moreFlag; 102 when nothing matches.

type getStationsResponse struct {
	ResponseCode string                `xml:"responseCode"`
	ResponseText string                `xml:"responseText,omitempty"`
	StationData  []wireStationExtended `xml:"stationData"`
	MoreFlag     *int                  `xml:"moreFlag"`
}

func (s *Server) getStations(req *element) (any, error) {
	var q stationSearch
	if err := requiredSearchQuery(req, q.extendedFields()); err != nil {
		return nil, err
	}
	hits, code, text := s.search(&q, nil)
	if code != "" {
		return &getStationsResponse{ResponseCode: code, ResponseText: text}, nil
	}
	first, last, ok := pageBounds(len(hits), s.maxPageSize, startOf(q.StartRecord), q.NumStations)
	if !ok {
		return &getStationsResponse{ResponseCode: codeNoStation, ResponseText: textNoStation}, nil
	}
	resp := &getStationsResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, MoreFlag: moreFlag(last < len(hits))}
	resp.StationData = make([]wireStationExtended, 0, last-first+1)
	for n := first; n <= last; n++ {
		st := &s.data.stations[hits[n-1]]
		resp.StationData = append(resp.StationData, s.data.toWireStationExtended(st, n, q.estimate(st)))
	}
	return resp, nil
}
