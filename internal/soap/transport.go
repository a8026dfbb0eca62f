package soap

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// The HTTP stack is a chain of RoundTrippers so that cross-cutting concerns can be added as layers
// without touching the operations:
//
//	userAgentTransport -> attemptTimeoutTransport -> base (*http.Transport with the TLS 1.2 floor)
//
// Retries are not a RoundTripper: a reset in the middle of the body and a SOAP Server fault are only
// seen after the body is read and decoded, so they live in Client.Call (retry_call.go).

// newBaseTransport returns a transport that requires TLS 1.2 or newer and always verifies certificates
// (against the system roots, or rootCAs when given, e.g. a corporate CA or a test server's). It honours
// HTTPS_PROXY, HTTP_PROXY and NO_PROXY (http.ProxyFromEnvironment, inherited from the default transport).
// Time limits come from attemptTimeoutTransport, which also covers the body.
func newBaseTransport(rootCAs *x509.CertPool) *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone() //nolint:forcetypeassert // the standard library's default is an *http.Transport
	t.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12, RootCAs: rootCAs}
	return t
}

// CertPoolWithPEM returns the system roots plus the certificates in each PEM block set (e.g. a
// corporate CA that intercepts TLS). A block set without any certificate is an error naming its source.
func CertPoolWithPEM(sources map[string][]byte) (*x509.CertPool, error) {
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	for name, pem := range sources {
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("%s holds no PEM certificate (expected one or more -----BEGIN CERTIFICATE----- blocks)", name)
		}
	}
	return pool, nil
}

type userAgentTransport struct {
	userAgent string
	next      http.RoundTripper
}

func (t *userAgentTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("User-Agent", t.userAgent)
	return t.next.RoundTrip(r)
}

// errAttemptTimeout is the cancellation cause of an attempt that ran out of request_timeout; it tells
// that timeout apart from the caller's own deadline or cancellation.
var errAttemptTimeout = errors.New("request_timeout reached")

// attemptTimeoutTransport bounds one exchange, from sending the request to the end of the response
// body, by timeout: the deadline stays armed on the body until it is closed, so a server that sends the
// headers and then stalls is cut off too.
type attemptTimeoutTransport struct {
	timeout time.Duration
	next    http.RoundTripper
}

func (t *attemptTimeoutTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	ctx, cancel := context.WithTimeoutCause(r.Context(), t.timeout, errAttemptTimeout)
	resp, err := t.next.RoundTrip(r.WithContext(ctx))
	if err != nil {
		err = t.explain(ctx, err, "the server sent no response")
		cancel()
		return nil, err
	}
	resp.Body = &deadlineBody{ReadCloser: resp.Body, ctx: ctx, cancel: cancel, t: t}
	return resp, nil
}

func (t *attemptTimeoutTransport) explain(ctx context.Context, err error, phase string) error {
	if errors.Is(context.Cause(ctx), errAttemptTimeout) {
		return &TimeoutError{Limit: t.timeout, Phase: phase}
	}
	return err
}

type deadlineBody struct {
	io.ReadCloser
	ctx    context.Context
	cancel context.CancelFunc
	t      *attemptTimeoutTransport
}

func (b *deadlineBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil && err != io.EOF {
		err = b.t.explain(b.ctx, err, "the response body stalled after the headers")
	}
	return n, err
}

func (b *deadlineBody) Close() error {
	defer b.cancel()
	return b.ReadCloser.Close()
}
