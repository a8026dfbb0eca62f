package cpapi

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Station inventory: getStations (API guide §8.1).

var opGetStations = pagedOperation[StationSearchRequestExtended, getStationsResponse, Station]{
	operation: operation{name: "getStations", noMatch: []string{"102"}},
	setPage:   func(q *StationSearchRequestExtended, start, size Int) { q.StartRecord, q.NumStations = start, size },
	page:      func(r *getStationsResponse) ([]Station, bool) { return r.Stations, r.MoreFlag.Value },
	key:       func(s Station) string { return s.StationID.Value },
}

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
	SgIDs              []Int    `xml:"-" tf:"sg_ids" desc:"Station group IDs: sg_id split into a list of numbers, in ChargePoint's order (empty when the station is in no group), like sg_id in every other data source, so that a station joins its groups directly: contains(s.sg_ids, g.sg_id). A part of sg_id that is not a whole number is null in its place, with a warning."`
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
// IDs are split at every comma and are numbers, as sgID is everywhere else in the API; a part that is
// not a whole number is null in its place (UnparsedValues names it). Names are split only at ", ",
// ChargePoint's separator, so that a name such as "Lot A,B" survives.
func (o *StationOwnership) splitGroups() {
	parts := splitList(o.SgID, ",")
	o.SgIDs = make([]Int, len(parts))
	for i, p := range parts {
		if n, err := strconv.ParseInt(p.Value, 10, 64); err == nil {
			o.SgIDs[i] = IntOf(n)
		}
	}
	o.SgNames = splitList(o.SgName, ", ")
}

// unparsedSgIDs returns the parts of sgID that sg_ids holds as null, because they are not whole numbers.
func (o *StationOwnership) unparsedSgIDs() []string {
	if !slices.ContainsFunc(o.SgIDs, func(id Int) bool { return !id.Valid }) {
		return nil // the common case, without splitting sgID again
	}
	var bad []string
	for _, p := range splitList(o.SgID, ",") {
		if _, err := strconv.ParseInt(p.Value, 10, 64); err != nil {
			bad = append(bad, p.Value)
		}
	}
	return bad
}

// UnparsedValues is implemented by the result items whose attributes cpapi derives after decoding
// (sg_ids): each string names a value ChargePoint sent that its derived attribute could not hold, and
// which is null there. The provider warns about them.
type UnparsedValues interface {
	UnparsedValues() []string
}

// UnparsedValues names the parts of sg_id that are not whole numbers.
func (s *Station) UnparsedValues() []string {
	return describeUnparsedSgIDs(s.StationID, &s.StationOwnership)
}

// UnparsedValues names the parts of sg_id that are not whole numbers.
func (s *CustomGroupStation) UnparsedValues() []string {
	return describeUnparsedSgIDs(s.StationID, &s.StationOwnership)
}

func describeUnparsedSgIDs(stationID String, o *StationOwnership) []string {
	bad := o.unparsedSgIDs()
	if len(bad) == 0 {
		return nil
	}
	out := make([]string, len(bad))
	for i, b := range bad {
		out[i] = fmt.Sprintf("station %s: %q of sg_id %q is not a whole number (null in sg_ids)", stationID.Value, b, o.SgID.Value)
	}
	return out
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
	stations, err := opGetStations.read(ctx, c, q)
	for i := range stations {
		stations[i].adopt50Shape()
		stations[i].splitGroups()
		stations[i].sortLists()
	}
	return stations, err
}

// StationByID is the query of the singular station lookup: one station, by ID.
type StationByID struct {
	StationID String `xml:"stationID" tf:",required" validate:"notempty;stationid" desc:"Station identifier, \"CPNID:StationIdentifier\" (for example \"1:81203\")."`
}

// GetStationByID returns the stations getStations finds for one station ID (one, or none).
func (c *Client) GetStationByID(ctx context.Context, q StationByID) ([]Station, error) {
	var query StationSearchRequestExtended
	query.StationID = q.StationID
	return c.GetStations(ctx, query)
}
