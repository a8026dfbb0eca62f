// Package cpapi is the client of ChargePoint's Web Services API 5.1: what is sent and read for each
// operation. Here belong
//
//   - the operations: one Client method each, one file per API area, with their typed requests and
//     responses, each field tagged once for its XML element, its Terraform attribute and its
//     description (package tfreflect derives the rest; DESIGN.md);
//   - the nullable scalars those types are made of (types.go, date.go, decimal.go, wrapped_list.go);
//   - how an operation is read: pagedOperation (paging.go: pages ahead, max_records), stationBatched
//     (batch.go: 100 station IDs a call, an empty list without a call), searchOperation, and the
//     values derived and the lists sorted after decoding (sort.go);
//   - the responseCodes (operation.go: success, "nothing matched", ResponseError) and the paging errors;
//   - ChargePoint's regions, endpoint path, service namespace and SOAPAction prefix (endpoint.go).
//
// How a call is made (envelope, HTTP, TLS, retries, coalescing, the limit on requests in flight, the
// XML decoder, logs, faults and HTTP errors) is package soap's, which cpapi configures in New.
package cpapi
