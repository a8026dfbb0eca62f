package provider

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// clientFrom is the nil-guarded half of every data source's Configure: ProviderData is nil while the
// provider itself is not configured yet (validation, or an unknown provider block).
func clientFrom(data any, diags *diag.Diagnostics) *cpapi.Client {
	if data == nil {
		return nil
	}
	c, ok := data.(*cpapi.Client)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("expected *cpapi.Client, got %T; please report this issue to the provider developers", data))
		return nil
	}
	return c
}

// addAPIError turns a cpapi error into one diagnostic whose summary says what failed. A responseCode
// error also says what was asked (asked: "for sg_id = 999", see askedFor), since ChargePoint's text
// ("Invalid sgID.", "No data found for given criteria.") does not.
func addAPIError(diags *diag.Diagnostics, dataSource, asked string, err error) {
	var (
		auth *cpapi.AuthError
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
		if error(code) != err { // wrapped: keep what the wrapper adds (retries)
			detail += "\n\n" + err.Error()
		}
		diags.AddError(fmt.Sprintf("ChargePoint %s failed with responseCode %s", code.Operation, code.Code), detail)
	default:
		diags.AddError("Unable to read "+dataSource, err.Error())
	}
}
