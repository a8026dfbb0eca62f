package soap

import (
	"fmt"
	"time"
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

// HTMLError is an HTML page where a SOAP envelope was expected, whatever its HTTP status: typically a
// proxy's error page, a captive portal or a login page in front of the endpoint.
type HTMLError struct {
	Operation  string
	StatusCode int
	Title      string // the page's <title>, "" if it has none
}

func (e *HTMLError) Error() string {
	title := "no title"
	if e.Title != "" {
		title = fmt.Sprintf("title %q", e.Title)
	}
	return fmt.Sprintf("%s: the endpoint answered an HTML page (HTTP %d, %s) rather than SOAP: is a proxy or captive "+
		"portal in the way? Check `endpoint` and the HTTPS_PROXY / NO_PROXY environment variables", e.Operation, e.StatusCode, title)
}

// TimeoutError is one attempt that did not complete (response headers and the whole body) within
// request_timeout. It is not retried: a server that stalls once usually stalls again, and retrying would
// multiply the wait.
type TimeoutError struct {
	Limit time.Duration
	Phase string // "the server sent no response" or "the response body stalled after the headers"
}

func (e *TimeoutError) Error() string {
	return fmt.Sprintf("no complete answer within request_timeout (%s): %s; "+
		"raise request_timeout if the endpoint is slow but alive", e.Limit, e.Phase)
}

// Timeout lets net.Error-style checks recognise it.
func (e *TimeoutError) Timeout() bool { return true }

// RetryError is the last error of a call that was attempted more than once, or whose error would have
// been retried had max_retries allowed it.
type RetryError struct {
	Attempts int
	Reason   string // why the calls stopped, e.g. "max_retries (3) reached"
	Err      error
}

func (e *RetryError) Error() string {
	noun := "attempts"
	if e.Attempts == 1 {
		noun = "attempt"
	}
	return fmt.Sprintf("%v (gave up after %d %s: %s)", e.Err, e.Attempts, noun, e.Reason)
}

func (e *RetryError) Unwrap() error { return e.Err }
