package soap

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptrace"
	"sync/atomic"
	"syscall"
)

// Writes (Operation.Write) are made like reads, except that:
//
//   - they are never coalesced: each call is its own request, and no kept answer is ever used;
//   - an idempotent write (shedLoad, clearShedState: they set a state) is retried like a read;
//   - any other write is retried only when it certainly did not reach ChargePoint or the answer says
//     it was not processed, and a failure after the request may have been sent is an
//     *AmbiguousWriteError, never retried, so that the caller can look up what happened.
//
// The rules for a write that is not idempotent, by what one attempt ended with:
//
//	no connection was made (refused, DNS, TLS handshake,     not sent: retried as a read would be
//	  proxy): no byte of the request was sent                (refused: yes; DNS, TLS: no, as for reads)
//	HTTP 429, HTTP 503 (SOAP or HTML page)                   not processed: retried as a read
//	other HTTP 4xx, an authentication or SOAP Client fault,  answered and not applied: returned, not
//	  a responseCode or Success error (Operation.Result)     retried
//	HTTP 502 and 504: a gateway may answer after the         ambiguous (AmbiguousWriteError): not
//	  backend processed the request                           retried
//	HTTP 500 without a fault, a SOAP Server fault, any       ambiguous
//	  other status, a timeout, a reset or a body cut short,
//	  a cancellation after connecting, an answer too large
//	  or that does not decode
//
// "No connection was made" is known from an httptrace GotConn, which the standard transport reports
// once the connection (and its TLS handshake) is up: before it, not one byte of the request was
// written. With another base transport (Config.Transport in tests) only errors that cannot come after
// sending count: a refused connection, a DNS failure, a failed TLS handshake.

// AmbiguousWriteError is a write that may or may not have been applied: the request may have reached
// ChargePoint, and its answer was lost or unreadable. It was not repeated. The caller finds out what
// happened (for addFleetVehicle, by looking the vehicle up) or tells the user what to check.
type AmbiguousWriteError struct {
	Operation string
	Attempts  int // attempts made, the last one ambiguous
	Err       error
}

func (e *AmbiguousWriteError) Error() string {
	return fmt.Sprintf("%s: the request may have reached ChargePoint and been applied, but its answer was lost (%v); "+
		"it was not sent again, so that it is not applied twice", e.Operation, e.Err)
}

func (e *AmbiguousWriteError) Unwrap() error { return e.Err }

// callWrite makes the write op: one request per attempt, straight to post (no coalescing), retried by
// writeRetryReason unless op is idempotent.
func (c *Client) callWrite(ctx context.Context, op Operation, body []byte, out any) error {
	var (
		connected atomic.Bool
		resultErr error  // the error op.Result returned in the last attempt
		reason    string // why the last attempt's error may be retried, "" if it may not
	)
	if res := op.Result; res != nil {
		op.Result = func(out any) (string, error) {
			code, err := res(out)
			resultErr = err
			return code, err
		}
	}
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{GotConn: func(httptrace.GotConnInfo) { connected.Store(true) }})
	reasonOf := retryReason
	if !op.Idempotent {
		reasonOf = func(error) string { return reason }
	}
	return c.retrying(ctx, op.Name, out, reasonOf, func(ctx context.Context) (*answer, error) {
		connected.Store(false)
		resultErr, reason = nil, ""
		ans, err := c.post(ctx, op.Name, body)
		if err == nil {
			var code string
			code, err = c.decodeResponse(op, ans, out)
			ans.log(ctx, code)
		}
		if err == nil || op.Idempotent {
			return ans, err
		}
		sent := connected.Load() || !c.tracesConnections
		switch writeFate(err, sent, resultErr) {
		case writeNotSent, writeNotProcessed:
			reason = retryReason(err)
		case writeAmbiguous:
			err = &AmbiguousWriteError{Operation: op.Name, Err: err}
		case writeRejected:
		}
		return ans, err
	})
}

type writeOutcome int

const (
	writeNotSent      writeOutcome = iota // no byte of the request left: as safe to retry as a read
	writeNotProcessed                     // answered "not processed now" (429, 503): retried
	writeRejected                         // answered, and not applied: final
	writeAmbiguous                        // may have been applied
)

// writeFate classifies the error of one attempt of a write that is not idempotent. sent says whether
// a connection was made (or cannot be known to have not been); resultErr is what Operation.Result
// returned, if it ran.
func writeFate(err error, sent bool, resultErr error) writeOutcome {
	if !sent || neverSent(err) {
		return writeNotSent
	}
	var (
		httpErr  *HTTPError
		htmlErr  *HTMLError
		faultErr *FaultError
	)
	status := 0
	switch {
	case resultErr != nil && errors.Is(err, resultErr):
		return writeRejected
	case errors.As(err, new(*AuthError)):
		return writeRejected
	case errors.As(err, &faultErr):
		if localPart(faultErr.FaultCode) == "Client" {
			return writeRejected
		}
		return writeAmbiguous
	case errors.As(err, &httpErr):
		status = httpErr.StatusCode
	case errors.As(err, &htmlErr):
		status = htmlErr.StatusCode
	default:
		return writeAmbiguous
	}
	switch {
	case status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable:
		return writeNotProcessed
	case status >= 400 && status < 500:
		return writeRejected
	}
	return writeAmbiguous
}

// neverSent reports errors that come before any byte of a request is written, whatever the transport:
// a refused connection, a failed DNS lookup, a failed TLS handshake.
func neverSent(err error) bool {
	var (
		dnsErr *net.DNSError
		opErr  *net.OpError
	)
	if errors.Is(err, syscall.ECONNREFUSED) || errors.As(err, &dnsErr) {
		return true
	}
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return true
	}
	var verification *tls.CertificateVerificationError
	return errors.As(err, &verification)
}
