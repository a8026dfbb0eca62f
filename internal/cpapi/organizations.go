package cpapi

import "context"

// Organizations and their station groups: getOrgsAndStationGroups (API guide §8.5). No paging.

var opGetOrgsAndStationGroups = searchOperation[OrgsSearchQuery, getOrgsAndStationGroupsResponse, Organization]{
	operation: operation{name: "getOrgsAndStationGroups"},
	items:     func(r *getOrgsAndStationGroupsResponse) []Organization { return r.Organizations },
}

// OrgsSearchQuery is getOrgsAndStationGroupsSearchQuery. Every filter is optional.
type OrgsSearchQuery struct {
	OrgID            String `xml:"orgID" desc:"Only this organization, \"CPNID:CompanyID\" (for example \"1:ORG00509\")."`
	OrganizationName String `xml:"organizationName" desc:"Only the organization of this name."`
	SgID             Int    `xml:"sgID" desc:"Only the organization that has the station group of this ID, with that group."`
	SgName           String `xml:"sgName" desc:"Only the organization that has the station group of this name, with that group."`
}

// Organization is ohostdata: an organization the API key has rights to, with its custom station groups.
type Organization struct {
	OrgID            String            `xml:"orgID" desc:"Organization identifier, \"CPNID:CompanyID\"."`
	OrganizationName String            `xml:"organizationName" desc:"Organization name."`
	Groups           []OrgStationGroup `xml:"sgData" tf:"groups" desc:"Custom station groups of the organization, sorted by sg_id."`
}

// OrgStationGroup is one sgData of an organization.
type OrgStationGroup struct {
	SgID          Int    `xml:"sgID" desc:"Station group ID."`
	SgName        String `xml:"sgName" desc:"Station group name."`
	ParentGroupID Int    `xml:"parentGroupID" desc:"ID of the parent group, 0 for a top-level group."`
}

type getOrgsAndStationGroupsResponse struct {
	Result
	Organizations []Organization `xml:"orgData"`
}

// GetOrgsAndStationGroups returns the organizations matching q with their station groups.
func (c *Client) GetOrgsAndStationGroups(ctx context.Context, q OrgsSearchQuery) ([]Organization, error) {
	orgs, err := opGetOrgsAndStationGroups.read(ctx, c, q)
	sortEach(orgs)
	return orgs, err
}

func (o *Organization) sortLists() {
	SortBy(o.Groups, func(g OrgStationGroup) string { return g.SgID.String() })
}
