package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
)

// actions are the provider's actions (Terraform 1.14 and later: `terraform apply -invoke=action.<type>.<name>`
// and action_trigger in a resource's lifecycle), one file each (action_<name>.go).
var actions = []func() action.Action{
	NewShedLoadAction,
	NewClearShedStateAction,
	NewClearAlarmsAction,
}

var _ provider.ProviderWithActions = (*chargePointProvider)(nil)

func (p *chargePointProvider) Actions(context.Context) []func() action.Action { return actions }

// actionClient is an action's client, or an error diagnostic when the provider is not configured.
func actionClient(c *cpapi.Client, diags *diag.Diagnostics) bool {
	if c == nil {
		addNotConfigured(diags)
		return false
	}
	return true
}

// addActionError turns a write's error into one diagnostic naming the action, the operation, the
// responseCode with ChargePoint's text, what was asked (asked: `for sg_id = 20002`) and the hint (what
// to change).
func addActionError(diags *diag.Diagnostics, actionType, asked string, err error) {
	var (
		code *cpapi.ResponseError
		amb  *soap.AmbiguousWriteError
		auth *soap.AuthError
	)
	switch {
	case errors.As(err, &auth):
		diags.AddError("ChargePoint authentication failed", err.Error())
	case errors.As(err, &code):
		detail := fmt.Sprintf("%s: %s returned responseCode %s", actionType, code.Operation, code.Code)
		if text := strings.TrimRight(strings.TrimSpace(code.Text), "."); text != "" {
			detail += " (" + text + ")"
		}
		detail += " " + asked + "."
		if code.Hint != "" {
			detail += "\n\nTo fix it: " + code.Hint + "."
		}
		diags.AddError(fmt.Sprintf("ChargePoint %s failed with responseCode %s", code.Operation, code.Code), detail)
	case errors.As(err, &amb):
		diags.AddError(fmt.Sprintf("ChargePoint %s may or may not have been applied", amb.Operation),
			fmt.Sprintf("%s %s: %v. Invoking the action again is safe: it sets a state.", actionType, asked, err))
	default:
		diags.AddError(actionType+" failed", fmt.Sprintf("%s %s: %v", actionType, asked, err))
	}
}
