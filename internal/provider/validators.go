package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
)

// checkedString validates a provider setting at plan time with the same check that resolves it, so a
// value that would fail later fails in the plan, with summary and the check's error.
type checkedString struct {
	description string
	summary     string
	check       func(string) error
}

func (v checkedString) Description(context.Context) string { return v.description }

func (v checkedString) MarkdownDescription(context.Context) string { return v.description }

func (v checkedString) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := v.check(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, v.summary, err.Error())
	}
}

// endpointValidator rejects non-URLs and plain http to non-loopback hosts.
var endpointValidator = checkedString{
	description: "must be an https URL, or an http URL on a loopback host",
	summary:     "Invalid ChargePoint endpoint",
	check:       cpapi.ValidateEndpoint,
}

// durationValidator checks request_timeout.
var durationValidator = checkedString{
	description: "a positive Go duration such as 30s or 2m",
	summary:     "Invalid request_timeout",
	check: func(s string) error {
		_, err := parseTimeout(s)
		return err
	},
}

// pemValidator checks ca_cert_pem.
var pemValidator = checkedString{
	description: "one or more PEM certificates",
	summary:     "Invalid ca_cert_pem",
	check: func(s string) error {
		_, err := soap.CertPoolWithPEM(map[string][]byte{"ca_cert_pem": []byte(s)})
		return err
	},
}
