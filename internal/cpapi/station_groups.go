package cpapi

import "context"

// Custom station groups: getStationGroups (API guide §8.3) and getStationGroupDetails. Neither pages, and
// neither wraps its request in a searchQuery.

var (
	opGetStationGroups       = operation{name: "getStationGroups"}
	opGetStationGroupDetails = operation{name: "getStationGroupDetails"}
)

// StationGroupsRequest is the getStationGroups request: one organization, sent as a bare <orgID>.
type StationGroupsRequest struct {
	OrgID String `xml:"orgID" tf:",required" validate:"notempty" desc:"Organization whose custom station groups to list, \"CPNID:CompanyID\" (for example \"1:ORG00509\")."`
}

// StationGroup is groupsdata: one custom station group and the location of each of its stations.
type StationGroup struct {
	SgID             Int                 `xml:"sgID" desc:"Station group ID."`
	OrgID            String              `xml:"orgID" desc:"Organization that owns the group, \"CPNID:CompanyID\"."`
	SgName           String              `xml:"sgName" desc:"Station group name."`
	OrganizationName String              `xml:"organizationName" desc:"Name of the organization that owns the group."`
	Stations         []StationGroupPoint `xml:"stationData" tf:"stations" desc:"Stations in the group, sorted by station_id."`
}

// StationGroupPoint is a station of a groupsdata: its ID and location.
type StationGroupPoint struct {
	StationID String    `xml:"stationID" desc:"Station identifier, \"CPNID:StationIdentifier\"."`
	Geo       *GeoPoint `xml:"Geo" desc:"Station location."`
}

type getStationGroupsResponse struct {
	Result
	Groups []StationGroup `xml:"groupData"`
}

// GetStationGroups returns the custom station groups of one organization with their stations.
func (c *Client) GetStationGroups(ctx context.Context, q StationGroupsRequest) ([]StationGroup, error) {
	var resp getStationGroupsResponse
	if err := c.call(ctx, opGetStationGroups, q, &resp); err != nil {
		return nil, err
	}
	sortEach(resp.Groups)
	return resp.Groups, nil
}

func (g *StationGroup) sortLists() {
	SortBy(g.Stations, func(s StationGroupPoint) string { return s.StationID.Value })
}

// StationGroupDetailsRequest is the getStationGroupDetails request (bare <sgID> and <stationID>, in this order).
type StationGroupDetailsRequest struct {
	SgID      Int    `xml:"sgID" tf:",required" desc:"ID of the station group to describe."`
	StationID String `xml:"stationID" validate:"stationid" desc:"Only this station of the group: \"CPNID:StationIdentifier\". The group's other stations are left out and num_stations is 1."`
}

// StationGroupDetails is getStationGroupDetailsResponse without its responseCode: one group, its child
// groups and its stations.
type StationGroupDetails struct {
	GroupName   String                `xml:"groupName" desc:"Station group name."`
	NumStations Int                   `xml:"numStations" desc:"Number of stations in the group (1 when station_id is set)."`
	Groups      []ChildStationGroup   `xml:"groupData" tf:"groups" desc:"Child groups of the group, sorted by sg_id."`
	Stations    []StationGroupStation `xml:"stationData" tf:"stations" desc:"Stations in the group, sorted by station_id."`
}

// ChildStationGroup is childGroupData.
type ChildStationGroup struct {
	SgID   Int    `xml:"sgID" desc:"Child group ID."`
	SgName String `xml:"sgName" desc:"Child group name."`
}

// StationGroupStation is stationGroupData.
type StationGroupStation struct {
	StationID   String `xml:"stationID" desc:"Station identifier, \"CPNID:StationIdentifier\"."`
	StationName String `xml:"stationName" desc:"Station name, \"ORGANIZATION / NAME\"."`
	Address     String `xml:"Address" desc:"Station address on one line."`
}

type getStationGroupDetailsResponse struct {
	Result
	StationGroupDetails
}

// GetStationGroupDetails describes one station group. An unknown sgID is a ResponseError (124).
func (c *Client) GetStationGroupDetails(ctx context.Context, q StationGroupDetailsRequest) (StationGroupDetails, error) {
	var resp getStationGroupDetailsResponse
	if err := c.call(ctx, opGetStationGroupDetails, q, &resp); err != nil {
		return StationGroupDetails{}, err
	}
	resp.sortLists()
	return resp.StationGroupDetails, nil
}

func (g *StationGroupDetails) sortLists() {
	SortBy(g.Groups, func(child ChildStationGroup) string { return child.SgID.String() })
	SortBy(g.Stations, func(s StationGroupStation) string { return s.StationID.Value })
}
