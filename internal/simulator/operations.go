package simulator

// An operation handles one request element (e.g. <urn:getPublicStations>) and returns the value that
// becomes the response element <ns1:{operation}Response>. A *fault error becomes a SOAP Fault;
// ChargePoint's own "not found"/validation answers are responseCodes inside a normal response.
type operation func(s *Server, req *element) (any, error)

// operations is the registry: operation local name -> handler, one op_*.go file each.
var operations = map[string]operation{
	// Activity: sessions, live load, alarms, drivers, billing and fleets (activity.go).
	"getLoad":                     (*Server).getLoad,
	"getChargingSessionData":      (*Server).getChargingSessionData,
	"get15minChargingSessionData": (*Server).get15minChargingSessionData,
	"getAlarms":                   (*Server).getAlarms,
	"getUsers":                    (*Server).getUsers,
	"getTransactionData":          (*Server).getTransactionData,
	"getFleetVehicles":            (*Server).getFleetVehicles,
	"getFleetUsageData":           (*Server).getFleetUsageData,

	"getPublicStations":       (*Server).getPublicStations,
	"getStations":             (*Server).getStations,
	"getStationStatus":        (*Server).getStationStatus,
	"getStationGroups":        (*Server).getStationGroups,
	"getStationGroupDetails":  (*Server).getStationGroupDetails,
	"getOrgsAndStationGroups": (*Server).getOrgsAndStationGroups,
	"getPublicStationStatus":  (*Server).getPublicStationStatus,
	"getCustomGroupStations":  (*Server).getCustomGroupStations,
	"getStationRights":        (*Server).getStationRights,
	"getStationRightsProfile": (*Server).getStationRightsProfile,
	"getCPNInstances":         (*Server).getCPNInstances,
	"getStationActiveFaults":  (*Server).getStationActiveFaults,

	// Writes: they change the Server's state (state.go), which the reads above show.
	"shedLoad":            (*Server).shedLoad,
	"clearShedState":      (*Server).clearShedState,
	"addFleetVehicle":     (*Server).addFleetVehicle,
	"updateFleetVehicle":  (*Server).updateFleetVehicle,
	"deleteFleetVehicle":  (*Server).deleteFleetVehicle,
	"createLoadShedEvent": (*Server).createLoadShedEvent,
	"removeLoadShedEvent": (*Server).removeLoadShedEvent,
	"clearAlarms":         (*Server).clearAlarms,
}

// responseCodes used by ChargePoint (see the reference notes) and by the simulator.
const (
	codeSuccess = "100"
	textSuccess = "API input request executed successfully."

	codeNoStation = "102"
	textNoStation = "No station found for given criteria."

	// codeInvalidProximityUnit is the simulator's own choice: ChargePoint documents no code for a bad
	// proximityUnit, and 145 is not among the codes observed from it.
	codeInvalidProximityUnit = "145"
)

// moreFlag returns the pointer a response's moreFlag field wants.
func moreFlag(more bool) *int {
	v := boolInt(more)
	return &v
}
