package cpapi

import "context"

// Stations of a custom station group, by group name: getCustomGroupStations (5.1 only).

var opGetCustomGroupStations = pagedOperation[CustomGroupStationSearchRequest, getCustomGroupStationsResponse, CustomGroupStation]{
	operation: operation{name: "getCustomGroupStations", noMatch: []string{"102"}},
	setPage:   func(q *CustomGroupStationSearchRequest, start, size Int) { q.StartRecord, q.NumStations = start, size },
	page: func(r *getCustomGroupStationsResponse) ([]CustomGroupStation, bool) {
		return r.Stations, r.MoreFlag.Value
	},
	key: func(s CustomGroupStation) string { return s.StationID.Value },
}

// CustomGroupStationSearchRequest is customGroupStationSearchRequestExtended.
type CustomGroupStationSearchRequest struct {
	StationID   String `xml:"stationID" validate:"stationid" desc:"Only this station of the group, \"CPNID:StationIdentifier\"."`
	SgName      String `xml:"sgName" tf:",required" validate:"notempty" desc:"Name of the custom station group."`
	StartRecord Int    `xml:"startRecord" tf:"-"`
	NumStations Int    `xml:"numStations" tf:"-"`
}

// CustomGroupStation is customGroupstationDataExtended: a station of getStations without managedBy.
type CustomGroupStation struct {
	StationData
	StationOwnership
}

type getCustomGroupStationsResponse struct {
	Result
	Stations []CustomGroupStation `xml:"stationData"`
	MoreFlag Bool                 `xml:"moreFlag"`
}

// GetCustomGroupStations returns the stations of the custom group q names, following moreFlag to the
// last page.
func (c *Client) GetCustomGroupStations(ctx context.Context, q CustomGroupStationSearchRequest) ([]CustomGroupStation, error) {
	stations, err := opGetCustomGroupStations.read(ctx, c, q)
	for i := range stations {
		stations[i].splitGroups()
		stations[i].sortLists()
	}
	return stations, err
}
