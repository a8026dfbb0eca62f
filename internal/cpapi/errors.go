package cpapi

import (
	"errors"
	"fmt"
)

// AuthError is ChargePoint's WS-Security fault (InvalidSecurity or FailedAuthentication): the license
// key, the password or the region is wrong. It never carries the credentials themselves.
type AuthError struct {
	Operation   string
	FaultCode   string
	FaultString string
}

func (e *AuthError) Error() string {
	return fmt.Sprintf("%s: ChargePoint rejected the API credentials (%s: %s). The license key, password or "+
		"region is wrong: use the API license key and the API password generated for it under Organizations > "+
		"API Info in the ChargePoint portal of the same region as `region`/`endpoint` (not your website login). "+
		"Generating a new password there makes the old one stop working.", e.Operation, e.FaultCode, e.FaultString)
}

// FaultError is any other SOAP Fault, for example a Client fault for a request the server could not read.
type FaultError struct {
	Operation   string
	HTTPStatus  int
	FaultCode   string
	FaultString string
}

func (e *FaultError) Error() string {
	return fmt.Sprintf("%s: SOAP fault %s (HTTP %d): %s", e.Operation, e.FaultCode, e.HTTPStatus, e.FaultString)
}

// ResponseError is a response whose responseCode is neither 100 nor a code that means "nothing matched".
type ResponseError struct {
	Operation string
	Code      string
	Text      string
}

func (e *ResponseError) Error() string {
	return fmt.Sprintf("%s: ChargePoint answered responseCode %s: %s", e.Operation, e.Code, e.Text)
}

// HTTPError is a non-SOAP answer, such as a proxy error page or a 404 from a wrong endpoint.
type HTTPError struct {
	Operation  string
	StatusCode int
	Status     string
	Body       string // the first bytes of the body, for diagnosis
}

func (e *HTTPError) Error() string {
	return fmt.Sprintf("%s: unexpected HTTP %s from ChargePoint (not a SOAP response; check `endpoint`): %s",
		e.Operation, e.Status, e.Body)
}

// BodyTooLargeError stops reading a response that exceeds the client's size cap.
type BodyTooLargeError struct {
	Operation string
	Limit     int64
}

func (e *BodyTooLargeError) Error() string {
	return fmt.Sprintf("%s: response body exceeds %d bytes; narrow the query (filters, proximity)", e.Operation, e.Limit)
}

// PagingError reports a server that keeps announcing more pages without making progress.
type PagingError struct {
	Operation   string
	StartRecord int64
	Reason      string
}

func (e *PagingError) Error() string {
	return fmt.Sprintf("%s: paging stopped at startRecord %d: %s", e.Operation, e.StartRecord, e.Reason)
}

// IsAuth reports whether err is, or wraps, an AuthError.
func IsAuth(err error) bool {
	var a *AuthError
	return errors.As(err, &a)
}
