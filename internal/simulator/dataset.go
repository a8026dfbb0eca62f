package simulator

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// Station is one charging station of the simulated network. The fields follow the 5.1 stationData
// type; Lat and Long are the station's (and every port's) coordinates in decimal degrees.
type Station struct {
	ID           string // "CPN:number", e.g. "1:81203" (1 = North America, 2 = Europe, 4 = Canada)
	Manufacturer string
	Model        string
	MacAddr      string
	SerialNum    string
	Name         string // "COMPANY / STATION", e.g. "CHARGEPOINT / HQ 5"
	Description  string
	Address      string // street only, as getStations/getPublicStations return it
	City         string
	State        string // full name, e.g. "California"
	Country      string // full name, e.g. "United States"
	PostalCode   string
	Lat, Long    float64

	Ports   []Port
	Pricing []Pricing // 0, 1 or 2 blocks

	MainPhone      string
	ModTime        time.Time // modTimeStamp, UTC
	TimezoneOffset string    // e.g. "-08:00"
	CurrencyCode   string    // ISO 4217

	Public           bool   // listed by getPublicStations
	OrgID            string // "CPN:ORGnnnnn": the organization of the station's city (orgOfCity)
	OrganizationName string

	// The 5.1 getStations (stationDataExtended) attributes.
	CompanyID          string    // the organization's companyID
	ActivationDate     time.Time // stationActivationDate, UTC
	DriverName         string    // the four driver fields are set only on stations assigned to a driver
	DriverAddress      string
	DriverEmail        string
	DriverPhone        string
	LastModified       time.Time // lastModifiedDate, UTC
	WarrantyExpiration time.Time
	WarrantyService    string    // "Assure" or "Standard"
	WarrantyType       string    // "Parts and Labor" or "Parts Only"
	ServicePlanExpiry  time.Time // a date: midnight UTC
	ServicePlanRenew   time.Time // servicePlanAutoRenewDate, a date
	Demo               bool
	SiteValidated      bool
	SiteValidationDate time.Time // zero unless SiteValidated
	WANIPAddress       string
	NetworkStatus      string // "Reachable", or "Unreachable" when the station's ports are UNREACHABLE
	Firmware           string
	Reception          int // signal bars, 0 to 5 (0 when unreachable)
	RadioGroupID       string
	ManagedBy          string  // org ID of the partner organization that manages the station, or ""
	AdminStatus        string  // "Active" or "Inactive"
	ProvisionStatus    string  // "Provisioned"
	Faults             []Fault // active faults, oldest first (see ActiveFaults)

	groupIDs []int // the groups the station is in, sorted (see GroupsOf)
}

// Port is one port of a station (5.1 portData).
type Port struct {
	Number     int
	Reservable bool
	Status     string // AVAILABLE, INUSE, UNREACHABLE or UNKNOWN
	// FaultReason says why an UNREACHABLE or UNKNOWN port is out of service (getStationStatus
	// faultReason); it is the name of one of the station's active faults.
	FaultReason string
	Level       string    // L1, L2 or DC (North America); "" in Europe
	Mode        string    // "3" (AC) or "4" (DC) in Europe; "" in North America
	TimeStamp   time.Time // last communication, UTC
	Connectors  []Connector
	Connector   string // connector type(s), e.g. "J1772", or "CCS1, CHAdeMO" on a two-connector port
	Voltage     string // V
	Current     string // A
	Power       string // kW
}

// Connector is one connector of a multi-connector port (labels 1A, 1B, ...).
type Connector struct {
	Label  string
	Status string
	Type   string // not on the wire (the 5.1 Connector type has no such field); used by the Connector filter
}

// Pricing is one pricingSpecification block. StartTime and EndTime are "HH:MM:SS".
type Pricing struct {
	Type                string // None, Hourly, Session or kWh
	StartTime, EndTime  string
	MinPrice, MaxPrice  float64
	UnitPricePerHour    float64
	UnitPricePerSession float64
	UnitPricePerKWh     float64
}

// Dataset is the immutable data a Server answers from: stations, organizations, station groups, rights
// profiles and active faults.
type Dataset struct {
	stations   []Station // sorted by ID (see compareIDs)
	points     []geoPoint
	byID       map[string]int
	groups     []Group // sorted by ID
	groupIndex map[int]int
}

func newDataset(generated []Station) *Dataset {
	// Sorting indexes and copying each station once is much cheaper than sorting the large structs.
	order := make([]int, len(generated))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return compareIDs(generated[a].ID, generated[b].ID) })
	stations := make([]Station, len(generated))
	for i, j := range order {
		stations[i] = generated[j]
	}
	d := &Dataset{stations: stations, points: make([]geoPoint, len(stations)), byID: make(map[string]int, len(stations))}
	for i, s := range stations {
		d.points[i] = newGeoPoint(s.Lat, s.Long)
		d.byID[s.ID] = i
	}
	d.groups, d.groupIndex = buildGroups(stations)
	return d
}

// compareIDs orders station IDs by CPN, then by station number, numerically. For the generated data
// (at most seven-digit numbers) this is also plain string order.
func compareIDs(a, b string) int {
	ac, an, _ := strings.Cut(a, ":")
	bc, bn, _ := strings.Cut(b, ":")
	if c := compareNumeric(ac, bc); c != 0 {
		return c
	}
	return compareNumeric(an, bn)
}

func compareNumeric(a, b string) int {
	ai, aerr := strconv.ParseUint(a, 10, 64)
	bi, berr := strconv.ParseUint(b, 10, 64)
	if aerr == nil && berr == nil && ai != bi {
		if ai < bi {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}

// Len returns the number of stations.
func (d *Dataset) Len() int { return len(d.stations) }

// Stations returns every station, sorted by ID. The slice is a copy; the stations' Ports and Pricing
// slices are shared with the data set and must not be modified.
func (d *Dataset) Stations() []Station { return slices.Clone(d.stations) }

// Station returns the station with the given ID.
func (d *Dataset) Station(id string) (Station, bool) {
	i, ok := d.byID[id]
	if !ok {
		return Station{}, false
	}
	return d.stations[i], true
}

// PublicWithin returns the public stations whose great-circle distance from (lat, long) is at most
// distance, in unit (M miles, N nautical miles, K km, F feet, I inches; case-insensitive), sorted by ID.
// It returns nil for an unknown unit.
func (d *Dataset) PublicWithin(lat, long, distance float64, unit string) []Station {
	perUnit, ok := kmPerUnit[normalizeUnit(unit)]
	if !ok {
		return nil
	}
	centre, radius := newGeoPoint(lat, long), distance*perUnit
	var out []Station
	for i := range d.stations {
		if d.stations[i].Public && withinKm(centre, d.points[i], radius) {
			out = append(out, d.stations[i])
		}
	}
	return out
}

// Organizations returns every organization, sorted by ID.
func (d *Dataset) Organizations() []Organization { return slices.Clone(organizations) }

// Organization returns the organization with the given ID.
func (d *Dataset) Organization(id string) (Organization, bool) { return organization(id) }

// CPNInstances returns the ChargePoint network instances getCPNInstances lists, sorted by ID.
func (d *Dataset) CPNInstances() []CPN { return slices.Clone(cpnInstances) }
