package provider

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/actionvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// chargepoint_clear_alarms: one clearAlarms, with ClearAlarmsQuery's fields as arguments.

var (
	_ action.ActionWithConfigure        = (*clearAlarmsAction)(nil)
	_ action.ActionWithConfigValidators = (*clearAlarmsAction)(nil)
)

func NewClearAlarmsAction() action.Action { return &clearAlarmsAction{} }

type clearAlarmsAction struct{ client *cpapi.Client }

type clearAlarmsArgs struct {
	OrgID            types.String `tfsdk:"org_id"`
	OrganizationName types.String `tfsdk:"organization_name"`
	StationID        types.String `tfsdk:"station_id"`
	StationName      types.String `tfsdk:"station_name"`
	SgID             types.Int64  `tfsdk:"sg_id"`
	SgName           types.String `tfsdk:"sg_name"`
	StartTime        types.String `tfsdk:"start_time"`
	EndTime          types.String `tfsdk:"end_time"`
	PortNumber       types.String `tfsdk:"port_number"`
	AlarmType        types.String `tfsdk:"alarm_type"`
	ClearReason      types.String `tfsdk:"clear_reason"`
}

// clearAlarmsTargets are the arguments that select alarms: at least one is required, so that an empty
// configuration does not clear every alarm of the account.
var clearAlarmsTargets = []string{"org_id", "organization_name", "station_id", "station_name", "sg_id", "sg_name",
	"start_time", "end_time", "port_number", "alarm_type"}

func (a *clearAlarmsAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_clear_alarms"
}

func (a *clearAlarmsAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	desc := tagDescOf[cpapi.ClearAlarmsQuery]
	str := func(field string, v ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Description: desc(field), Validators: v}
	}
	resp.Schema = schema.Schema{
		Description: "Clears the alarms that match every argument set, with clearAlarms, when invoked (terraform apply " +
			"-invoke=action.chargepoint_clear_alarms.<name>, or action_trigger in a resource's lifecycle). At least one " +
			"argument other than clear_reason is required. Cleared alarms no longer appear in chargepoint_alarms.",
		Attributes: map[string]schema.Attribute{
			"org_id":            str("OrgID"),
			"organization_name": str("OrganizationName"),
			"station_id":        str("StationID"),
			"station_name":      str("StationName"),
			"sg_id":             schema.Int64Attribute{Optional: true, Description: desc("SgID")},
			"sg_name":           str("SgName"),
			"start_time":        str("StartTime", rfc3339Timestamp{}),
			"end_time":          str("EndTime", rfc3339Timestamp{}),
			"port_number":       str("PortNumber"),
			"alarm_type":        str("AlarmType"),
			"clear_reason":      str("ClearReason"),
		},
	}
}

func (a *clearAlarmsAction) ConfigValidators(context.Context) []action.ConfigValidator {
	targets := make([]path.Expression, len(clearAlarmsTargets))
	for i, name := range clearAlarmsTargets {
		targets[i] = path.MatchRoot(name)
	}
	return []action.ConfigValidator{actionvalidator.AtLeastOneOf(targets...)}
}

func (a *clearAlarmsAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func timeArg(v types.String) cpapi.Time {
	if v.IsNull() || v.IsUnknown() {
		return cpapi.Time{}
	}
	t, err := time.Parse(time.RFC3339, v.ValueString())
	if err != nil {
		return cpapi.Time{}
	}
	return cpapi.TimeOf(t)
}

func (a *clearAlarmsAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var args clearAlarmsArgs
	resp.Diagnostics.Append(req.Config.Get(ctx, &args)...)
	if resp.Diagnostics.HasError() || !actionClient(a.client, &resp.Diagnostics) {
		return
	}
	q := cpapi.ClearAlarmsQuery{
		OrgID:            stringArg(args.OrgID),
		OrganizationName: stringArg(args.OrganizationName),
		StationID:        stringArg(args.StationID),
		StationName:      stringArg(args.StationName),
		SgID:             int64Arg(args.SgID),
		SgName:           stringArg(args.SgName),
		StartTime:        timeArg(args.StartTime),
		EndTime:          timeArg(args.EndTime),
		PortNumber:       stringArg(args.PortNumber),
		AlarmType:        stringArg(args.AlarmType),
		ClearReason:      stringArg(args.ClearReason),
	}
	asked := clearAlarmsAsked(args)
	resp.SendProgress(action.InvokeProgressEvent{Message: "clearAlarms " + asked + ": sending"})
	if err := a.client.ClearAlarms(ctx, q); err != nil {
		addActionError(&resp.Diagnostics, "chargepoint_clear_alarms", asked, err)
		return
	}
	resp.SendProgress(action.InvokeProgressEvent{Message: "clearAlarms " + asked + ": done"})
}

// clearAlarmsAsked says which alarms were asked for: `for station_id = "1:81203", alarm_type = "GFCI Trip"`.
func clearAlarmsAsked(a clearAlarmsArgs) string {
	var parts []string
	add := func(name string, v types.String) {
		if !v.IsNull() && !v.IsUnknown() {
			parts = append(parts, fmt.Sprintf("%s = %q", name, v.ValueString()))
		}
	}
	add("org_id", a.OrgID)
	add("organization_name", a.OrganizationName)
	add("station_id", a.StationID)
	add("station_name", a.StationName)
	if !a.SgID.IsNull() && !a.SgID.IsUnknown() {
		parts = append(parts, fmt.Sprintf("sg_id = %d", a.SgID.ValueInt64()))
	}
	add("sg_name", a.SgName)
	add("start_time", a.StartTime)
	add("end_time", a.EndTime)
	add("port_number", a.PortNumber)
	add("alarm_type", a.AlarmType)
	return "for " + strings.Join(parts, ", ")
}

// rfc3339Timestamp is a plan-time check that a timestamp is RFC 3339.
type rfc3339Timestamp struct{}

func (rfc3339Timestamp) Description(context.Context) string { return "an RFC 3339 timestamp" }

func (v rfc3339Timestamp) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (rfc3339Timestamp) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := time.Parse(time.RFC3339, req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid timestamp",
			fmt.Sprintf("%q is not an RFC 3339 timestamp (for example 2026-06-01T00:00:00Z): %v", req.ConfigValue.ValueString(), err))
	}
}
