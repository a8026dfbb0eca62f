package simulator

import (
	"strconv"
	"strings"
)

// getStationRights: the key's station rights, one rightsData per (group, rights profile) in group ID
// then profile name order, each listing the group's stations. The group filters (orgID, companyID,
// organizationName, sgID, sgName) select groups; the station filters (those of getStations plus
// provisionDateRange, currentFault, portStatus, adminStatus, networkStatus, provisionStatus) select
// stations, and with any of them a rightsData without a matching station is left out. There is no page
// size: fixed pages of MaxPageSize rightsData from startRecord (an xsd:long), with moreFlag. Nothing
// matched: 100 with no rightsData.

type getStationRightsResponse struct {
	ResponseCode string           `xml:"responseCode"`
	ResponseText string           `xml:"responseText,omitempty"`
	RightsData   []wireRightsData `xml:"rightsData"`
	MoreFlag     *int             `xml:"moreFlag"`
}

type wireRightsData struct {
	SgID                 string              `xml:"sgID"`
	SgName               string              `xml:"sgName"`
	StationRightsProfile string              `xml:"stationRightsProfile"`
	StationData          []wireStationRights `xml:"stationData"`
}

// wireStationRights is stationDataRights.
type wireStationRights struct {
	StationID        string `xml:"stationID"`
	StationName      string `xml:"stationName,omitempty"`
	StationSerialNum string `xml:"stationSerialNum,omitempty"`
	StationMacAddr   string `xml:"stationMacAddr,omitempty"`
	CompanyID        string `xml:"companyID,omitempty"`
}

func (s *Server) getStationRights(req *element) (any, error) {
	var (
		q                                       stationSearch
		orgID, companyID, orgName, sgID, sgName *string
		startRecord                             *int64
		stationFilter                           bool
	)
	f := q.rightsFields()
	for name, decode := range f {
		f[name] = func(e *element, path string) error { stationFilter = true; return decode(e, path) }
	}
	f = merge(f, fields{
		"orgID":            stringField(&orgID),
		"companyID":        stringField(&companyID),
		"organizationName": stringField(&orgName),
		"sgID":             stringField(&sgID),
		"sgName":           stringField(&sgName),
		"startRecord":      longField(&startRecord),
	})
	if err := requiredSearchQuery(req, f); err != nil {
		return nil, err
	}
	matching := map[string]bool{}
	if stationFilter {
		hits, code, text := s.search(&q, nil)
		if code == codeInvalidProximityUnit {
			return &getStationRightsResponse{ResponseCode: code, ResponseText: text}, nil
		}
		for _, i := range hits {
			matching[s.data.stations[i].ID] = true
		}
	}
	var items []wireRightsData
	for _, g := range s.data.groups {
		org, _ := organization(g.OrgID)
		if !optionalFold(orgID, org.ID) || !optionalFold(companyID, org.CompanyID) || !optionalFold(orgName, org.Name) ||
			!optionalFold(sgID, strconv.Itoa(g.ID)) || !optionalFold(sgName, g.Name) {
			continue
		}
		var stations []wireStationRights
		for _, id := range g.StationIDs {
			if stationFilter && !matching[id] {
				continue
			}
			st := &s.data.stations[s.data.byID[id]]
			stations = append(stations, wireStationRights{StationID: st.ID, StationName: st.Name,
				StationSerialNum: st.SerialNum, StationMacAddr: st.MacAddr, CompanyID: st.CompanyID})
		}
		if stationFilter && len(stations) == 0 {
			continue
		}
		for _, profile := range g.RightsProfiles {
			items = append(items, wireRightsData{SgID: strconv.Itoa(g.ID), SgName: g.Name, StationRightsProfile: profile, StationData: stations})
		}
	}
	start := int64(1)
	if startRecord != nil {
		start = *startRecord
	}
	resp := &getStationRightsResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, MoreFlag: moreFlag(false)}
	if first, last, ok := pageBounds(len(items), s.maxPageSize, start, nil); ok {
		resp.RightsData, resp.MoreFlag = items[first-1:last], moreFlag(last < len(items))
	}
	return resp, nil
}

// optionalFold reports whether an absent filter, or one equal to have (case-insensitive, surrounding
// space ignored).
func optionalFold(want *string, have string) bool {
	return want == nil || strings.EqualFold(strings.TrimSpace(*want), have)
}
