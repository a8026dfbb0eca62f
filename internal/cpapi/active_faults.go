package cpapi

import (
	"context"
	"errors"
)

// Active faults of stations and their field-replaceable units: getStationActiveFaults (5.1 only).

var (
	opGetStationActiveFaults = searchOperation[ActiveFaultsQuery, getStationActiveFaultsResponse, StationActiveFaults]{
		operation: operation{name: "getStationActiveFaults"},
		items:     func(r *getStationActiveFaultsResponse) []StationActiveFaults { return r.Stations },
	}
	getStationActiveFaults = stationBatched[ActiveFaultsQuery, StationActiveFaults]{
		ids:  func(q *ActiveFaultsQuery) *WrappedList[StationIDItem] { return &q.StationIDs },
		each: opGetStationActiveFaults.read,
	}
)

// ActiveFaultsQuery is getStationActiveFaultsExtended.
type ActiveFaultsQuery struct {
	StationIDs WrappedList[StationIDItem] `xml:"stationIDs" tf:",required" validate:"stationid" desc:"Station identifiers, \"CPNID:StationIdentifier\". Any number: the provider asks ChargePoint for at most 100 per call (its limit) and merges the answers. An empty list matches no station: an empty result, without an API call."`
}

// StationActiveFaults is getStationActiveFaultsData: one station and its active faults.
type StationActiveFaults struct {
	StationID String         `xml:"stationID" desc:"Station identifier, \"CPNID:StationIdentifier\"."`
	Faults    []StationFault `xml:"stationFaults>stationFault" tf:"faults" desc:"Active faults of the station, sorted by fault_time then fault_code."`
}

// StationFault is stationFault.
type StationFault struct {
	FaultCode        String `xml:"faultCode" desc:"Fault code."`
	FaultName        String `xml:"faultName" desc:"Fault name."`
	FaultTime        Time   `xml:"faultTime" desc:"When the fault was raised, RFC 3339."`
	FaultSeverity    String `xml:"faultSeverity" desc:"Fault severity, as ChargePoint reports it."`
	FaultDescription String `xml:"faultDescription" desc:"What the fault means."`
	Remedy           String `xml:"remedy" desc:"Suggested remedy."`
	Frus             []Fru  `xml:"frus>fru" tf:"frus" desc:"Field-replaceable units (FRUs) involved, sorted by fru_id."`
}

// Fru is fru: a field-replaceable unit of a station.
type Fru struct {
	FruID           String     `xml:"fruID" desc:"FRU identifier."`
	FruName         String     `xml:"fruName" desc:"FRU name."`
	PartNumber      String     `xml:"partNumber" desc:"Part number."`
	SerialNumber    String     `xml:"serialNumber" desc:"Serial number."`
	SoftwareVersion String     `xml:"softwareVersion" desc:"Software version."`
	HardwareVersion String     `xml:"hardwareVersion" desc:"Hardware version."`
	FruFaults       []FruFault `xml:"fruFaults>fruFault" tf:"fru_faults" desc:"Faults of this FRU, sorted by fru_fault_time then fru_fault_code."`
}

// FruFault is fruFault.
type FruFault struct {
	FruFaultCode        String `xml:"fruFaultCode" desc:"FRU fault code."`
	FruFaultName        String `xml:"fruFaultName" desc:"FRU fault name."`
	FruFaultTime        Time   `xml:"fruFaultTime" desc:"When the FRU fault was raised, RFC 3339."`
	FruFaultSeverity    String `xml:"fruFaultSeverity" desc:"FRU fault severity, as ChargePoint reports it."`
	FruFaultDescription String `xml:"fruFaultDescription" desc:"What the FRU fault means."`
	FruFaultRemedy      String `xml:"fruFaultRemedy" desc:"Suggested remedy."`
}

type getStationActiveFaultsResponse struct {
	Result
	Stations []StationActiveFaults `xml:"stations>station"`
}

// GetStationActiveFaults returns the active faults of the stations q lists, MaxIDsPerCall IDs per call
// (stationIdListBound: ChargePoint refuses more). An empty list selects no station, without a call.
func (c *Client) GetStationActiveFaults(ctx context.Context, q ActiveFaultsQuery) ([]StationActiveFaults, error) {
	if q.StationIDs == nil {
		return nil, errors.New(opGetStationActiveFaults.name + ": station IDs are required")
	}
	stations, err := getStationActiveFaults.read(ctx, c, q)
	sortEach(stations)
	return stations, err
}

func (s *StationActiveFaults) sortLists() {
	SortBy(s.Faults, func(f StationFault) string { return timeKey(f.FaultTime) + " " + f.FaultCode.Value })
	sortEach(s.Faults)
}

func (f *StationFault) sortLists() {
	SortBy(f.Frus, func(fru Fru) string { return fru.FruID.Value })
	sortEach(f.Frus)
}

func (f *Fru) sortLists() {
	SortBy(f.FruFaults, func(ff FruFault) string { return timeKey(ff.FruFaultTime) + " " + ff.FruFaultCode.Value })
}
