package provider

import (
	"fmt"
	"time"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
)

// Environment variables of the retry, timeout and trust settings.
const (
	envMaxRetries     = "CHARGEPOINT_MAX_RETRIES"
	envRequestTimeout = "CHARGEPOINT_REQUEST_TIMEOUT"
	envCACertFile     = "CHARGEPOINT_CA_CERT_FILE"
)

const maxMaxRetries = 10

var maxRetriesSetting = intSetting{attribute: "max_retries", env: envMaxRetries, def: soap.DefaultMaxRetries, min: 0, max: maxMaxRetries}

// resolveResilience returns the MaxRetries, RequestTimeout and RootCAs of the client after the
// environment fallbacks; every error names the attribute or variable to fix.
func resolveResilience(cfg providerModel, getenv func(string) string, readFile func(string) ([]byte, error)) (cpapi.Config, error) {
	var out cpapi.Config
	retries, err := maxRetriesSetting.resolve(cfg.MaxRetries, getenv)
	if err != nil {
		return out, err
	}
	out.MaxRetries = int(retries)

	timeout, source := soap.DefaultRequestTimeout.String(), ""
	if v := orEnv(cfg.RequestTimeout, getenv, envRequestTimeout); v != "" {
		timeout, source = v, "request_timeout"
		if cfg.RequestTimeout.IsNull() {
			source = envRequestTimeout
		}
	}
	d, err := parseTimeout(timeout)
	if err != nil {
		return out, fmt.Errorf("%s: %w", source, err)
	}
	out.RequestTimeout = d

	pems := map[string][]byte{}
	if file := orEnv(cfg.CACertFile, getenv, envCACertFile); file != "" {
		data, err := readFile(file)
		if err != nil {
			return out, fmt.Errorf("ca_cert_file: %w", err)
		}
		pems["ca_cert_file "+file] = data
	}
	if !cfg.CACertPEM.IsNull() && cfg.CACertPEM.ValueString() != "" {
		pems["ca_cert_pem"] = []byte(cfg.CACertPEM.ValueString())
	}
	if len(pems) > 0 {
		if out.RootCAs, err = soap.CertPoolWithPEM(pems); err != nil {
			return out, err
		}
	}
	return out, nil
}

func parseTimeout(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q is not a positive duration such as \"30s\" or \"2m\"", s)
	}
	return d, nil
}
