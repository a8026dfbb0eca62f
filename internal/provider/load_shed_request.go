package provider

import (
	"context"
	"fmt"
	"reflect"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/actionvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// What the chargepoint_load_shed resource and the chargepoint_shed_load action share: the arguments of
// one shedLoad (shedLoadArgs, embeddable in a model: the framework reads embedded structs' fields), the
// request built from them (shedRequestFrom), and the plan-time validation (shedLoadResourceValidators,
// shedLoadActionValidators), so that both say the same things about the same configuration.

// shedLoadArgs are shedLoad's arguments as configured: sg_id, station_id, allowed_load_kw, percent_shed,
// ports and duration_minutes.
type shedLoadArgs struct {
	SgID            types.Int64    `tfsdk:"sg_id"`
	StationID       types.String   `tfsdk:"station_id"`
	AllowedLoadKW   types.Float64  `tfsdk:"allowed_load_kw"`
	PercentShed     types.Int64    `tfsdk:"percent_shed"`
	Ports           []shedPortArgs `tfsdk:"ports"`
	DurationMinutes types.Int64    `tfsdk:"duration_minutes"`
}

// shedPortArgs is one element of ports.
type shedPortArgs struct {
	PortNumber    types.Int64   `tfsdk:"port_number"`
	AllowedLoadKW types.Float64 `tfsdk:"allowed_load_kw"`
	PercentShed   types.Int64   `tfsdk:"percent_shed"`
}

// tagDescOf is the desc tag of field of the cpapi type T: each description is written once, there.
func tagDescOf[T any](field string) string {
	f, ok := reflect.TypeFor[T]().FieldByName(field)
	if !ok {
		panic(fmt.Sprintf("%v has no field %s", reflect.TypeFor[T](), field))
	}
	return f.Tag.Get("desc")
}

// shedLoadDesc is the description of a cpapi.ShedLoadRequest field (port: of a cpapi.ShedPort field).
func shedLoadDesc(field string, port bool) string {
	if port {
		return tagDescOf[cpapi.ShedPort](field)
	}
	return tagDescOf[cpapi.ShedLoadRequest](field)
}

func int64Arg(v types.Int64) cpapi.Int {
	if v.IsNull() || v.IsUnknown() {
		return cpapi.Int{}
	}
	return cpapi.IntOf(v.ValueInt64())
}

func float64Arg(v types.Float64) cpapi.Float {
	if v.IsNull() || v.IsUnknown() {
		return cpapi.Float{}
	}
	return cpapi.FloatOf(v.ValueFloat64())
}

func stringArg(v types.String) cpapi.String {
	if v.IsNull() || v.IsUnknown() {
		return cpapi.String{}
	}
	return cpapi.StringOf(v.ValueString())
}

// shedRequestFrom is the shedLoad request for a: only the values set, timeInterval always (the XSD
// requires it; 0 is until cleared). cpapi sends only the branch in use (group or station).
func shedRequestFrom(a shedLoadArgs) cpapi.ShedLoadRequest {
	r := cpapi.ShedLoadRequest{
		SgID:         int64Arg(a.SgID),
		StationID:    stringArg(a.StationID),
		AllowedLoad:  float64Arg(a.AllowedLoadKW),
		PercentShed:  int64Arg(a.PercentShed),
		TimeInterval: cpapi.IntOf(0),
	}
	if d := int64Arg(a.DurationMinutes); d.Valid {
		r.TimeInterval = d
	}
	for _, p := range a.Ports {
		r.Ports = append(r.Ports, cpapi.ShedPort{
			PortNumber:  cpapi.StringOf(strconv.FormatInt(p.PortNumber.ValueInt64(), 10)),
			AllowedLoad: float64Arg(p.AllowedLoadKW),
			PercentShed: int64Arg(p.PercentShed),
		})
	}
	return r
}

// shedTarget says what a shed names, for diagnostics: `for sg_id = 20002`, `for station_id = "1:81203"`.
func shedTarget(sgID types.Int64, stationID types.String) string {
	if !sgID.IsNull() && !sgID.IsUnknown() {
		return fmt.Sprintf("for sg_id = %d", sgID.ValueInt64())
	}
	return fmt.Sprintf("for station_id = %q", stationID.ValueString())
}

// shedLoadResourceValidators and shedLoadActionValidators are the same checks: exactly one of sg_id and
// station_id; allowed_load_kw and percent_shed not both; ports only with station_id; and shedLimits.
// The attributes' own validators say 0-100 (percent_shed), not negative (allowed_load_kw,
// duration_minutes) and port_number >= 1.
func shedLoadResourceValidators() []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.ExactlyOneOf(path.MatchRoot("sg_id"), path.MatchRoot("station_id")),
		resourcevalidator.Conflicting(path.MatchRoot("allowed_load_kw"), path.MatchRoot("percent_shed")),
		resourcevalidator.Conflicting(path.MatchRoot("sg_id"), path.MatchRoot("ports")),
		shedLimits{},
	}
}

