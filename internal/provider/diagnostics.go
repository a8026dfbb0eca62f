package provider

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
)

// addNotConfigured is the whole of a data source's framework Read: the server reads a configured
// provider's data sources itself (server.go), so the framework reads only while there is no client (the
// provider block failed, or was not configured yet).
func addNotConfigured(diags *diag.Diagnostics) {
	diags.AddError("ChargePoint provider not configured", "The provider block was not configured; see the provider's errors above.")
}

// addAPIError turns a cpapi error into one diagnostic whose summary says what failed. A responseCode
// error also says what was asked (asked: "for sg_id = 999", see askedFor), since ChargePoint's text
// ("Invalid sgID.", "No data found for given criteria.") does not.
func addAPIError(diags *diag.Diagnostics, dataSource, asked string, err error) {
	var (
		auth *soap.AuthError
		code *cpapi.ResponseError
	)
	switch {
	case errors.As(err, &auth):
		diags.AddError("ChargePoint authentication failed", err.Error())
	case errors.As(err, &code):
		detail := fmt.Sprintf("%s: %s returned responseCode %s", dataSource, code.Operation, code.Code)
		if text := strings.TrimRight(strings.TrimSpace(code.Text), "."); text != "" {
			detail += " (" + text + ")"
		}
		detail += " " + asked + "."
		if code.Error() != err.Error() { // wrapped: keep what the wrapper adds (retries); soap's masking adds nothing
			detail += "\n\n" + err.Error()
		}
		diags.AddError(fmt.Sprintf("ChargePoint %s failed with responseCode %s", code.Operation, code.Code), detail)
	default:
		diags.AddError("Unable to read "+dataSource, err.Error())
	}
}
