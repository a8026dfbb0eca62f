// Package soap is the call layer under the ChargePoint client: SOAP 1.1 calls (document/literal) with
// a WS-Security UsernameToken, over HTTPS. One Client.Call turns an operation's name, its request and a
// pointer to its response into one answer, and this package is where everything between those two
// happens:
//
//   - the envelope and its WS-Security header (envelope.go), the SOAPAction header;
//   - the HTTP stack: TLS 1.2 floor, verified certificates and extra roots, proxies, User-Agent, the
//     request_timeout of each attempt, body included (transport.go), the response size cap (body.go);
//   - retries of transient failures within a call budget (retry.go, retry_call.go), request coalescing
//     (coalesce.go) and the limit on requests in flight (limit.go);
//   - reading the answer: charsets and HTML pages (envelope_charset.go), SOAP faults, HTTP errors, and
//     the decoder of response elements into tagged Go structs (decode.go): a field whose pointer is an
//     encoding.TextUnmarshaler is decoded from the element's text, a ListUnmarshaler from its
//     children's;
//   - the typed errors of all that (errors.go) and the logs (logging.go); the credentials, raw and in
//     every XML/HTML-escaped form, are masked in every error Call returns (its typed fields included)
//     and in every log line, in one place (masking.go).
//
// It knows nothing of ChargePoint's operations: their names, request and response types, result
// codes (the caller's Operation.Result reads them), paging, station ID batches, regions and endpoint,
// the service namespace and SOAPAction prefix (Config) all belong to package cpapi. A change to what is
// sent or read for one operation belongs there; a change to how every call is made belongs here.
// soap imports no package of this module.
package soap
