// Package simulator is a stand-alone SOAP 1.1 server that behaves like the ChargePoint Web Services
// API 5.1 (https://<host>/webservices/chargepoint/services/5.1) over a deterministic, generated data set.
// It backs `make demo` and the tests of the client and the provider.
//
// Layout:
//
//   - server.go: Options, Server, New, ServeHTTP (transport checks, dispatch, call counters).
//   - soap.go: envelope parsing, the WS-Security UsernameToken check, SOAP faults, response envelopes.
//   - xmltree.go: a namespace-aware XML tree (elements are matched by namespace and local name, never prefix).
//   - query.go: helpers that decode xsd:all query containers strictly (unknown or repeated children and
//     malformed numbers are Client faults).
//   - operations.go: the operation registry (local name -> handler). One file per operation, op_*.go.
//   - wire_station.go: the 5.1 stationData/portData/pricingSpecification response types (XSD order).
//   - dataset.go, generate.go, gazetteer.go, geo.go: the data set, its generator, the built-in
//     gazetteer and great-circle distances.
//   - search.go: the station search (filters, paging) of getPublicStations, getStations,
//     getStationStatus, getPublicStationStatus and getStationRights.
//   - organizations.go, groups.go, rights.go, faults.go, generate_extras.go: organizations, station
//     groups, rights profiles, active faults and the other attributes getStations adds.
//   - wire_station_extended.go, wire_status.go: the getStations/getCustomGroupStations and status
//     response types.
//
// The simulator deliberately shares no types with internal/cpapi: requests are decoded and responses
// encoded with types of its own, so a tag typo cannot hide on both sides of a test.
//
// Choices where ChargePoint documents nothing (see also the comments at each place):
//
//   - A proximityUnit other than M, N, K, F or I (case-insensitive) is answered with responseCode
//     145 and responseText "Invalid proximityUnit <value>. Valid values are M, N, K, F and I."
//     (145 is not among the codes observed from ChargePoint).
//   - Generated stations are kept at least 1.5 miles from the seed station 1:81203, so the setup
//     guide's query ("within one mile of 1692 Dell Avenue, Campbell") returns exactly that station.
//   - Empty request elements count as present (as on ChargePoint): <stationID/> filters on "".
//   - Pricing/Duration is taken in minutes (the WSDL's unit; the 5.0 guide says hours).
//   - About 10% of the generated stations are private (Station.Public false): getPublicStations never
//     returns them, so operations such as getStations can later list stations it does not.
//   - The setup guide's sample request uses a wsse: prefix it never declares. That is not
//     namespace-well-formed XML, and the simulator answers it with a soapenv:Client fault.
//   - A Content-Type other than text/xml gets HTTP 415 with a Client fault.
//   - Port-level filters (Connector, Voltage, Current, Power, Level, Mode, Reservable) must all be
//     satisfied by the same port; a station matches when any of its ports does.
//   - Port status filters are port-level too: Status 1 is AVAILABLE, 2 INUSE, 3 UNKNOWN or UNREACHABLE
//     (an unreachable port's state is unknown); any other Status is a Client fault.
//   - Station-management data: five organizations, ChargePoint (1:ORG00001, the seed station's) and
//     four more across the regions; a station belongs to the organization of its city. companyID is
//     the number of the orgID ("1:ORG04512" -> "4512"). Each organization has top-level station groups
//     and child groups (up to three levels; a child's stations are also in its parent's); every
//     station is in its city's group and maybe a child group. UnreachableGroupID (20002 "Garage West")
//     holds the seed station, whose port 2 is UNREACHABLE; HealthyGroupID (20006 "Bay Area Fleet")
//     holds every ChargePoint station whose ports are all AVAILABLE or INUSE (64 in the default data
//     set; it can be empty in a data set of a few stations). Group names are unique; name filters are
//     case-insensitive.
//   - UNREACHABLE and UNKNOWN ports carry a faultReason, the name of one of the station's one or two
//     active faults (each with one or two FRUs, each with an FRU fault). Fault codes, names, FRUs and
//     part numbers are the simulator's own: ChargePoint publishes none. A generated station is either
//     entirely UNREACHABLE (networkStatus "Unreachable", fault 1001) or "Reachable".
//   - stationDataExtended: demo is "0" or "1"; sgID and sgName list every group of the station,
//     ", "-separated, in group ID order; driver fields only on stations assigned to a driver; managedBy
//     (ChargePoint) on some stations of the other North American organizations. getStations'
//     stationActivationDate filter means "activated on or after"; sgID takes one group ID.
//   - portDetails (getStationStatus, getPublicStationStatus) adds Connectors, Connector and Power to
//     each port; without it a port has portNumber, Status, faultReason and TimeStamp only (as in the
//     captured getStationStatus response). getPublicStationStatus never sends faultReason or
//     networkStatus (publicStatusdata has neither) and is not paged.
//   - Operations whose request is not wrapped in a searchQuery (getStationGroups,
//     getStationGroupDetails, getStationRightsProfile, getCPNInstances) take their children in the
//     XSD's sequence order; anything else is a Client fault.
//   - Unknown sgID in getStationGroupDetails or getStationRightsProfile: 124 "Invalid sgID.". More than
//     100 stationIDs in getStationActiveFaults: 147 "Maximum 100 station IDs allowed.". The group,
//     organization, rights and fault operations answer 100 with an empty list when nothing matches;
//     the station lists (getStations, getStationStatus, getPublicStationStatus,
//     getCustomGroupStations) answer 102.
//   - getStationGroupDetails gives each station's one-line address, as getLoad does.
//   - getStationRights lists one rightsData per (group, rights profile): network_manager (six tasks) or
//     station_viewer (two). Its group filters (orgID, companyID, organizationName, sgID, sgName) select
//     groups; its station filters (including provisionDateRange on the activation date, currentFault
//     by fault code or name, portStatus, adminStatus, networkStatus, provisionStatus) select stations,
//     and drop groups left without one. It has no page size: fixed pages of MaxPageSize rightsData.
//
// Paging past the end (clients that request pages ahead, like this provider, ask for them):
//
//   - Known (../shared/reference/chargepoint-api.md §2.6, §2.4.5): startRecord is 1-based and the next
//     page starts at startRecord + the page's length; moreFlag (MoreFlag in getChargingSessionData and
//     getTransactionData, inside <users> in getUsers) is 0 or absent on the last page, absent on error
//     and empty responses; a query that matches nothing is a responseCode, not an empty list (102
//     station lists, 136 sessions "with MoreFlag absent", 153 alarms), and clients stop paging on it
//     (one of them on 136 at the end of a session read). Sessions come in fixed pages of 100.
//   - Guessed (no source shows a startRecord past the last record): ChargePoint answers it as it
//     answers a query that matches nothing. So the simulator sends the operation's no-data code
//     without records or more flag (102, 136, 153), and the operations whose empty answer is 100 send
//     100 with no records and moreFlag 0 (getStationRights, getTransactionData, getFleetVehicles,
//     getFleetUsageData) or an empty <users/> (getUsers). It is never an error or a fault, and never
//     says more follow. TestPagingPastTheEnd checks it for every paged operation.
package simulator