func shedLoadActionValidators() []action.ConfigValidator {
	return []action.ConfigValidator{
		actionvalidator.ExactlyOneOf(path.MatchRoot("sg_id"), path.MatchRoot("station_id")),
		actionvalidator.Conflicting(path.MatchRoot("allowed_load_kw"), path.MatchRoot("percent_shed")),
		actionvalidator.Conflicting(path.MatchRoot("sg_id"), path.MatchRoot("ports")),
		shedLimits{},
	}
}

// shedLimits checks what the declarative validators cannot: a limit on the station or group unless
// every port carries its own, one limit per port, and unique port numbers. It reads the shared
// attributes by path, so a resource's other attributes (id) do not matter.
type shedLimits struct{}

var (
	_ resource.ConfigValidator = shedLimits{}
	_ action.ConfigValidator   = shedLimits{}
)

func (shedLimits) Description(context.Context) string {
	return "exactly one of allowed_load_kw and percent_shed on the station or group, unless every port sets its own; one per port; port numbers unique"
}

func (v shedLimits) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (shedLimits) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	resp.Diagnostics.Append(validateShedLimits(ctx, req.Config)...)
}

func (shedLimits) ValidateAction(ctx context.Context, req action.ValidateConfigRequest, resp *action.ValidateConfigResponse) {
	resp.Diagnostics.Append(validateShedLimits(ctx, req.Config)...)
}

func validateShedLimits(ctx context.Context, cfg tfsdk.Config) diag.Diagnostics {
	var (
		a     shedLoadArgs
		diags diag.Diagnostics
	)
	diags.Append(cfg.GetAttribute(ctx, path.Root("allowed_load_kw"), &a.AllowedLoadKW)...)
	diags.Append(cfg.GetAttribute(ctx, path.Root("percent_shed"), &a.PercentShed)...)
	var ports types.List
	diags.Append(cfg.GetAttribute(ctx, path.Root("ports"), &ports)...)
	if diags.HasError() || ports.IsUnknown() {
		return diags
	}
	if !ports.IsNull() {
		diags.Append(ports.ElementsAs(ctx, &a.Ports, false)...)
		if diags.HasError() {
			return diags
		}
	}
	return shedLimitProblems(a)
}

// shedLimitProblems is shedLimits' check of a (nothing while a value it needs is unknown).
func shedLimitProblems(a shedLoadArgs) diag.Diagnostics {
	var diags diag.Diagnostics
	if a.AllowedLoadKW.IsUnknown() || a.PercentShed.IsUnknown() {
		return nil
	}
	topLimit := !a.AllowedLoadKW.IsNull() || !a.PercentShed.IsNull()
	seen := map[int64]bool{}
	for i, p := range a.Ports {
		at := path.Root("ports").AtListIndex(i)
		if p.PortNumber.IsUnknown() || p.AllowedLoadKW.IsUnknown() || p.PercentShed.IsUnknown() {
			return diags
		}
		if !p.PortNumber.IsNull() {
			if seen[p.PortNumber.ValueInt64()] {
				diags.AddAttributeError(at.AtName("port_number"), "Duplicate port number",
					fmt.Sprintf("Port %d is listed more than once; list each port once.", p.PortNumber.ValueInt64()))
			}
			seen[p.PortNumber.ValueInt64()] = true
		}
		switch set := !p.AllowedLoadKW.IsNull(); {
		case set && !p.PercentShed.IsNull():
			diags.AddAttributeError(at, "Conflicting port limits", "Set allowed_load_kw or percent_shed on a port, not both.")
		case !set && p.PercentShed.IsNull() && !topLimit:
			diags.AddAttributeError(at, "Missing port limit", "Set allowed_load_kw or percent_shed on this port, or one of them on the station.")
		}
	}
	if !topLimit && len(a.Ports) == 0 {
		diags.AddAttributeError(path.Root("allowed_load_kw"), "Missing shed limit",
			"Set exactly one of allowed_load_kw and percent_shed (or, for a station, give every port in ports its own).")
	}
	return diags
}
