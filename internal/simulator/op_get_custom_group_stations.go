package simulator

import "strings"

// getCustomGroupStations (5.1): the stations of the custom group named sgName (required,
// case-insensitive; direct members, which include the child groups' stations) as
// customGroupstationDataExtended, optionally only stationID, paged with startRecord and numStations,
// with moreFlag. 102 when nothing matches, including an unknown group name.

type getCustomGroupStationsResponse struct {
	ResponseCode string                   `xml:"responseCode"`
	ResponseText string                   `xml:"responseText,omitempty"`
	StationData  []wireCustomGroupStation `xml:"stationData"`
	MoreFlag     *int                     `xml:"moreFlag"`
}

func (s *Server) getCustomGroupStations(req *element) (any, error) {
	var (
		stationID, sgName        *string
		startRecord, numStations *int
	)
	err := decodeAll(req, req.Name.Local, fields{"searchQuery": func(e *element, path string) error {
		return decodeAll(e, path, fields{
			"stationID":   stringField(&stationID),
			"sgName":      stringField(&sgName),
			"startRecord": intField(&startRecord),
			"numStations": intField(&numStations),
		}, "sgName")
	}}, "searchQuery")
	if err != nil {
		return nil, err
	}
	var hits []int
	for i := range s.data.stations {
		st := &s.data.stations[i]
		if stationID != nil && !strings.EqualFold(st.ID, *stationID) {
			continue
		}
		for _, id := range s.data.groupIDsNamed(*sgName) {
			if inGroup(st, id) {
				hits = append(hits, i)
				break
			}
		}
	}
	first, last, ok := pageBounds(len(hits), s.maxPageSize, startOf(startRecord), numStations)
	if !ok {
		return &getCustomGroupStationsResponse{ResponseCode: codeNoStation, ResponseText: textNoStation}, nil
	}
	resp := &getCustomGroupStationsResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, MoreFlag: moreFlag(last < len(hits))}
	resp.StationData = make([]wireCustomGroupStation, 0, last-first+1)
	for n := first; n <= last; n++ {
		st := &s.data.stations[hits[n-1]]
		resp.StationData = append(resp.StationData, wireCustomGroupStation{
			wireStationData:  toWireStationData(st, n, 0),
			wireOrgExtension: s.data.toWireOrgExtension(st),
		})
	}
	return resp, nil
}
