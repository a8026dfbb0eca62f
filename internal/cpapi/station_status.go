package cpapi

import "context"

// Live port status: getStationStatus (API guide §8.2) and getPublicStationStatus (§5.2).

var (
	opGetStationStatus = pagedOperation[StationStatusSearchRequest, getStationStatusResponse, StationStatus]{
		operation: operation{name: "getStationStatus", noMatch: []string{"102"}},
		setPage:   func(q *StationStatusSearchRequest, start, size Int) { q.StartRecord, q.NumStations = start, size },
		page:      func(r *getStationStatusResponse) ([]StationStatus, bool) { return r.Stations, r.MoreFlag.Value },
		key:       func(s StationStatus) string { return s.StationID.Value },
	}
	getStationStatus = stationBatched[StationStatusSearchRequest, StationStatus]{
		ids:  func(q *StationStatusSearchRequest) *WrappedList[StationIDItem] { return &q.StationIDs },
		each: opGetStationStatus.read,
	}
	opGetPublicStationStatus = searchOperation[StatusSearchRequest, getPublicStationStatusResponse, PublicStationStatus]{
		operation: operation{name: "getPublicStationStatus", noMatch: []string{"102"}},
		items:     func(r *getPublicStationStatusResponse) []PublicStationStatus { return r.Stations },
	}
	getPublicStationStatus = stationBatched[StatusSearchRequest, PublicStationStatus]{
		ids:  func(q *StatusSearchRequest) *WrappedList[StationIDItem] { return &q.StationIDs },
		each: opGetPublicStationStatus.read,
	}
)

// StatusSearchRequest is statusSearchdata, getPublicStationStatus' searchQuery: stations by ID, by a
// list of IDs or by the station search filters.
type StatusSearchRequest struct {
	StationFilters
	StationIDs  WrappedList[StationIDItem] `xml:"stationIDs" validate:"stationid" desc:"Station identifiers. Any number: the provider asks ChargePoint for at most 100 per call and merges the answers. An empty list matches no station (an empty result, without an API call); unset means no filter."`
	PortDetails Bool                       `xml:"portDetails" desc:"Ask for port details: each port's connectors, connector and power. ChargePoint documents this flag only by name; without it they may be left out."`
	Status      Int                        `xml:"Status" validate:"between=1 3" desc:"Only stations with a port in this status: 1 (available), 2 (in use) or 3 (unknown), ChargePoint's codes."`
}

// StationStatusSearchRequest is statusSearchdataForGetStations, getStationStatus' searchQuery.
type StationStatusSearchRequest struct {
	StatusSearchRequest
	StartRecord Int `xml:"startRecord" tf:"-"`
	NumStations Int `xml:"numStations" tf:"-"`
}

// PublicPortStatus is publicPortDataStatus.
type PublicPortStatus struct {
	PortNumber String      `xml:"portNumber" desc:"Port number (1-based)."`
	Status     String      `xml:"Status" desc:"Port status: AVAILABLE, INUSE, UNREACHABLE or UNKNOWN."`
	TimeStamp  Time        `xml:"TimeStamp" desc:"Last communication between the station and ChargePoint, RFC 3339."`
	Connectors []Connector `xml:"Connectors>Connector" tf:"connectors" desc:"Connectors of a multi-connector port (for example 1A and 1B)."`
	Connector  String      `xml:"Connector" desc:"Connector type, for example \"J1772\"."`
	Power      Float       `xml:"Power" desc:"Power (kW)."`
}

// PortStatus is portDataStatus: the public port status plus why a port is out of service.
type PortStatus struct {
	PublicPortStatus
	FaultReason String `xml:"faultReason" desc:"Why the port is out of service, if it is (free text)."`
}

// StationStatus is oStatusdata: one station of getStationStatus.
type StationStatus struct {
	StationID     String       `xml:"stationID" desc:"Station identifier, \"CPNID:StationIdentifier\"."`
	Ports         []PortStatus `xml:"Port" tf:"ports" desc:"Ports, sorted by port_number."`
	RecordNumber  Int          `xml:"recordNumber" desc:"Position of the station in ChargePoint's result set (1-based; per call of 100 IDs when station_ids is set)."`
	NetworkStatus String       `xml:"networkStatus" desc:"Network status of the station, as ChargePoint reports it."`
}

// PublicStationStatus is publicStatusdata: one station of getPublicStationStatus.
type PublicStationStatus struct {
	StationID    String             `xml:"stationID" desc:"Station identifier, \"CPNID:StationIdentifier\"."`
	Ports        []PublicPortStatus `xml:"Port" tf:"ports" desc:"Ports, sorted by port_number."`
	RecordNumber Int                `xml:"recordNumber" desc:"Position of the station in ChargePoint's answer (1-based; per call of 100 IDs when station_ids is set)."`
}

type getStationStatusResponse struct {
	Result
	Stations []StationStatus `xml:"stationData"`
	MoreFlag Bool            `xml:"moreFlag"`
}

type getPublicStationStatusResponse struct {
	Result
	Stations []PublicStationStatus `xml:"stationStatusData"`
}

// GetStationStatus returns the port status of the stations q selects. Station IDs are sent at most
// MaxIDsPerCall per call (ChargePoint sets no bound, but clients that send more have failed), and each
// call is paged to its last page. A non-nil empty StationIDs selects no station (without a call): a
// list of IDs computed from an empty group must not turn into a query for every station.
func (c *Client) GetStationStatus(ctx context.Context, q StatusSearchRequest) ([]StationStatus, error) {
	stations, err := getStationStatus.read(ctx, c, StationStatusSearchRequest{StatusSearchRequest: q})
	sortEach(stations)
	return stations, err
}

func (s *StationStatus) sortLists() {
	SortBy(s.Ports, func(p PortStatus) string { return p.PortNumber.Value })
}

// GetPublicStationStatus returns the port status of the public stations q selects, at most
// MaxIDsPerCall station IDs per call. The operation has no paging. As for GetStationStatus, a non-nil
// empty StationIDs selects no station.
func (c *Client) GetPublicStationStatus(ctx context.Context, q StatusSearchRequest) ([]PublicStationStatus, error) {
	stations, err := getPublicStationStatus.read(ctx, c, q)
	sortEach(stations)
	return stations, err
}

func (s *PublicStationStatus) sortLists() {
	SortBy(s.Ports, func(p PublicPortStatus) string { return p.PortNumber.Value })
}
