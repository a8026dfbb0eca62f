package tfreflect

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// stationIDPattern is ChargePoint's station ID form, <network>:<number> ("1:81203"): the network
// (CPN) ID, a colon and the station's number.
var stationIDPattern = regexp.MustCompile(`^[0-9]+:[0-9]+$`)

// isStationID reports whether s has ChargePoint's station ID form, <network>:<number>.
func isStationID(s string) bool { return stationIDPattern.MatchString(s) }

// stationIDValidator is the validate:"stationid" rule, on a string or a list of strings. A value of
// another form (81203, nope) is almost always a mistake, but not certainly one, so it is a warning
// naming the attribute and the value, never an error.
type stationIDValidator struct{}

var (
	_ validator.String = stationIDValidator{}
	_ validator.List   = stationIDValidator{}
)

func (stationIDValidator) Description(context.Context) string {
	return `warns unless the value is a ChargePoint station ID, <network>:<number> (for example "1:81203")`
}

func (v stationIDValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (stationIDValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if s := req.ConfigValue.ValueString(); !isStationID(s) {
		resp.Diagnostics.AddAttributeWarning(req.Path, "Not a ChargePoint station ID", stationIDWarning(req.Path.String(), s))
	}
}

func (stationIDValidator) ValidateList(_ context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	for i, e := range req.ConfigValue.Elements() {
		s, ok := e.(types.String)
		if !ok || s.IsNull() || s.IsUnknown() {
			continue
		}
		if !isStationID(s.ValueString()) {
			p := req.Path.AtListIndex(i)
			resp.Diagnostics.AddAttributeWarning(p, "Not a ChargePoint station ID", stationIDWarning(p.String(), s.ValueString()))
		}
	}
}

func stationIDWarning(attribute, value string) string {
	return fmt.Sprintf("%s = %q is not a ChargePoint station ID, which has the form <network>:<number> "+
		"(for example \"1:81203\": the network ID, a colon, the station's number). ChargePoint will most likely "+
		"find no station by it.", attribute, value)
}
