package simulator

import (
	"strconv"
	"strings"
)

// getOrgsAndStationGroups: the organizations and their station groups, filtered by a searchQuery
// (orgID, organizationName, sgID, sgName; all optional, case-insensitive). With a group filter only the
// matching groups are listed, and only organizations that have one; without, every group of every
// matching organization (an organization without groups comes with no sgData). Nothing matched: 100
// with no orgData.

type getOrgsAndStationGroupsResponse struct {
	ResponseCode string        `xml:"responseCode"`
	ResponseText string        `xml:"responseText,omitempty"`
	OrgData      []wireOrgData `xml:"orgData"`
}

// wireOrgData is ohostdata.
type wireOrgData struct {
	OrgID            string       `xml:"orgID"`
	OrganizationName string       `xml:"organizationName"`
	SgData           []wireSgData `xml:"sgData"`
}

type wireSgData struct {
	SgID          int    `xml:"sgID"`
	SgName        string `xml:"sgName"`
	ParentGroupID string `xml:"parentGroupID"` // "0" for a top-level group
}

func (s *Server) getOrgsAndStationGroups(req *element) (any, error) {
	var (
		orgID, orgName, sgName *string
		sgID                   *int
	)
	err := requiredSearchQuery(req, fields{
		"orgID":            stringField(&orgID),
		"organizationName": stringField(&orgName),
		"sgID":             intField(&sgID),
		"sgName":           stringField(&sgName),
	})
	if err != nil {
		return nil, err
	}
	groupFilter := sgID != nil || sgName != nil
	resp := &getOrgsAndStationGroupsResponse{ResponseCode: codeSuccess, ResponseText: textSuccess}
	for _, org := range organizations {
		if orgID != nil && !strings.EqualFold(org.ID, *orgID) || orgName != nil && !strings.EqualFold(org.Name, *orgName) {
			continue
		}
		w := wireOrgData{OrgID: org.ID, OrganizationName: org.Name}
		for _, g := range s.data.groups {
			if g.OrgID != org.ID || sgID != nil && g.ID != *sgID || sgName != nil && !strings.EqualFold(g.Name, *sgName) {
				continue
			}
			w.SgData = append(w.SgData, wireSgData{SgID: g.ID, SgName: g.Name, ParentGroupID: strconv.Itoa(g.ParentID)})
		}
		if groupFilter && len(w.SgData) == 0 {
			continue
		}
		resp.OrgData = append(resp.OrgData, w)
	}
	return resp, nil
}
