package cpapi

import (
	"context"
	"strings"
)

// Station inventory: getStations (API guide §8.1).

var opGetStations = operation{name: "getStations", noMatch: []string{"102"}}

// StationSearchRequestExtended is getStations' searchQuery: the public-station filters plus the
// organization, group and activation filters of stations the key has rights to.
type StationSearchRequestExtended struct {
	StationSearchRequest
	OrgID                 String `xml:"orgID" desc:"Organization identifier, \"CPNID:CompanyID\" (for example \"1:ORG08313\")."`
	CompanyID             String `xml:"companyID" desc:"Company identifier of the owning organization."`
	OrganizationName      String `xml:"organizationName" desc:"Name of the owning organization."`
	SgID                  String `xml:"sgID" desc:"Station group ID (a string in this search): only stations of this group."`
	RadioGroupID          String `xml:"radioGroupID" desc:"Radio group identifier."`
	SgName                String `xml:"sgName" desc:"Station group name: only stations of this group."`
	StationActivationDate Time   `xml:"stationActivationDate" desc:"Station activation date to search by, RFC 3339 (ChargePoint does not document whether it matches that instant or from it on)."`
	WarrantyService       String `xml:"warrantyService" desc:"Warranty service of the station."`
}

// StationData is getStationData, the station record getStations and getCustomGroupStations share.
type StationData struct {
	StationCore
	StationActivationDate    Time   `xml:"stationActivationDate" desc:"When the station was activated, RFC 3339."`
	DriverName               String `xml:"driverName" desc:"Name of the driver the station is assigned to (home stations)."`
	DriverAddress            String `xml:"driverAddress" desc:"Address of that driver."`
	DriverEmail              String `xml:"driverEmail" desc:"Email address of that driver."`
	DriverPhoneNumber        String `xml:"driverPhoneNumber" desc:"Phone number of that driver."`
	LastModifiedDate         Time   `xml:"lastModifiedDate" desc:"Last modification of the station, RFC 3339."`
	WarrantyExpirationDate   Time   `xml:"warrantyExpirationDate" desc:"End of the station's warranty, RFC 3339."`
	WarrantyService          String `xml:"warrantyService" desc:"Warranty service."`
	WarrantyType             String `xml:"warrantyType" desc:"Warranty type."`
	ServicePlanExpiryDate    Date   `xml:"servicePlanExpiryDate" desc:"Last day of the station's service plan, YYYY-MM-DD."`
	ServicePlanAutoRenewDate Date   `xml:"servicePlanAutoRenewDate" desc:"Day the service plan renews automatically, YYYY-MM-DD."`
	Demo                     String `xml:"demo" desc:"Whether the station is a demo station, as ChargePoint reports it."`
}

// StationOwnership is the extension getStations and getCustomGroupStations add to StationData: owner,
// groups, site validation and network details.
type StationOwnership struct {
	OrgID              String   `xml:"orgID" desc:"Owning organization, \"CPNID:CompanyID\"."`
	CompanyID          String   `xml:"companyID" desc:"Company identifier of the owning organization."`
	OrganizationName   String   `xml:"organizationName" desc:"Name of the owning organization."`
	SgID               String   `xml:"sgID" desc:"Station groups the station belongs to, as ChargePoint sends them: IDs separated by \", \". See sg_ids."`
	SgName             String   `xml:"sgName" desc:"Names of those groups, as ChargePoint sends them: separated by \", \". See sg_names."`
	SgIDs              []String `xml:"-" tf:"sg_ids" desc:"Station group IDs: sg_id split into a list, in ChargePoint's order (empty when the station is in no group)."`
	SgNames            []String `xml:"-" tf:"sg_names" desc:"Station group names: sg_name split at \", \" into a list, in ChargePoint's order. A group name that itself contains \", \" is split too, so identify groups by sg_ids."`
	SiteValidated      Bool     `xml:"siteValidated" desc:"Whether the station's site has been validated."`
	SiteValidationDate Time     `xml:"siteValidationDate" desc:"When the site was validated, RFC 3339."`
	WanIPAddress       String   `xml:"wanIpAddress" desc:"WAN IP address of the station."`
	NetworkStatus      String   `xml:"networkStatus" desc:"Network status of the station, as ChargePoint reports it."`
	StationFirmware    String   `xml:"stationFirmware" desc:"Firmware version of the station."`
	StationReception   Int      `xml:"stationReception" desc:"Cellular reception of the station, as ChargePoint reports it."`
	RadioGroupID       String   `xml:"radioGroupID" desc:"Radio group identifier."`
}

// splitGroups fills SgIDs and SgNames from sgID ("48981, 49683") and sgName ("Demo, Public Stations").
// IDs are split at every comma; names only at ", ", ChargePoint's separator, so that a name such as
// "Lot A,B" survives.
func (o *StationOwnership) splitGroups() {
	o.SgIDs, o.SgNames = splitList(o.SgID, ","), splitList(o.SgName, ", ")
}

func splitList(s String, sep string) []String {
	out := []String{}
	for _, part := range strings.Split(s.Value, sep) {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, StringOf(part))
		}
	}
	return out
}

// Station is stationDataExtended: a station of getStations.
type Station struct {
	StationData
	StationOwnership
	ManagedBy *PartnerOrg `xml:"managedBy" desc:"Partner organization that manages the station, if any."`
}

// PartnerOrg is partnerOrgDetails.
type PartnerOrg struct {
	OrgID            String `xml:"orgID" desc:"Partner organization, \"CPNID:CompanyID\"."`
	CompanyID        String `xml:"companyID" desc:"Company identifier of the partner organization."`
	OrganizationName String `xml:"organizationName" desc:"Name of the partner organization."`
}

type getStationsResponse struct {
	Result
	Stations []Station `xml:"stationData"`
	MoreFlag Bool      `xml:"moreFlag"`
}

// GetStations returns every station the key has rights to that matches q, following moreFlag to the
// last page.
func (c *Client) GetStations(ctx context.Context, q StationSearchRequestExtended) ([]Station, error) {
	stations, err := collectPages(ctx, c, opGetStations.name, func(ctx context.Context, start int64) ([]Station, bool, error) {
		q := q
		q.StartRecord, q.NumStations = IntOf(start), IntOf(c.pageSize)
		var resp getStationsResponse
		if err := c.call(ctx, opGetStations, searchQuery[StationSearchRequestExtended]{q}, &resp); err != nil {
			return nil, false, err
		}
		return resp.Stations, resp.MoreFlag.Value, nil
	}, func(s Station) string { return s.StationID.Value })
	for i := range stations {
		stations[i].adopt50Shape()
		stations[i].splitGroups()
	}
	return stations, err
}

// StationByID is the query of the singular station lookup: one station, by ID.
type StationByID struct {
	StationID String `xml:"stationID" tf:",required" validate:"notempty" desc:"Station identifier, \"CPNID:StationIdentifier\" (for example \"1:81203\")."`
}

// GetStationByID returns the stations getStations finds for one station ID (one, or none).
func (c *Client) GetStationByID(ctx context.Context, q StationByID) ([]Station, error) {
	var query StationSearchRequestExtended
	query.StationID = q.StationID
	return c.GetStations(ctx, query)
}
