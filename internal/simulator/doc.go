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
//   - state.go: what the write operations change (shed state, fleet vehicles, load shed events, cleared
//     alarms), the simulator's clock and the accessors tests use; write_query.go: the writes' codes and
//     decoding helpers; op_shed_load.go, op_fleet_vehicle_writes.go, op_load_shed_events.go,
//     op_clear_alarms.go: the writes.
//   - fault_inject.go: FaultInjector, which wraps the server and injects HTTP-level faults (FaultSpec).
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
//
// Writes (the reference's §2.5; details at each op_*.go):
//
//   - State: each Server has its own, built from the activity data on first use, guarded by a
//     RWMutex (reads run concurrently), and deterministic: the same requests give the same answers
//     and IDs. The generated data set and the activity history never change.
//   - The simulator's clock (Clock, SetClock, AdvanceClock) starts at Now. It is when writes take
//     effect: a shed's end (timeInterval), a vehicle's create and modify times, an event's creation,
//     and whether an event is in the past. Sessions and live load stay at Now; the response Timestamp
//     follows the wall clock.
//   - shedLoad sets the shed state of every port of a group's stations (shedGroup) or of one station
//     (shedStation; limits for the station, per Port, or both), until cleared (timeInterval 0) or for
//     timeInterval minutes of the clock. getLoad shows it per port: shedState 1, and allowedLoad
//     with percentShed 0, or percentShed with allowedLoad 0, whichever the last shedLoad used (the
//     reference's rule), and a charging port's portLoad (so stationLoad and sgLoad) limited by it.
//     It answers Success 1 and echoes sgID or stationID, the station-level limit and the Ports sent.
//     clearShedState clears a group or a whole station. The data set's generated sheds (about 5% of
//     the stations, percentShed 50) are shed state like any other.
//   - Codes (the reference's §3 for 172, 184, 187; see write_query.go): 187 shedLoad with both a
//     group and a station branch, even an empty one (checked before anything else, as ChargePoint
//     does: its observed request had an empty stationID and an empty Ports); 172 a missing or empty
//     mandatory element of any write; 184 clearShedState of the wrong shape; 160 "No data found for
//     given criteria." an unknown group, station, port, fleetVehicleID or eventId; 153 clearAlarms
//     with nothing to clear. Refusals carry Success 0 where the response has Success, and change
//     nothing. Malformed numbers, dates and booleans, values outside an XSD range (percentShedRange),
//     unknown elements and sequence elements out of order are Client faults, as for reads.
//   - Fleet vehicles: addFleetVehicle creates one (FV900001 upwards, never reused), which
//     getFleetVehicles lists with every field add accepts that the response has a field for;
//     updateFleetVehicle changes the fields sent; deleteFleetVehicle removes it.
//   - Load shed events: createLoadShedEvent answers a new eventId (4001 upwards); removeLoadShedEvent
//     removes one. The API cannot read them back: LoadShedEvents and LoadShedEvent show them.
//   - clearAlarms: the alarms matching its filters (as getAlarms applies them, plus alarmType) are no
//     longer returned by getAlarms or Alarms; ClearedAlarms lists them with clearReason.
//   - Accessors for acceptance tests: ShedState, StationShed, GroupShed, FleetVehicles, FleetVehicle,
//     LoadShedEvents, LoadShedEvent, Alarms, ClearedAlarms read the state; ClearShed, ClearGroupShed,
//     SetPortShed, AddFleetVehicle, ChangeFleetVehicle, DeleteFleetVehicle, RemoveLoadShedEvent change
//     it as someone in the portal would (drift between test steps). Calls counts writes like reads.
//   - Fault injection (FaultSpec) applies to writes: status, html and server-fault answer without the
//     simulator handling the request (the write is not applied); slow, reset, stall, nan and charset
//     let it handle the request (applied) and then delay or damage the answer; lost applies the write
//     and sends no byte of the answer (the connection is reset, at once or after a silent stall).
//     op=NAME[,NAME] limits a fault to some operations (e.g. fault=lost&op=addFleetVehicle&first=1).
//
// Assumed where the reference is silent (writes):
//
//   - Unknown IDs in writes get 160 "No data found for given criteria.", the code getLoad (the read
//     of shed state) answers for an unknown station or group; ChargePoint documents none for writes.
//   - An empty mandatory element counts as missing (172), e.g. <timeInterval/> (the reference's
//     §5.9 sample sends one; the XSD's xsd:int does not allow it). An empty optional number is a
//     Client fault. A missing shedQuery, shedEvent, vehicle or searchQuery is 172 too (clearShedState:
//     184).
//   - shedLoad: both limits, or none, in a branch is 172 (the reference: "only one of allowedLoad and
//     percentShed"), with the text "Please provide either an allowed load or a percentage to shed,
//     not both."; so are an empty Ports and a port listed twice. A negative timeInterval or allowed
//     load is the simulator's own 189. The station-level limit applies to every port not given its
//     own; a port listed without a limit takes the station's; with Ports but no station limit, the
//     ports not listed are not shed. A shedStation replaces the station's whole shed state (ports
//     shed before and not covered now are cleared). An unknown port number is 160.
//   - getLoad's allowedLoad is per port: a port's own limit, else the station's allowedLoadPerStation
//     (the reference calls it the "maximum load allowed at the station"). A charging port draws at
//     most its own limit, (100 - percentShed)% of its rated power, or an equal share of the station's
//     allowed load among the station's charging ports under it. Idle ports stay at 0 (no session
//     starts). Session history and 15-minute data are not changed by sheds.
//   - No status operation shows the shed state (the XSD has no field for it outside getLoad), so
//     getStationStatus and getStations are unchanged by sheds.
//   - A group shed sets every port of every station of the group (child groups' stations included)
//     and keeps a group record (GroupShed) until the group is cleared or it expires; a later station
//     shed or clear changes that station only. Clearing a group clears all its stations, whoever shed
//     them. Clearing what is not shed succeeds (100).
//   - clearShedState with Ports: each Port must name a port of the station (else 160; empty, 184),
//     and the entire station is cleared ("only an entire station may be cleared at a time").
//   - addFleetVehicle: at least one card (chargePointCardSn or mifareID), licensePlate, fleetName,
//     make, model and year are needed (172). year must be a whole year from 1900 to two years after
//     the clock's, companyCode a companyID of an organization, driverID a getUsers userID, else 189
//     (the simulator's own code). Without companyCode the vehicle belongs to ChargePoint (1:ORG00001),
//     the organization of the seed station. The same license plate twice in one fleet (same
//     fleetName; both case-insensitive) is the simulator's own 190. getFleetVehicles shows
//     chargePointCardSn as credentialIDs, driverID as fleetUserID, companyCode as orgID and
//     organizationName; mifareID and vehiclePortMacIDs (no response field) only FleetVehicle shows.
//     A new vehicle has no telematics and is "Not Plugged In".
//   - updateFleetVehicle may change every field it accepts; an element left out keeps its value, an
//     empty optional one clears it; its answer's vehicle is the whole vehicle after the update. It
//     sets lastModifiedTimestamp to the clock even when nothing changed.
//   - deleteFleetVehicle of an unknown or deleted vehicle is 160. A deleted vehicle's fleet usage
//     stays (history), and getFleetUsageData shows the generated vehicles' values as they were.
//   - createLoadShedEvent: eventDuration is in minutes, at least 1; exactly one of stationID and sgID
//     (both: 187, as shedLoad; neither: 172); exactly one limit (172); a negative allowedLoadPerPort or
//     a percentShedPerStation outside 0 to 100 is 189, and so is an event that would end at or before
//     the clock. Events are recorded, not acted upon: getLoad never shows them. removeLoadShedEvent
//     answers response "Success"; an unknown or removed eventId is 160.
//   - clearAlarms with an empty searchQuery clears every alarm; nothing to clear is 153, as getAlarms
//     answers when nothing matches.
package simulator
