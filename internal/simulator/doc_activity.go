package simulator

// Activity: what happens at the stations, as getLoad, getChargingSessionData,
// get15minChargingSessionData, getAlarms, getUsers, getTransactionData, getFleetVehicles and
// getFleetUsageData report it.
//
// Files: activity.go (the exported types and read-only accessors tests compute expected values from),
// activity_generate.go (the generator), activity_query.go (codes and query helpers) and one op_*.go
// per operation.
//
// The data is built on a Server's first activity request (a sync.Once), deterministically from its
// stations (so from Options.Seed and Options.Stations), against the fixed clock Now
// (2026-11-20T12:00:00Z), never the wall clock:
//
//   - Drivers: max(40, stations/3); user IDs 1000001 upwards. Driver 1000001 (Ada Lovelace, credentials
//     490178743 and CNCP0000481668, with homeStationDetails) is the same for every seed. About 15% drive
//     a fleet vehicle: one CPFL credential, shared by the vehicle. About 12% have a home station.
//   - Sessions: every reachable port of a generated station has up to 3 completed sessions in the 30 days
//     before Now, and every INUSE port exactly one session in progress at Now (no endTime, no endedBy,
//     durations running to Now), so a port is charging (load > 0, a current session) exactly when its
//     Status is INUSE. UNREACHABLE ports have none. Session IDs grow with the start time. About 8% last
//     15 minutes or less (one 15-minute interval), about 5% of the AC ones more than 24 hours (never a
//     fleet session, whose durations are xsd:time). About 7% at priced stations are anonymous
//     (contactless card: no userID or credentialID, a paymentTerminalInfo). Battery percentages are
//     reported for DC and fleet sessions, 0.0 otherwise. Energy is kWh with up to 6 decimals; power is
//     constant while charging (the session's average) and zero after.
//   - The seed station 1:81203 has six fixed sessions on port 1, all by driver 1000001: four start in
//     the 7 days before Now (12.120572, 18.734210, 1.203311 and 25.480000 kWh; the 1.203311 kWh one
//     lasts 12m09s and has exactly one 15-minute interval), one lasts 63:45:20, and one is older.
//   - Live load: a charging port's load is its session's average power (kW, 3 decimals), a station's
//     the sum of its ports'. About 5% of the stations are shed: every port has shedState 1, percentShed
//     50 and allowedLoad 0, and charges at no more than half its power (until a clearShedState: see
//     Writes in doc.go).
//   - Alarms: the seed station's three fixed ones (Unreachable and Reachable on 2026-11-03, a port 1
//     GFCI Trip on 2026-11-17); an Unreachable alarm for every entirely UNREACHABLE station, from when it
//     went silent; up to three events (GFCI Trip on a port; Power Loss; Unreachable then Reachable) on
//     the others. Station-level alarms have an empty portNumber.
//   - Transactions: one per completed session at a station with pricing, billed by the pricing block in
//     force at the station-local start (hourly price x plug-in hours + session fee + kWh price x energy,
//     at least minPrice, at most maxPrice when set). The service fee is 10%; tax is included (0% in the
//     US, 5% in Canada, 19% in Germany, 21% in the Netherlands); transactionTime is seconds to minutes
//     after the end. Transaction IDs grow with transactionTime.
//   - Fleet usage: one row per completed session of a fleet driver; transactionID is the session's
//     transaction, or the session ID when the session was free. A vehicle is Charging exactly when its
//     driver has a session in progress.
//
// Behaviour:
//
//   - getLoad: searchQuery is an xsd:sequence (sgID, stationID, sessionID; out of order is a Client
//     fault) with exactly one of them, else 182 "Search by either sgID, sessionID or stationID". By
//     station or session, groupName and sgLoad are empty elements and sgID and numStations are left out:
//     ChargePoint sends an empty numStations, which its own XSD (xsd:int) rejects. By group: sgID,
//     numStations, groupName, sgLoad (the stations' sum) and every station of the group (child groups'
//     included). By session: the station of a session in progress. An unknown station or group, or a
//     session that is unknown or no longer in progress, is 160 "No data found for given criteria.".
//   - getChargingSessionData: 100 sessions per page, fixed (there is no page-size field; numSessions is
//     an unknown element, a Client fault), capital MoreFlag. The time window applies to the start
//     time. The location filters (Address, City, State, Country, postalCode, Proximity, proximityUnit,
//     Geo) and stationID/stationName work as in getStations. More than 100 stationIDs: 147 "Maximum 100
//     station IDs allowed.". Nothing matched or startRecord past the end: 136 "No charging session data
//     found for given criteria." without MoreFlag.
//   - get15minChargingSessionData: one interval per started quarter hour from the start; stationTime is
//     the interval's end (the session's end for the last one). energyConsumed is cumulative unless
//     energyConsumedInterval is true. An unknown session is 160.
//   - getAlarms: in alarm time order; numTransactions is the page size (capped at MaxPageSize, which is
//     also the default). sgID (an int) and sgName select the stations of a group. More than 100
//     stationIDs: 147. Nothing matched: 153 "No alarms found for given criteria." (153 is observed from
//     ChargePoint; its text is the simulator's) without moreFlag.
//   - getUsers: in user ID order, paged by numUsers; moreFlag inside <users>. Connection and
//     managementRealm match the status and a custom field (Key and/or Value). Nothing matched: 100 with
//     an empty <users/>.
//   - getTransactionData: in transaction ID order, paged by numTransactions; capital MoreFlag after
//     <transactions>. Nothing matched: 100, an empty <transactions/>, MoreFlag 0.
//   - getFleetVehicles and getFleetUsageData: paged by numRecords; nothing matched is 100 with no rows
//     and moreFlag 0. Fleet usage's station filters compare with the row's values (no radius search).
//   - Enumerated inputs (transactionType, Connection/managementRealm Status, vehicleChargingStatus,
//     fraudDetectionStatus) outside the XSD's values, and malformed numbers, dates and times, are Client
//     faults. String filters are case-insensitive.
