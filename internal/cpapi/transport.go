package cpapi

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"time"
)

// The HTTP stack is a chain of RoundTrippers so that cross-cutting concerns (retries with backoff,
// a concurrency limit) can be added as layers without touching the operations:
//
//	userAgentTransport -> base (*http.Transport with the TLS 1.2 floor)

// newBaseTransport returns a transport that requires TLS 1.2 or newer and always verifies certificates
// (against the system roots, or rootCAs when given, e.g. a corporate CA or a test server's).
func newBaseTransport(rootCAs *x509.CertPool) *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12, RootCAs: rootCAs}
	t.ResponseHeaderTimeout = 2 * time.Minute
	return t
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
