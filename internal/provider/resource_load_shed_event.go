package provider

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/float64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// chargepoint_load_shed_event: a scheduled load shed event (createLoadShedEvent /
// removeLoadShedEvent). The API cannot read events back, so Read keeps the state as applied and every
// argument replaces the event. There is no import: nothing of an existing event can be read, so an
// imported one would have no arguments and the next plan would replace it.

var (
	_ resource.Resource                     = (*loadShedEventResource)(nil)
	_ resource.ResourceWithConfigure        = (*loadShedEventResource)(nil)
	_ resource.ResourceWithConfigValidators = (*loadShedEventResource)(nil)
)

func NewLoadShedEventResource() resource.Resource { return &loadShedEventResource{} }

type loadShedEventResource struct{ client *cpapi.Client }

type loadShedEventModel struct {
	ID                    types.String  `tfsdk:"id"`
	StationID             types.String  `tfsdk:"station_id"`
	SgID                  types.Int64   `tfsdk:"sg_id"`
	StartTime             types.String  `tfsdk:"start_time"`
	DurationMinutes       types.Int64   `tfsdk:"duration_minutes"`
	AllowOptOut           types.Bool    `tfsdk:"allow_opt_out"`
	AllowedLoadPerPort    types.Float64 `tfsdk:"allowed_load_per_port"`
	PercentShedPerStation types.Float64 `tfsdk:"percent_shed_per_station"`
}

func (r *loadShedEventResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_load_shed_event"
}

// rfc3339Validator checks start_time at plan time.
type rfc3339Validator struct{}

func (rfc3339Validator) Description(context.Context) string               { return "an RFC 3339 date and time" }
func (v rfc3339Validator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }
func (rfc3339Validator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := time.Parse(time.RFC3339, req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid start time",
			fmt.Sprintf("Expected an RFC 3339 date and time such as 2026-07-15T16:00:00-07:00: %v", err))
	}
}

func (r *loadShedEventResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	desc := func(f string) string { return tagDescOf[cpapi.LoadShedEvent](f) + " Changing it replaces the event." }
	replaceStr := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	replaceInt := []planmodifier.Int64{int64planmodifier.RequiresReplace()}
	replaceFloat := []planmodifier.Float64{float64planmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		Description: "A scheduled load shed event (createLoadShedEvent), removed with removeLoadShedEvent when the resource is destroyed. " +
			"ChargePoint's API has no operation that reads events back: the state is kept as applied, every argument replaces the event, " +
			"and changes made outside Terraform (an event removed or changed in the ChargePoint portal) cannot be seen. " +
			"An event whose create failed ambiguously (a timeout or a reset after the request was sent) is never sent again and is not saved in the state: " +
			"check the portal before applying again. There is no import, since nothing of an existing event could be read.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:      true,
				Description:   "The event ID ChargePoint assigned (eventId).",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"station_id":    schema.StringAttribute{Optional: true, Description: desc("StationID"), PlanModifiers: replaceStr},
			"sg_id":         schema.Int64Attribute{Optional: true, Description: desc("SgID"), PlanModifiers: replaceInt},
			"start_time":    schema.StringAttribute{Required: true, Description: desc("EventStartTime"), PlanModifiers: replaceStr, Validators: []validator.String{rfc3339Validator{}}},
			"allow_opt_out": schema.BoolAttribute{Optional: true, Description: desc("AllowOptOut"), PlanModifiers: []planmodifier.Bool{boolplanmodifier.RequiresReplace()}},
			"duration_minutes": schema.Int64Attribute{
				Required: true, Description: desc("EventDuration"), PlanModifiers: replaceInt,
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"allowed_load_per_port": schema.Float64Attribute{
				Optional: true, Description: desc("AllowedLoad"), PlanModifiers: replaceFloat,
				Validators: []validator.Float64{float64validator.AtLeast(0)},
			},
			"percent_shed_per_station": schema.Float64Attribute{
				Optional: true, Description: desc("PercentShed"), PlanModifiers: replaceFloat,
				Validators: []validator.Float64{float64validator.Between(0, 100)},
			},
		},
	}
}

