package cpapi

import "context"

// Station searches: getPublicStations (API guide §5.1).

var opGetPublicStations = pagedOperation[StationSearchRequest, getPublicStationsResponse, PublicStation]{
	operation: operation{name: "getPublicStations", noMatch: []string{"102"}},
	setPage:   func(q *StationSearchRequest, start, size Int) { q.StartRecord, q.NumStations = start, size },
	page:      func(r *getPublicStationsResponse) ([]PublicStation, bool) { return r.Stations, r.MoreFlag.Value },
	key:       func(s PublicStation) string { return s.StationID.Value },
}

// SearchArea is where a search looks: around an address or a geo point, within a proximity.
type SearchArea struct {
	Address       String    `xml:"Address" desc:"Street address around which to search (with city, state and postal code)."`
	City          String    `xml:"City" desc:"City around which to search."`
	State         String    `xml:"State" desc:"State or province around which to search."`
	Country       String    `xml:"Country" desc:"Country around which to search."`
	PostalCode    String    `xml:"postalCode" desc:"Postal code around which to search."`
	Proximity     Float     `xml:"Proximity" validate:"atleast=0" desc:"Search radius around the address or geo point, in proximity_unit (ChargePoint's default for station searches is 5)."`
	ProximityUnit String    `xml:"proximityUnit" validate:"oneof=M N K F I" desc:"Unit of proximity: M (miles, the default), N (nautical miles), K (kilometres), F (feet) or I (inches)."`
	Geo           *GeoPoint `xml:"Geo" desc:"Centre of the search, instead of an address."`
}

// StationFilters are the station filters that every station search request type shares
// (stationSearchRequest, statusSearchdata, stationRightsSearchRequest, ...).
type StationFilters struct {
	StationID           String `xml:"stationID" validate:"stationid" desc:"Station identifier, \"CPNID:StationIdentifier\" (for example \"1:81203\")."`
	StationManufacturer String `xml:"stationManufacturer" desc:"Station manufacturer, for example \"Coulomb\"."`
	StationModel        String `xml:"stationModel" desc:"Station model, for example \"CT2025-HD-GW1-CCR\"."`
	StationName         String `xml:"stationName" desc:"Station name; wildcard characters (*) are allowed."`
	SearchArea
	Connector         String                        `xml:"Connector" desc:"Connector type, for example \"J1772\", \"NEMA 5-20R\" or \"CCS1\"."`
	Voltage           Float                         `xml:"Voltage" desc:"Nominal voltage (V)."`
	Current           Float                         `xml:"Current" desc:"Supported current (A)."`
	Power             Float                         `xml:"Power" desc:"Supported power (kW)."`
	DemoSerialNumbers WrappedList[SerialNumberItem] `xml:"demoSerialNumber" tf:"demo_serial_numbers" desc:"Serial numbers of stations identified as demo stations."`
	Reservable        Bool                          `xml:"Reservable" desc:"Only stations that can (true) or cannot (false) be reserved."`
	Level             String                        `xml:"Level" validate:"oneof=L1 L2 DC" desc:"Charging level (US): L1, L2 or DC."`
	Mode              String                        `xml:"Mode" desc:"Charging mode (EU): 1 (Mode 1), 3 (Mode 3) or 4 (DC fast)."`
	Pricing           *PricingOptions               `xml:"Pricing" desc:"A charging session to estimate the cost of (ChargePoint requires all four values). getPublicStations fills every port's estimated_cost for it; the other searches accept it as a filter input of the same request type."`
}

// StationSearchRequest is getPublicStations' searchQuery (stationSearchRequest).
type StationSearchRequest struct {
	StationFilters
	SerialNumber String `xml:"serialNumber" desc:"Station serial number."`
	StartRecord  Int    `xml:"startRecord" tf:"-"`
	NumStations  Int    `xml:"numStations" tf:"-"`
}

// GeoPoint is geoData: latitude and longitude in decimal degrees.
type GeoPoint struct {
	Lat  Float `xml:"Lat" tf:",required" validate:"between=-90 90" desc:"Latitude in decimal degrees, -90 to 90."`
	Long Float `xml:"Long" tf:",required" validate:"between=-180 180" desc:"Longitude in decimal degrees, -180 to 180."`
}

// PricingOptions is pricingOptions: the session to estimate a cost for. ChargePoint requires all four.
type PricingOptions struct {
	StartTime      String `xml:"startTime" tf:",required" validate:"clock" desc:"Session start time of day, HH:MM:SS."`
	Duration       Int    `xml:"Duration" tf:",required" validate:"atleast=0" desc:"Expected session duration in minutes."`
	EnergyRequired Float  `xml:"energyRequired" tf:",required" validate:"atleast=0" desc:"Energy required, kWh."`
	VehiclePower   Float  `xml:"vehiclePower" tf:",required" validate:"atleast=0" desc:"Power the vehicle accepts, kW."`
}

