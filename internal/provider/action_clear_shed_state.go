package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/actionvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// chargepoint_clear_shed_state: one clearShedState, for runbooks (the end of a demand response event).

var (
	_ action.ActionWithConfigure        = (*clearShedStateAction)(nil)
	_ action.ActionWithConfigValidators = (*clearShedStateAction)(nil)
)

func NewClearShedStateAction() action.Action { return &clearShedStateAction{} }

type clearShedStateAction struct{ client *cpapi.Client }

type clearShedStateArgs struct {
	SgID      types.Int64  `tfsdk:"sg_id"`
	StationID types.String `tfsdk:"station_id"`
}

func clearShedStateDesc(field string) string {
	return tagDescOf[cpapi.ClearShedStateRequest](field)
}

func (a *clearShedStateAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_clear_shed_state"
}

func (a *clearShedStateAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Clears the shed state of one station group (sg_id) or one whole station (station_id) with clearShedState, " +
			"when invoked (terraform apply -invoke=action.chargepoint_clear_shed_state.<name>, or action_trigger in a " +
			"resource's lifecycle). Clearing a group or station that is not shed succeeds and changes nothing.",
		Attributes: map[string]schema.Attribute{
			"sg_id":      schema.Int64Attribute{Optional: true, Description: clearShedStateDesc("SgID")},
			"station_id": schema.StringAttribute{Optional: true, Description: clearShedStateDesc("StationID")},
		},
	}
}

func (a *clearShedStateAction) ConfigValidators(context.Context) []action.ConfigValidator {
	return []action.ConfigValidator{actionvalidator.ExactlyOneOf(path.MatchRoot("sg_id"), path.MatchRoot("station_id"))}
}

func (a *clearShedStateAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (a *clearShedStateAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var args clearShedStateArgs
	resp.Diagnostics.Append(req.Config.Get(ctx, &args)...)
	if resp.Diagnostics.HasError() || !actionClient(a.client, &resp.Diagnostics) {
		return
	}
	target := shedTarget(args.SgID, args.StationID)
	resp.SendProgress(action.InvokeProgressEvent{Message: "clearShedState " + target + ": sending"})
	q := cpapi.ClearShedStateRequest{SgID: int64Arg(args.SgID), StationID: stringArg(args.StationID)}
	if err := a.client.ClearShedState(ctx, q); err != nil {
		addActionError(&resp.Diagnostics, "chargepoint_clear_shed_state", target, err)
		return
	}
	resp.SendProgress(action.InvokeProgressEvent{Message: "clearShedState " + target + ": done"})
}
