package cpapi

import "context"

// Live load: getLoad (API guide §6.3). Not paged. An unknown session, station or group is 160, an
// error; a query with no selector or more than one is 182, which the provider prevents at plan time.

var opGetLoad = operation{name: "getLoad"}

// LoadQuery is getLoad's searchQuery. Unlike most queries it is an xsd:sequence: the field order below
// is the wire order. ChargePoint requires exactly one of the three.
type LoadQuery struct {
	SgID      Int    `xml:"sgID" desc:"Custom station group whose load to read. Exactly one of sg_id, station_id and session_id is required."`
	StationID String `xml:"stationID" validate:"stationid" desc:"Station whose load to read, \"CPNID:StationIdentifier\" (for example \"1:81203\"). Exactly one of sg_id, station_id and session_id is required."`
	SessionID Int    `xml:"sessionID" desc:"Charging session whose station's load to read. Exactly one of sg_id, station_id and session_id is required."`
}

// Load is getLoadResponse without its responseCode: a group's or a station's load.
type Load struct {
	SgID        Int           `xml:"sgID" desc:"Station group ID; null when the query was by station or session."`
	NumStations Int           `xml:"numStations" desc:"Number of stations in the group; null or 0 when the query was by station or session."`
	GroupName   String        `xml:"groupName" desc:"Station group name; empty when the query was by station or session."`
	SgLoad      Float         `xml:"sgLoad" desc:"Load of the whole group, kW; null when the query was by station or session."`
	Stations    []LoadStation `xml:"stationData" tf:"stations" desc:"Stations and their load, sorted by station_id."`
}

// LoadStation is stationloaddata.
type LoadStation struct {
	StationID   String     `xml:"stationID" desc:"Station identifier, \"CPNID:StationIdentifier\"."`
	StationName String     `xml:"stationName" desc:"Station name, \"ORGANIZATION / NAME\"."`
	Address     String     `xml:"Address" desc:"Full one-line address of the station."`
	StationLoad Float      `xml:"stationLoad" desc:"Load of the station, kW."`
	Ports       []LoadPort `xml:"Port" tf:"ports" desc:"Ports and their load, sorted by port_number."`
}

// LoadPort is stationPortData.
type LoadPort struct {
	PortNumber         String `xml:"portNumber" desc:"Port number (1-based)."`
	UserID             String `xml:"userID" desc:"ChargePoint user ID of the driver of the current session; empty when the port is idle."`
	CredentialID       String `xml:"credentialID" desc:"Credential that started the session: the serial number printed on a ChargePoint card, or the identifier shown in the driver's app; empty for contactless credit cards and idle ports."`
	ShedState          Bool   `xml:"shedState" desc:"Whether the port's load is currently shed."`
	PortLoad           Float  `xml:"portLoad" desc:"Load of the port, kW."`
	AllowedLoad        Float  `xml:"allowedLoad" desc:"Maximum load allowed, kW; 0 when the last shedLoad on the station used a percentage."`
	PercentShed        Int    `xml:"percentShed" desc:"Percentage of the load being shed, 0 to 100; 0 when the last shedLoad on the station used an allowed load."`
	SessionID          Int    `xml:"sessionID" desc:"Current charging session on the port; 0 when there is none."`
	LastBatteryPercent Float  `xml:"lastBatteryPercent" desc:"Last reported battery level of the vehicle, percent (0 when unknown)."`
}

type getLoadResponse struct {
	Result
	Load
}

// GetLoad returns the live load of the group, station or session q names.
func (c *Client) GetLoad(ctx context.Context, q LoadQuery) (Load, error) {
	var resp getLoadResponse
	if err := c.call(ctx, opGetLoad, searchQuery[LoadQuery]{q}, &resp); err != nil {
		return Load{}, err
	}
	resp.sortLists()
	return resp.Load, nil
}

func (l *Load) sortLists() {
	SortBy(l.Stations, func(s LoadStation) string { return s.StationID.Value })
	sortEach(l.Stations)
}

func (s *LoadStation) sortLists() {
	SortBy(s.Ports, func(p LoadPort) string { return p.PortNumber.Value })
}