// StationCore holds the station fields every station record shares (stationData, getStationData,
// customGroupstationDataExtended). A 5.0-shaped answer is normalized after decoding (adopt50Shape).
type StationCore struct {
	StationID           String        `xml:"stationID" desc:"Station identifier, \"CPNID:StationIdentifier\"."`
	StationManufacturer String        `xml:"stationManufacturer" desc:"Station manufacturer."`
	StationModel        String        `xml:"stationModel" desc:"Station model."`
	StationMacAddr      String        `xml:"stationMacAddr" desc:"Station MAC address."`
	StationSerialNum    String        `xml:"stationSerialNum" desc:"Station serial number."`
	StationName         String        `xml:"stationName" desc:"Station name, \"ORGANIZATION / NAME\"."`
	Description         String        `xml:"Description" desc:"Station description, often where to find it."`
	Address             String        `xml:"Address" desc:"Street address."`
	City                String        `xml:"City" desc:"City."`
	State               String        `xml:"State" desc:"State or province."`
	Country             String        `xml:"Country" desc:"Country."`
	PostalCode          String        `xml:"postalCode" desc:"Postal code."`
	Ports               []Port        `xml:"Port" tf:"ports" desc:"Ports, sorted by port_number."`
	Pricing             []PricingSpec `xml:"Pricing" tf:"pricing" desc:"Pricing (up to two blocks)."`
	NumPorts            Int           `xml:"numPorts" desc:"Number of ports."`
	MainPhone           String        `xml:"mainPhone" desc:"Driver support phone number."`
	ModTimeStamp        Time          `xml:"modTimeStamp" desc:"Last modification of the station record, RFC 3339."`
	TimezoneOffset      String        `xml:"timezoneOffset" desc:"Station time zone offset as ChargePoint reports it, for example \"-08:00\"."`
	CurrencyCode        String        `xml:"currencyCode" desc:"ISO 4217 currency of the station's pricing."`
	RecordNumber        Int           `xml:"recordNumber" desc:"Position of the station in ChargePoint's result set (1-based)."`
}

// PublicStation is stationData of getPublicStations.
type PublicStation struct {
	StationCore
}

// Port is portData.
type Port struct {
	PortNumber    String      `xml:"portNumber" desc:"Port number (1-based)."`
	StationName   String      `xml:"stationName" tf:"-"` // 5.0 shape: moved to the station in 5.1
	Geo           *GeoPoint   `xml:"Geo" desc:"Port location."`
	Description   String      `xml:"Description" tf:"-"` // 5.0 shape: moved to the station in 5.1
	Reservable    Bool        `xml:"Reservable" desc:"Whether the port can be reserved."`
	Status        String      `xml:"Status" desc:"Port status: AVAILABLE, INUSE, UNREACHABLE or UNKNOWN."`
	Level         String      `xml:"Level" desc:"Charging level: L1, L2 or DC."`
	TimeStamp     Time        `xml:"timeStamp" desc:"Time of the status, RFC 3339."`
	Mode          String      `xml:"Mode" desc:"Charging mode (EU)."`
	Connectors    []Connector `xml:"Connectors>Connector" tf:"connectors" desc:"Connectors of a multi-connector port (for example 1A and 1B)."`
	Connector     String      `xml:"Connector" desc:"Connector type, for example \"J1772\"."`
	Voltage       Float       `xml:"Voltage" desc:"Nominal voltage (V)."`
	Current       Float       `xml:"Current" desc:"Current (A)."`
	Power         Float       `xml:"Power" desc:"Power (kW)."`
	EstimatedCost Float       `xml:"estimatedCost" desc:"Estimated cost of the session described by the pricing input, in currency_code."`
}

// Connector is one connector of a multi-connector port.
type Connector struct {
	ConnectorLabel       String `xml:"connectorLabel" desc:"Connector label, for example \"1A\"."`
	ConnectorStatus      String `xml:"connectorStatus" desc:"Connector status."`
	ConnectorFaultReason String `xml:"connectorFaultReason" desc:"Why the connector is faulted, if it is."`
}

// PricingSpec is pricingSpecification.
type PricingSpec struct {
	Type                       String `xml:"Type" desc:"Pricing type: Session, Hourly, kWh or None."`
	StartTime                  String `xml:"startTime" desc:"Start time of day of this pricing, HH:MM:SS."`
	EndTime                    String `xml:"endTime" desc:"End time of day of this pricing, HH:MM:SS."`
	MinPrice                   Float  `xml:"minPrice" desc:"Minimum price charged for a session."`
	MaxPrice                   Float  `xml:"maxPrice" desc:"Maximum price charged for a session."`
	InitialUnitPriceDuration   Int    `xml:"initialUnitPriceDuration" desc:"Duration of the initial unit price period."`
	UnitPricePerHour           Float  `xml:"unitPricePerHour" desc:"Price per hour."`
	UnitPricePerHourThereafter Float  `xml:"unitPricePerHourThereafter" desc:"Price per hour after the initial period."`
	UnitPricePerSession        Float  `xml:"unitPricePerSession" desc:"Price per session."`
	UnitPricePerKWh            Float  `xml:"unitPricePerKWh" tf:"unit_price_per_kwh" desc:"Price per kWh."`
	SessionTime                String `xml:"sessionTime" desc:"Maximum time allowed for a session."`
}

type getPublicStationsResponse struct {
	Result
	Stations []PublicStation `xml:"stationData"`
	MoreFlag Bool            `xml:"moreFlag"`
}

// GetPublicStations returns every public station matching q, following moreFlag to the last page.
func (c *Client) GetPublicStations(ctx context.Context, q StationSearchRequest) ([]PublicStation, error) {
	stations, err := opGetPublicStations.read(ctx, c, q)
	for i := range stations {
		stations[i].adopt50Shape()
		stations[i].sortLists()
	}
	return stations, err
}

func (s *StationCore) sortLists() { SortBy(s.Ports, func(p Port) string { return p.PortNumber.Value }) }

// adopt50Shape fills the 5.1 station-level name and description from the first port of a 5.0-shaped answer.
func (s *StationCore) adopt50Shape() {
	for _, p := range s.Ports {
		if !s.StationName.Valid && p.StationName.Valid {
			s.StationName = p.StationName
		}
		if !s.Description.Valid && p.Description.Valid {
			s.Description = p.Description
		}
	}
}
