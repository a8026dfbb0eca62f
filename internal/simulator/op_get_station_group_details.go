package simulator

import "strings"

// getStationGroupDetails: one group (<sgID>, required, not wrapped) with its direct child groups and
// its stations (ID, name and the one-line address getLoad also uses); with <stationID>, only that station (numStations 1, or
// 0 if it is not in the group). An unknown sgID is answered with 124 "Invalid sgID.".

type getStationGroupDetailsResponse struct {
	ResponseCode string                   `xml:"responseCode"`
	ResponseText string                   `xml:"responseText,omitempty"`
	GroupName    string                   `xml:"groupName,omitempty"`
	NumStations  *int                     `xml:"numStations"`
	GroupData    []wireChildGroup         `xml:"groupData"`
	StationData  []wireGroupStationDetail `xml:"stationData"`
}

// wireChildGroup is childGroupData.
type wireChildGroup struct {
	SgID   int    `xml:"sgID"`
	SgName string `xml:"sgName"`
}

// wireGroupStationDetail is stationGroupData.
type wireGroupStationDetail struct {
	StationID   string `xml:"stationID"`
	StationName string `xml:"stationName"`
	Address     string `xml:"Address"`
}

const (
	codeInvalidSgID = "124"
	textInvalidSgID = "Invalid sgID."
)

func (s *Server) getStationGroupDetails(req *element) (any, error) {
	var (
		sgID      *int
		stationID *string
	)
	err := decodeSequence(req, "getStationGroupDetails", []seqField{
		{"sgID", intField(&sgID), true},
		{"stationID", stringField(&stationID), false},
	})
	if err != nil {
		return nil, err
	}
	g, ok := s.data.Group(*sgID)
	if !ok {
		return &getStationGroupDetailsResponse{ResponseCode: codeInvalidSgID, ResponseText: textInvalidSgID}, nil
	}
	resp := &getStationGroupDetailsResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, GroupName: g.Name}
	for _, c := range s.data.ChildGroups(g.ID) {
		resp.GroupData = append(resp.GroupData, wireChildGroup{SgID: c.ID, SgName: c.Name})
	}
	for _, id := range g.StationIDs {
		if stationID != nil && !strings.EqualFold(id, strings.TrimSpace(*stationID)) {
			continue
		}
		st := &s.data.stations[s.data.byID[id]]
		resp.StationData = append(resp.StationData, wireGroupStationDetail{StationID: st.ID, StationName: st.Name, Address: oneLineAddress(st)})
	}
	n := len(resp.StationData)
	resp.NumStations = &n
	return resp, nil
}
