package cpapi

import (
	"context"
	"strings"
)

// Station rights: getStationRights (paged by startRecord, with no page-size field: the server decides
// how many records a page holds) and getStationRightsProfile.

var (
	opGetStationRights = pagedOperation[StationRightsSearchRequest, getStationRightsResponse, StationRights]{
		operation: operation{name: "getStationRights"},
		setPage:   func(q *StationRightsSearchRequest, start, _ Int) { q.StartRecord = start },
		page:      func(r *getStationRightsResponse) ([]StationRights, bool) { return r.Rights, r.MoreFlag.Value },
		key:       rightsKey,
	}
	opGetStationRightsProfile = operation{name: "getStationRightsProfile"}
)

// StationRightsSearchRequest is getStationRights' searchQuery (stationRightsSearchRequest): the station
// filters of getPublicStations plus organization, group, provisioning and status filters. Every filter is
// optional.
type StationRightsSearchRequest struct {
	// Its startRecord is the paging cursor; numStations stays unset: this operation has no page size.
	StationSearchRequest
	OrgID              String     `xml:"orgID" desc:"Only stations of this organization, \"CPNID:CompanyID\"."`
	CompanyID          String     `xml:"companyID" desc:"Only stations of this company ID."`
	OrganizationName   String     `xml:"organizationName" desc:"Only stations of the organization of this name."`
	SgID               Int        `xml:"sgID" desc:"Only rights through the station group of this ID."`
	SgName             String     `xml:"sgName" desc:"Only rights through the station group of this name."`
	ProvisionDateRange *DateRange `xml:"provisionDateRange" desc:"Only stations provisioned within these dates."`
	CurrentFault       String     `xml:"currentFault" desc:"Only stations with this current fault."`
	PortStatus         String     `xml:"portStatus" desc:"Only stations with a port in this status, for example \"AVAILABLE\"."`
	AdminStatus        String     `xml:"adminStatus" desc:"Only stations with this administrative status."`
	NetworkStatus      String     `xml:"networkStatus" desc:"Only stations with this network status, for example \"Reachable\"."`
	ProvisionStatus    String     `xml:"provisionStatus" desc:"Only stations with this provisioning status."`
}

// DateRange is provisionDateRange: two optional xsd:date ends.
type DateRange struct {
	StartDate Date `xml:"startDate" desc:"First day of the range, YYYY-MM-DD."`
	EndDate   Date `xml:"endDate" desc:"Last day of the range, YYYY-MM-DD."`
}

// StationRights is rightsData: the rights profile the API key holds on a set of stations through one group.
type StationRights struct {
	SgID                 Int                 `xml:"sgID" desc:"ID of the station group that grants the rights."`
	SgName               String              `xml:"sgName" desc:"Name of the station group that grants the rights."`
	StationRightsProfile String              `xml:"stationRightsProfile" desc:"Rights profile, for example \"network_manager\"; see chargepoint_station_rights_profile for its tasks."`
	Stations             []StationWithRights `xml:"stationData" tf:"stations" desc:"Stations the rights apply to, sorted by station_id."`
}

// StationWithRights is stationDataRights.
type StationWithRights struct {
	StationID        String `xml:"stationID" desc:"Station identifier, \"CPNID:StationIdentifier\"."`
	StationName      String `xml:"stationName" desc:"Station name, \"ORGANIZATION / NAME\"."`
	StationSerialNum String `xml:"stationSerialNum" desc:"Station serial number."`
	StationMacAddr   String `xml:"stationMacAddr" desc:"Station MAC address."`
	CompanyID        String `xml:"companyID" desc:"Company ID of the station's owner."`
}

type getStationRightsResponse struct {
	Result
	Rights   []StationRights `xml:"rightsData"`
	MoreFlag Bool            `xml:"moreFlag"`
}

// GetStationRights returns every rights record matching q, following moreFlag to the last page. The
// request has no page size: each next page starts after the records received so far.
func (c *Client) GetStationRights(ctx context.Context, q StationRightsSearchRequest) ([]StationRights, error) {
	rights, err := opGetStationRights.read(ctx, c, q)
	sortEach(rights)
	return rights, err
}

func (r *StationRights) sortLists() {
	SortBy(r.Stations, func(s StationWithRights) string { return s.StationID.Value })
}

func rightsKey(r StationRights) string {
	ids := make([]string, len(r.Stations))
	for i, s := range r.Stations {
		ids[i] = s.StationID.Value
	}
	return r.SgID.String() + "\x00" + r.StationRightsProfile.Value + "\x00" + strings.Join(ids, ",")
}

// StationRightsProfileRequest is the getStationRightsProfile request (bare <sgID> and <stationRightsProfile>).
type StationRightsProfileRequest struct {
	SgID                 Int    `xml:"sgID" tf:",required" desc:"ID of the station group whose rights profiles to describe."`
	StationRightsProfile String `xml:"stationRightsProfile" desc:"Only this rights profile, for example \"network_manager\"."`
}

// RightsTask is one taskList entry: a task the rights profile allows.
type RightsTask struct {
	Task        String `xml:"Task" desc:"Task name."`
	Description String `xml:"Description" desc:"What the task allows."`
}

type getStationRightsProfileResponse struct {
	Result
	Tasks []RightsTask `xml:"taskList"`
}

// GetStationRightsProfile lists the tasks of a station group's rights profiles. An unknown sgID is a
// ResponseError (124).
func (c *Client) GetStationRightsProfile(ctx context.Context, q StationRightsProfileRequest) ([]RightsTask, error) {
	var resp getStationRightsProfileResponse
	if err := c.call(ctx, opGetStationRightsProfile, q, &resp); err != nil {
		return nil, err
	}
	return resp.Tasks, nil
}
