package soap

import (
	"crypto/x509"
	"net/http"
	"time"
)

// DefaultMaxResponseBytes caps how much of one response body is read.
const DefaultMaxResponseBytes int64 = 64 << 20

// Config configures a Client. New checks nothing: the caller validates the configuration (cpapi.New
// does), the endpoint above all, since the credentials travel in the request body.
type Config struct {
	Endpoint string // the URL requests are posted to
	Username string // WS-Security UsernameToken
	Password string // sent as PasswordText
	// Namespace is the service namespace of the operation elements: requests qualify theirs with it
	// (prefix urn), and a response element outside it is an error.
	Namespace string
	// SOAPAction is the SOAPAction of an operation: this prefix and the operation's name, quoted.
	SOAPAction string
	UserAgent  string

	// RootCAs replaces the system roots for certificate verification (verification itself can't be
	// turned off).
	RootCAs *x509.CertPool
	// Transport replaces the base transport (tests); the client's own layers still wrap it.
	Transport        http.RoundTripper
	MaxResponseBytes int64 // 0 means DefaultMaxResponseBytes
	// MaxConcurrentRequests bounds the requests in flight, all operations together; 0 means
	// DefaultMaxConcurrentRequests.
	MaxConcurrentRequests int
	// MaxRetries is how many times a transient failure is retried (retry.go), 0 for never.
	MaxRetries int
	// RequestTimeout bounds each attempt, response body included; 0 means DefaultRequestTimeout.
	RequestTimeout time.Duration
}

// Client makes SOAP calls. It is safe for concurrent use.
type Client struct {
	endpoint   string
	username   string
	password   string
	namespace  string
	soapAction string
	http       *http.Client
	maxBytes   int64
	coalesce   coalescer
	slots      limiter
	retry      retryPolicy
	// tracesConnections: the base transport is an *http.Transport, which reports through httptrace
	// when a connection is up, so a write that failed before knows it sent nothing (write.go).
	tracesConnections bool
}

// New builds a Client.
func New(cfg Config) *Client {
	base := cfg.Transport
	if base == nil {
		base = newBaseTransport(cfg.RootCAs)
	}
	_, tracesConnections := base.(*http.Transport)
	c := &Client{
		endpoint:   cfg.Endpoint,
		username:   cfg.Username,
		password:   cfg.Password,
		namespace:  cfg.Namespace,
		soapAction: cfg.SOAPAction,
		retry:      newRetryPolicy(cfg.MaxRetries, cfg.RequestTimeout),
		maxBytes:   cfg.MaxResponseBytes,
		slots:      newLimiter(cfg.MaxConcurrentRequests),

		tracesConnections: tracesConnections,
	}
	c.http = &http.Client{Transport: &userAgentTransport{userAgent: cfg.UserAgent,
		next: &attemptTimeoutTransport{timeout: c.retry.timeout, next: base}}}
	if c.maxBytes <= 0 {
		c.maxBytes = DefaultMaxResponseBytes
	}
	return c
}

// MaxConcurrentRequests is how many requests the Client has in flight at most.
func (c *Client) MaxConcurrentRequests() int { return cap(c.slots) }
