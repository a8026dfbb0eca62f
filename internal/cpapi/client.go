// Package cpapi is a client for the ChargePoint Web Services API 5.1 (SOAP 1.1, document/literal,
// WS-Security UsernameToken). One Client serves every operation; each API area has its own file with
// its typed request and response.
package cpapi

import (
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"
)

const (
	// DefaultMaxResponseBytes caps how much of one response body is read.
	DefaultMaxResponseBytes int64 = 64 << 20
	// DefaultPageSize is the page size requested from operations that take one (500 is ChargePoint's maximum).
	DefaultPageSize = 500
)

// Config configures a Client. Endpoint, LicenseKey and Password are required.
type Config struct {
	Endpoint   string // full 5.1 URL; see RegionEndpoint
	LicenseKey string // WS-Security Username
	Password   string // WS-Security PasswordText
	UserAgent  string

	// RootCAs replaces the system roots for certificate verification (verification itself can't be
	// turned off).
	RootCAs *x509.CertPool
	// Transport replaces the base transport (tests); the client's own layers still wrap it.
	Transport        http.RoundTripper
	MaxResponseBytes int64 // 0 means DefaultMaxResponseBytes
	PageSize         int   // 0 means DefaultPageSize
	// MaxConcurrentRequests bounds the requests in flight, all operations together; 0 means
	// DefaultMaxConcurrentRequests.
	MaxConcurrentRequests int
	// MaxRecords bounds the records of one paged read (RecordLimitError); 0 means DefaultMaxRecords.
	MaxRecords int64
	// MaxRetries is how many times a transient failure is retried (retry.go), 0 for never; the provider
	// passes max_retries, DefaultMaxRetries unless configured. It must not be negative.
	MaxRetries int
	// RequestTimeout bounds each attempt, response body included; 0 means DefaultRequestTimeout.
	RequestTimeout time.Duration
}

// UserAgent returns the User-Agent of a provider talking to ChargePoint, in the form HashiCorp's
// providers use: "Terraform/<terraform version> (+https://www.terraform.io)
// terraform-provider-chargepoint/<provider version>", then the value of TF_APPEND_USER_AGENT, trimmed,
// after a space when it is not blank (as terraform-plugin-sdk's Provider.UserAgent does).
func UserAgent(terraformVersion, providerVersion string) string {
	ua := "Terraform/" + terraformVersion + " (+https://www.terraform.io) terraform-provider-chargepoint/" + providerVersion
	if add := strings.TrimSpace(os.Getenv("TF_APPEND_USER_AGENT")); add != "" {
		ua += " " + add
	}
	return ua
}

// Client calls ChargePoint operations. It is safe for concurrent use.
type Client struct {
	endpoint   string
	licenseKey string
	password   string
	http       *http.Client
	maxBytes   int64
	pageSize   int64
	coalesce   coalescer
	slots      limiter
	maxRecords int64
	retry      retryPolicy
}

// New validates cfg and builds a Client.
func New(cfg Config) (*Client, error) {
	if cfg.LicenseKey == "" || cfg.Password == "" {
		return nil, errors.New("cpapi: license key and password are required")
	}
	if err := ValidateEndpoint(cfg.Endpoint); err != nil {
		return nil, err
	}
	if cfg.MaxRetries < 0 {
		return nil, fmt.Errorf("cpapi: MaxRetries is %d; it must not be negative", cfg.MaxRetries)
	}
	base := cfg.Transport
	if base == nil {
		base = newBaseTransport(cfg.RootCAs)
	}
	ua := cfg.UserAgent
	if ua == "" {
		ua = "terraform-provider-chargepoint"
	}
	c := &Client{
		endpoint:   cfg.Endpoint,
		licenseKey: cfg.LicenseKey,
		password:   cfg.Password,
		retry:      newRetryPolicy(cfg.MaxRetries, cfg.RequestTimeout),
		maxBytes:   cfg.MaxResponseBytes,
		pageSize:   int64(cfg.PageSize),
		slots:      newLimiter(cfg.MaxConcurrentRequests),
		maxRecords: cfg.MaxRecords,
	}
	c.http = &http.Client{Transport: &userAgentTransport{userAgent: ua,
		next: &attemptTimeoutTransport{timeout: c.retry.timeout, next: base}}}
	if c.maxBytes <= 0 {
		c.maxBytes = DefaultMaxResponseBytes
	}
	if c.pageSize <= 0 {
		c.pageSize = DefaultPageSize
	}
	return c, nil
}
