package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// chargepoint_shed_load: one shedLoad, for runbooks. The arguments, the request and the validation are
// the chargepoint_load_shed resource's (load_shed_request.go).

var (
	_ action.ActionWithConfigure        = (*shedLoadAction)(nil)
	_ action.ActionWithConfigValidators = (*shedLoadAction)(nil)
)

func NewShedLoadAction() action.Action { return &shedLoadAction{} }

type shedLoadAction struct{ client *cpapi.Client }

func (a *shedLoadAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_shed_load"
}

func (a *shedLoadAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Sheds the load of one station group (sg_id) or one station (station_id), optionally per port, " +
			"with shedLoad, when invoked (terraform apply -invoke=action.chargepoint_shed_load.<name>, or action_trigger " +
			"in a resource's lifecycle). The shed lasts duration_minutes, or until cleared (chargepoint_clear_shed_state). " +
			"Terraform keeps no state of it: to keep a shed as desired state, use the chargepoint_load_shed resource.",
		Attributes: map[string]schema.Attribute{
			"sg_id":      schema.Int64Attribute{Optional: true, Description: shedLoadDesc("SgID", false)},
			"station_id": schema.StringAttribute{Optional: true, Description: shedLoadDesc("StationID", false)},
			"allowed_load_kw": schema.Float64Attribute{
				Optional:    true,
				Description: shedLoadDesc("AllowedLoad", false),
				Validators:  []validator.Float64{float64validator.AtLeast(0)},
			},
			"percent_shed": schema.Int64Attribute{
				Optional:    true,
				Description: shedLoadDesc("PercentShed", false),
				Validators:  []validator.Int64{int64validator.Between(0, 100)},
			},
			"duration_minutes": schema.Int64Attribute{
				Optional:    true,
				Description: shedLoadDesc("TimeInterval", false),
				Validators:  []validator.Int64{int64validator.AtLeast(0)},
			},
			"ports": schema.ListNestedAttribute{
				Optional:    true,
				Description: shedLoadDesc("Ports", false) + " Port numbers must be unique.",
				Validators:  []validator.List{listvalidator.SizeAtLeast(1)},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"port_number": schema.Int64Attribute{
						Required:    true,
						Description: shedLoadDesc("PortNumber", true),
						Validators:  []validator.Int64{int64validator.AtLeast(1)},
					},
					"allowed_load_kw": schema.Float64Attribute{
						Optional:    true,
						Description: shedLoadDesc("AllowedLoad", true),
						Validators:  []validator.Float64{float64validator.AtLeast(0)},
					},
					"percent_shed": schema.Int64Attribute{
						Optional:    true,
						Description: shedLoadDesc("PercentShed", true),
						Validators:  []validator.Int64{int64validator.Between(0, 100)},
					},
				}},
			},
		},
	}
}

func (a *shedLoadAction) ConfigValidators(context.Context) []action.ConfigValidator {
	return shedLoadActionValidators()
}

func (a *shedLoadAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (a *shedLoadAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var args shedLoadArgs
	resp.Diagnostics.Append(req.Config.Get(ctx, &args)...)
	if resp.Diagnostics.HasError() || !actionClient(a.client, &resp.Diagnostics) {
		return
	}
	target := shedTarget(args.SgID, args.StationID)
	resp.SendProgress(action.InvokeProgressEvent{Message: "shedLoad " + target + ": sending"})
	if _, err := a.client.ShedLoad(ctx, shedRequestFrom(args)); err != nil {
		addActionError(&resp.Diagnostics, "chargepoint_shed_load", target, err)
		return
	}
	resp.SendProgress(action.InvokeProgressEvent{Message: "shedLoad " + target + ": done"})
}
