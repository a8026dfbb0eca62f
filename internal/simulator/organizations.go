package simulator

// Organization is a ChargePoint organization (a station owner). Its ID is "CPN:ORGnnnnn"; CompanyID
// is the number of that ID without the ORG prefix and leading zeros (ChargePoint documents no format for
// companyID; this is the simulator's choice).
type Organization struct {
	ID        string // e.g. "1:ORG00001"
	CompanyID string // e.g. "1"
	Name      string
}

// Organization IDs. ChargePoint (1:ORG00001) owns the seed station and manages some stations of the other
// North American organizations (Station.ManagedBy).
const (
	chargePointOrgID = "1:ORG00001"
	goldenGateOrgID  = "1:ORG04512"
	continentalOrgID = "1:ORG07225"
	mapleLeafOrgID   = "4:ORG00318"
	europaOrgID      = "2:ORG01950"
)

// organizations, sorted by ID. Every station belongs to the organization of its city (orgOfCity), so
// an organization's ID starts with its stations' CPN.
var organizations = []Organization{
	{ID: chargePointOrgID, CompanyID: "1", Name: "ChargePoint"},
	{ID: goldenGateOrgID, CompanyID: "4512", Name: "Golden Gate Mobility"},
	{ID: continentalOrgID, CompanyID: "7225", Name: "Continental EV Networks"},
	{ID: europaOrgID, CompanyID: "1950", Name: "Europa Laden"},
	{ID: mapleLeafOrgID, CompanyID: "318", Name: "Maple Leaf EV"},
}

// orgOfCity maps a gazetteer city to the organization that owns its stations.
var orgOfCity = map[string]string{
	"Campbell":      chargePointOrgID,
	"San Jose":      chargePointOrgID,
	"San Francisco": goldenGateOrgID,
	"Seattle":       goldenGateOrgID,
	"Austin":        continentalOrgID,
	"New York":      continentalOrgID,
	"Vancouver":     mapleLeafOrgID,
	"Berlin":        europaOrgID,
	"Amsterdam":     europaOrgID,
}

func organization(id string) (Organization, bool) {
	for _, o := range organizations {
		if o.ID == id {
			return o, true
		}
	}
	return Organization{}, false
}

// CPN is one ChargePoint network instance (getCPNInstances); its ID is the prefix of station and
// organization IDs.
type CPN struct {
	ID, Name, Description string
}

// cpnInstances is what ChargePoint answered to getCPNInstances (reference notes §5.2).
var cpnInstances = []CPN{
	{ID: "1", Name: "NA", Description: "ChargePoint Operations"},
	{ID: "2", Name: "EU", Description: "ChargePoint Europe"},
	{ID: "3", Name: "AU", Description: "ChargePoint Australia"},
	{ID: "4", Name: "CA", Description: "ChargePoint Canada"},
}
