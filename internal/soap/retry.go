package soap

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Retry and time-limit defaults. With them a call, retries included, ends within CallBudget (110 s):
// a dead endpoint fails in under two minutes by construction, whatever the server does.
const (
	DefaultMaxRetries     = 3
	DefaultRequestTimeout = 30 * time.Second
	// CallBudget bounds one call with all its attempts and waits (or request_timeout, if that is longer).
	CallBudget = 110 * time.Second

	retryBaseDelay = 1 * time.Second  // the first backoff, doubled for each further retry
	retryMaxDelay  = 8 * time.Second  // backoff ceiling
	maxRetryAfter  = 20 * time.Second // Retry-After ceiling: a server asking for more waits this long
)

// retryPolicy decides whether and when to try a call again. The reads are idempotent, so repeating
// one is always safe.
//
// Why a small loop rather than hashicorp/go-retryablehttp: that library retries inside http.Client.Do,
// before the body is read and decoded, so it can neither retry a connection reset in the middle of the
// body nor a SOAP Server fault (an HTTP 500 whose body must be decoded to tell it from an authentication
// fault, which must not be retried). Wrapping exchange and decoding in one loop covers every case in
// one place, with the call's logging context.
type retryPolicy struct {
	maxRetries int
	timeout    time.Duration // per attempt (request_timeout)
	budget     time.Duration // per call, all attempts and waits included

	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error
	rand  func(n int64) int64 // uniform in [0, n); the backoff jitter
}

func newRetryPolicy(maxRetries int, timeout time.Duration) retryPolicy {
	if timeout <= 0 {
		timeout = DefaultRequestTimeout
	}
	return retryPolicy{
		maxRetries: maxRetries,
		timeout:    timeout,
		budget:     max(CallBudget, timeout),
		now:        time.Now,
		sleep:      sleepContext,
		rand:       rand.Int64N,
	}
}

func sleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// backoff is the wait before retry number n (1 for the first retry): exponential with "equal jitter",
// uniform in [d/2, d) where d = retryBaseDelay·2^(n-1), capped at retryMaxDelay.
func (p retryPolicy) backoff(n int) time.Duration {
	d := retryMaxDelay
	if n < 8 {
		d = min(retryBaseDelay<<(n-1), retryMaxDelay)
	}
	half := d / 2
	return half + time.Duration(p.rand(int64(half)))
}

// wait is the pause before retry n: the server's Retry-After (capped), else the backoff.
func (p retryPolicy) wait(n int, retryAfter time.Duration) time.Duration {
	if retryAfter > 0 {
		return min(retryAfter, maxRetryAfter)
	}
	return p.backoff(n)
}

// parseRetryAfter reads a Retry-After header: delay-seconds or an HTTP date. Anything else, or a time in
// the past, is 0 (use the backoff).
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		return min(time.Duration(secs)*time.Second, time.Hour)
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// retryReason says why the error of one attempt is worth another try, or "" when it is not:
// authentication and Client faults, responseCodes, TLS and certificate errors, timeouts and
// cancellation are final.
func retryReason(err error) string {
	var (
		httpErr  *HTTPError
		htmlErr  *HTMLError
		faultErr *FaultError
		syntax   *xml.SyntaxError
	)
	switch {
	case err == nil, isTLSError(err):
		return ""
	case errors.As(err, new(*TimeoutError)), errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return ""
	case errors.As(err, &faultErr):
		if localPart(faultErr.FaultCode) == "Server" {
			return "SOAP Server fault: " + faultErr.FaultString
		}
		return ""
	case errors.As(err, &httpErr):
		return statusReason(httpErr.StatusCode)
	case errors.As(err, &htmlErr):
		return statusReason(htmlErr.StatusCode)
	case errors.Is(err, syscall.ECONNRESET):
		return "connection reset"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ECONNABORTED), errors.Is(err, syscall.EPIPE):
		return "connection aborted"
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "connection closed before the response ended"
	case errors.As(err, &syntax) && syntax.Msg == "unexpected EOF":
		return "truncated XML document"
	}
	return ""
}

// statusReason: 429 and the gateway statuses are transient; a 500 reaches here only without a SOAP
// fault in its body (faults are classified by their code, never by the status alone).
func statusReason(status int) string {
	switch status {
	case http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return fmt.Sprintf("HTTP %d %s", status, http.StatusText(status))
	}
	return ""
}

func isTLSError(err error) bool {
	var (
		unknownAuthority x509.UnknownAuthorityError
		hostname         x509.HostnameError
		invalid          x509.CertificateInvalidError
		verification     *tls.CertificateVerificationError
		record           tls.RecordHeaderError
		alert            tls.AlertError
	)
	return errors.As(err, &unknownAuthority) || errors.As(err, &hostname) || errors.As(err, &invalid) ||
		errors.As(err, &verification) || errors.As(err, &record) || errors.As(err, &alert)
}
