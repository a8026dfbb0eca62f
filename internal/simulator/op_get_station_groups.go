package simulator

import "strings"

// getStationGroups: the station groups of one organization (<orgID>, required, not wrapped in a
// searchQuery), each with its stations' IDs and locations; 100 with no groupData for an organization
// without groups or an unknown one.

type getStationGroupsResponse struct {
	ResponseCode string          `xml:"responseCode"`
	ResponseText string          `xml:"responseText,omitempty"`
	GroupData    []wireGroupData `xml:"groupData"`
}

// wireGroupData is groupsdata.
type wireGroupData struct {
	SgID             int                `xml:"sgID"`
	OrgID            string             `xml:"orgID"`
	SgName           string             `xml:"sgName"`
	OrganizationName string             `xml:"organizationName"`
	StationData      []wireGroupStation `xml:"stationData"`
}

type wireGroupStation struct {
	StationID string  `xml:"stationID"`
	Geo       wireGeo `xml:"Geo"`
}

func (s *Server) getStationGroups(req *element) (any, error) {
	var orgID *string
	if err := decodeSequence(req, "getStationGroups", []seqField{{"orgID", stringField(&orgID), true}}); err != nil {
		return nil, err
	}
	resp := &getStationGroupsResponse{ResponseCode: codeSuccess, ResponseText: textSuccess}
	for _, g := range s.data.groups {
		if !strings.EqualFold(g.OrgID, *orgID) {
			continue
		}
		org, _ := organization(g.OrgID)
		w := wireGroupData{SgID: g.ID, OrgID: g.OrgID, SgName: g.Name, OrganizationName: org.Name}
		for _, id := range g.StationIDs {
			st := &s.data.stations[s.data.byID[id]]
			w.StationData = append(w.StationData, wireGroupStation{StationID: st.ID,
				Geo: wireGeo{Lat: formatCoordinate(st.Lat), Long: formatCoordinate(st.Long)}})
		}
		resp.GroupData = append(resp.GroupData, w)
	}
	return resp, nil
}
