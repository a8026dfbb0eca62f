package simulator

// getPublicStations (5.1): public stations matching a stationSearchRequest, paged with startRecord and
// numStations, with moreFlag.

type getPublicStationsResponse struct {
	ResponseCode string        `xml:"responseCode"`
	ResponseText string        `xml:"responseText,omitempty"`
	StationData  []wireStation `xml:"stationData"`
	MoreFlag     *int          `xml:"moreFlag"`
}

func (s *Server) getPublicStations(req *element) (any, error) {
	var q stationSearch
	if err := requiredSearchQuery(req, q.fields()); err != nil {
		return nil, err
	}
	hits, code, text := s.search(&q, func(st *Station) bool { return st.Public })
	if code != "" {
		return &getPublicStationsResponse{ResponseCode: code, ResponseText: text}, nil
	}
	first, last, ok := pageBounds(len(hits), s.maxPageSize, startOf(q.StartRecord), q.NumStations)
	if !ok {
		return &getPublicStationsResponse{ResponseCode: codeNoStation, ResponseText: textNoStation}, nil
	}
	resp := &getPublicStationsResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, MoreFlag: moreFlag(last < len(hits))}
	resp.StationData = make([]wireStation, 0, last-first+1)
	for n := first; n <= last; n++ {
		st := &s.data.stations[hits[n-1]]
		resp.StationData = append(resp.StationData, toWireStation(st, n, q.estimate(st)))
	}
	return resp, nil
}
