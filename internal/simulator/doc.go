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
package simulator