func (r *loadShedEventResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.ExactlyOneOf(path.MatchRoot("station_id"), path.MatchRoot("sg_id")),
		resourcevalidator.ExactlyOneOf(path.MatchRoot("allowed_load_per_port"), path.MatchRoot("percent_shed_per_station")),
	}
}

func (r *loadShedEventResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (m *loadShedEventModel) target() string {
	if !m.SgID.IsNull() {
		return fmt.Sprintf("for sg_id = %d", m.SgID.ValueInt64())
	}
	return fmt.Sprintf("for station_id = %q", m.StationID.ValueString())
}

func (m *loadShedEventModel) event(diags *diag.Diagnostics) cpapi.LoadShedEvent {
	start, err := time.Parse(time.RFC3339, m.StartTime.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("start_time"), "Invalid start time", err.Error())
	}
	e := cpapi.LoadShedEvent{
		StationID:      stringArg(m.StationID),
		EventStartTime: cpapi.TimeOf(start.UTC()),
		EventDuration:  int64Arg(m.DurationMinutes),
		AllowedLoad:    float64Arg(m.AllowedLoadPerPort),
		PercentShed:    float64Arg(m.PercentShedPerStation),
	}
	if !m.SgID.IsNull() {
		e.SgID = cpapi.StringOf(strconv.FormatInt(m.SgID.ValueInt64(), 10))
	}
	if !m.AllowOptOut.IsNull() {
		e.AllowOptOut = cpapi.BoolOf(m.AllowOptOut.ValueBool())
	}
	return e
}

func (r *loadShedEventResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan loadShedEventModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if r.client == nil {
		addNotConfigured(&resp.Diagnostics)
		return
	}
	e := plan.event(&resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id, err := r.client.CreateLoadShedEvent(ctx, e)
	var notRepeated *cpapi.EventNotRepeatedError
	switch {
	case errors.As(err, &notRepeated):
		// Nothing is saved: the event may or may not exist, and it cannot be looked up.
		resp.Diagnostics.AddError("ChargePoint createLoadShedEvent may have created the event: not repeated",
			fmt.Sprintf("chargepoint_load_shed_event %s: %v", plan.target(), err))
		return
	case err != nil:
		addWriteError(&resp.Diagnostics, "chargepoint_load_shed_event", "create the load shed event", plan.target(), err)
		return
	}
	plan.ID = types.StringValue(strconv.FormatInt(id.Value, 10))
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Read keeps the state as applied: the API has no operation that reads an event back.
func (r *loadShedEventResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {}

// Update is never called: every argument replaces the event.
func (r *loadShedEventResource) Update(_ context.Context, _ resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.Diagnostics.AddError("chargepoint_load_shed_event cannot be updated", "Every argument replaces the event; please report this issue to the provider developers.")
}

func (r *loadShedEventResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state loadShedEventModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if r.client == nil {
		addNotConfigured(&resp.Diagnostics)
		return
	}
	id, err := strconv.ParseInt(state.ID.ValueString(), 10, 64)
	if err != nil {
		resp.Diagnostics.AddError("Invalid load shed event ID", fmt.Sprintf("id %q is not an event ID: %v", state.ID.ValueString(), err))
		return
	}
	err = r.client.RemoveLoadShedEvent(ctx, id)
	var code *cpapi.ResponseError
	if errors.As(err, &code) && code.Code == "160" {
		// Already removed (in the portal) or unknown: what destroy wants.
		resp.Diagnostics.AddWarning("Load shed event already gone",
			fmt.Sprintf("removeLoadShedEvent answered responseCode 160 (%s) for event %d: it was removed outside Terraform, or is unknown to ChargePoint; it is removed from the state.", code.Text, id))
		return
	}
	if err != nil {
		addWriteError(&resp.Diagnostics, "chargepoint_load_shed_event", "remove the load shed event", fmt.Sprintf("for event %d", id), err)
	}
}
