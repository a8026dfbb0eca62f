package provider

import (
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// settings is the provider configuration after environment fallbacks.
type settings struct {
	licenseKey, password        string
	region, regionSource        string
	endpointURL, endpointSource string
}

type missingSetting struct{ attribute, env string }

func resolveSettings(cfg providerModel, getenv func(string) string) settings {
	s := settings{
		licenseKey: orEnv(cfg.LicenseKey, getenv, envLicenseKey),
		password:   orEnv(cfg.Password, getenv, envPassword),
	}
	switch {
	case !cfg.Endpoint.IsNull():
		s.endpointURL, s.endpointSource = cfg.Endpoint.ValueString(), "endpoint"
	case !cfg.Region.IsNull():
		s.region, s.regionSource = cfg.Region.ValueString(), "region"
	default:
		s.endpointURL, s.endpointSource = getenv(envEndpoint), envEndpoint
		s.region, s.regionSource = getenv(envRegion), envRegion
	}
	return s
}

func orEnv(v types.String, getenv func(string) string, env string) string {
	if !v.IsNull() {
		return v.ValueString()
	}
	return getenv(env)
}

func (s settings) missing() []missingSetting {
	var out []missingSetting
	if s.licenseKey == "" {
		out = append(out, missingSetting{"license_key", envLicenseKey})
	}
	if s.password == "" {
		out = append(out, missingSetting{"password", envPassword})
	}
	return out
}

// endpoint resolves the URL: an explicit endpoint wins, then the region, then NA.
func (s settings) endpoint() (string, error) {
	if s.endpointURL != "" && s.region != "" {
		return "", fmt.Errorf("%s and %s are both set; set only one", envEndpoint, envRegion)
	}
	if s.endpointURL != "" {
		if err := cpapi.ValidateEndpoint(s.endpointURL); err != nil {
			return "", fmt.Errorf("%s: %w", s.endpointSource, err)
		}
		return s.endpointURL, nil
	}
	region := s.region
	if region == "" {
		region = cpapi.DefaultRegion
	}
	u, err := cpapi.RegionEndpoint(region)
	if err != nil {
		return "", fmt.Errorf("%s: %w", s.regionSource, err)
	}
	return u, nil
}

// intSetting is an integer setting: its attribute, the environment variable it falls back to, its
// default and its bounds (no upper bound when max is 0). The schema's validator checks the attribute
// at plan time; resolve checks the value wherever it came from.
type intSetting struct {
	attribute, env string
	def, min, max  int64
}

// resolve returns the attribute's value, else the environment variable's, else the default. Every
// error names the attribute, and the variable when the value came from it.
func (s intSetting) resolve(v types.Int64, getenv func(string) string) (int64, error) {
	n := s.def
	switch {
	case !v.IsNull():
		n = v.ValueInt64()
	case getenv(s.env) != "":
		var err error
		if n, err = strconv.ParseInt(getenv(s.env), 10, 64); err != nil {
			return 0, fmt.Errorf("%s=%q is not a whole number (it sets %s)", s.env, getenv(s.env), s.attribute)
		}
	}
	switch {
	case s.max > 0 && (n < s.min || n > s.max):
		return 0, fmt.Errorf("%s is %d; it must be between %d and %d", s.attribute, n, s.min, s.max)
	case n < s.min:
		return 0, fmt.Errorf("%s is %d; it must be at least %d", s.attribute, n, s.min)
	}
	return n, nil
}
