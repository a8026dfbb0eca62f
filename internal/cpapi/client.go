package cpapi

import (
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
)

// DefaultPageSize is the page size requested from operations that take one (500 is ChargePoint's maximum).
const DefaultPageSize = 500

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
	MaxResponseBytes int64 // 0 means soap.DefaultMaxResponseBytes
	PageSize         int   // 0 means DefaultPageSize
	// MaxConcurrentRequests bounds the requests in flight, all operations together; 0 means
	// soap.DefaultMaxConcurrentRequests.
	MaxConcurrentRequests int
	// MaxRecords bounds the records of one paged read (RecordLimitError); 0 means DefaultMaxRecords.
	MaxRecords int64
	// MaxRetries is how many times a transient failure is retried, 0 for never; the provider passes
	// max_retries, soap.DefaultMaxRetries unless configured. It must not be negative.
	MaxRetries int
	// RequestTimeout bounds each attempt, response body included; 0 means soap.DefaultRequestTimeout.
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
	soap       *soap.Client
	pageSize   int64
	maxRecords int64
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
	ua := cfg.UserAgent
	if ua == "" {
		ua = "terraform-provider-chargepoint"
	}
	c := &Client{
		soap: soap.New(soap.Config{
			Endpoint: cfg.Endpoint, Username: cfg.LicenseKey, Password: cfg.Password,
			Namespace: ServiceNS, SOAPAction: soapActionPrefix, UserAgent: ua,
			RootCAs: cfg.RootCAs, Transport: cfg.Transport, MaxResponseBytes: cfg.MaxResponseBytes,
			MaxConcurrentRequests: cfg.MaxConcurrentRequests, MaxRetries: cfg.MaxRetries, RequestTimeout: cfg.RequestTimeout,
		}),
		pageSize:   int64(cfg.PageSize),
		maxRecords: cfg.MaxRecords,
	}
	if c.pageSize <= 0 {
		c.pageSize = DefaultPageSize
	}
	return c, nil
}
