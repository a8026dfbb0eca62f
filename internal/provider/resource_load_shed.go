package provider

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
)

// chargepoint_load_shed: the desired shed state of one station group or one station. Create and Update
// send shedLoad, Delete clearShedState, Read getLoad (shedState, allowedLoad and percentShed per port).
// The schema is hand-written (RequiresReplace, validators); the descriptions come from cpapi's
// ShedLoadRequest and ShedPort tags, so each is said once.

var (
	_ resource.Resource                     = (*loadShedResource)(nil)
	_ resource.ResourceWithConfigure        = (*loadShedResource)(nil)
	_ resource.ResourceWithImportState      = (*loadShedResource)(nil)
	_ resource.ResourceWithConfigValidators = (*loadShedResource)(nil)
)

func NewLoadShedResource() resource.Resource { return &loadShedResource{} }

type loadShedResource struct{ client *cpapi.Client }

// loadShedModel is the resource's state: shedLoad's arguments (shared with the chargepoint_shed_load
// action, load_shed_request.go) and the id.
type loadShedModel struct {
	ID types.String `tfsdk:"id"`
	shedLoadArgs
}

func (r *loadShedResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_load_shed"
}

func (r *loadShedResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	req := func(f string) string { return shedLoadDesc(f, false) }
	port := func(f string) string { return shedLoadDesc(f, true) }
	resp.Schema = schema.Schema{
		Description: "The shed state of one station group (sg_id) or one station (station_id), optionally per port, " +
			"set with shedLoad and cleared with clearShedState when the resource is destroyed. It is read back with getLoad: " +
			"a shed cleared outside Terraform, or expired (duration_minutes), is removed from the state and planned again, " +
			"and limits changed outside Terraform show as drift. duration_minutes cannot be read back.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:      true,
				Description:   "group/<sg_id> or station/<station_id>.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"sg_id": schema.Int64Attribute{
				Optional:      true,
				Description:   req("SgID") + " Changing it replaces the resource.",
				PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"station_id": schema.StringAttribute{
				Optional:      true,
				Description:   req("StationID") + " Changing it replaces the resource.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"allowed_load_kw": schema.Float64Attribute{
				Optional:    true,
				Description: req("AllowedLoad"),
				Validators:  []validator.Float64{float64validator.AtLeast(0)},
			},
			"percent_shed": schema.Int64Attribute{
				Optional:    true,
				Description: req("PercentShed"),
				Validators:  []validator.Int64{int64validator.Between(0, 100)},
			},
			"duration_minutes": schema.Int64Attribute{
				Optional:    true,
				Description: req("TimeInterval") + " ChargePoint does not report it back.",
				Validators:  []validator.Int64{int64validator.AtLeast(0)},
			},
			"ports": schema.ListNestedAttribute{
				Optional:    true,
				Description: req("Ports") + " Port numbers must be unique.",
				Validators:  []validator.List{listvalidator.SizeAtLeast(1)},
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"port_number": schema.Int64Attribute{
						Required:    true,
						Description: port("PortNumber"),
						Validators:  []validator.Int64{int64validator.AtLeast(1)},
					},
					"allowed_load_kw": schema.Float64Attribute{
						Optional:    true,
						Description: port("AllowedLoad"),
						Validators:  []validator.Float64{float64validator.AtLeast(0)},
					},
					"percent_shed": schema.Int64Attribute{
						Optional:    true,
						Description: port("PercentShed"),
						Validators:  []validator.Int64{int64validator.Between(0, 100)},
					},
				}},
			},
		},
	}
}

// ConfigValidators are the chargepoint_shed_load action's (load_shed_request.go): exactly one target,
// at most one limit at each level and one where needed, ports only with station_id, unique ports.
func (r *loadShedResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return shedLoadResourceValidators()
}

func (r *loadShedResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (m *loadShedModel) setID() {
	if !m.SgID.IsNull() {
		m.ID = types.StringValue("group/" + strconv.FormatInt(m.SgID.ValueInt64(), 10))
	} else {
		m.ID = types.StringValue("station/" + m.StationID.ValueString())
	}
}

func (m *loadShedModel) target() string { return shedTarget(m.SgID, m.StationID) }

// addWriteError turns a write's error into a diagnostic naming the operation, the responseCode, its
// text and the hint (what to change).
func addWriteError(diags *diag.Diagnostics, resourceType, what, asked string, err error) {
	var (
		code *cpapi.ResponseError
		amb  *soap.AmbiguousWriteError
	)
	switch {
	case errors.As(err, &code):
		detail := fmt.Sprintf("%s: %s returned responseCode %s", resourceType, code.Operation, code.Code)
		if text := strings.TrimRight(strings.TrimSpace(code.Text), "."); text != "" {
			detail += " (" + text + ")"
		}
		detail += " " + asked + "."
		if code.Hint != "" {
			detail += "\n\nTo fix it: " + code.Hint + "."
		}
		diags.AddError(fmt.Sprintf("ChargePoint %s failed with responseCode %s", code.Operation, code.Code), detail)
	case errors.As(err, &amb):
		diags.AddError(fmt.Sprintf("ChargePoint %s may or may not have been applied", amb.Operation), fmt.Sprintf("%s %s: %v", resourceType, asked, err))
	default:
		var auth *soap.AuthError
		if errors.As(err, &auth) {
			diags.AddError("ChargePoint authentication failed", err.Error())
			return
		}
		diags.AddError("Unable to "+what, fmt.Sprintf("%s %s: %v", resourceType, asked, err))
	}
}

func (r *loadShedResource) notConfigured(diags *diag.Diagnostics) bool {
	if r.client == nil {
		addNotConfigured(diags)
		return true
	}
	return false
}

func (r *loadShedResource) shed(ctx context.Context, plan *loadShedModel, diags *diag.Diagnostics) bool {
	if r.notConfigured(diags) {
		return false
	}
	if _, err := r.client.ShedLoad(ctx, shedRequestFrom(plan.shedLoadArgs)); err != nil {
		addWriteError(diags, "chargepoint_load_shed", "shed load", plan.target(), err)
		return false
	}
	plan.setID()
	return true
}

func (r *loadShedResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan loadShedModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !r.shed(ctx, &plan, &resp.Diagnostics) {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *loadShedResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan loadShedModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !r.shed(ctx, &plan, &resp.Diagnostics) {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

func (r *loadShedResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state loadShedModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || r.notConfigured(&resp.Diagnostics) {
		return
	}
	q := cpapi.ClearShedStateRequest{SgID: int64Arg(state.SgID)}
	if !state.StationID.IsNull() {
		q.StationID = cpapi.StringOf(state.StationID.ValueString())
	}
	if err := r.client.ClearShedState(ctx, q); err != nil {
		addWriteError(&resp.Diagnostics, "chargepoint_load_shed", "clear the shed state", state.target(), err)
	}
}

func (r *loadShedResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	kind, id, ok := strings.Cut(req.ID, "/")
	switch {
	case ok && kind == "group":
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil {
			break
		}
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("sg_id"), n)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
		return
	case ok && kind == "station" && id != "":
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("station_id"), id)...)
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
		return
	}
	resp.Diagnostics.AddError("Invalid import ID",
		fmt.Sprintf("Expected group/<sg_id> (for example group/20002) or station/<station_id> (for example station/1:81203), got %q.", req.ID))
}

// shedPort is one port's shed state as getLoad shows it.
type shedPort struct {
	number  int64
	kW      float64
	percent int64
}

// limit sets kW or percent from p, keeping the kind the state had unless getLoad shows the other one
// (getLoad reports the limit the last shedLoad used and 0 for the other).
func (p shedPort) limit(kW *types.Float64, percent *types.Int64) {
	byPercent := !percent.IsNull()
	switch {
	case byPercent && p.percent == 0 && p.kW > 0:
		byPercent = false
	case !byPercent && p.kW == 0 && p.percent > 0:
		byPercent = true
	}
	if byPercent {
		*kW, *percent = types.Float64Null(), types.Int64Value(p.percent)
	} else {
		*kW, *percent = types.Float64Value(p.kW), types.Int64Null()
	}
}

func (p shedPort) matches(kW types.Float64, percent types.Int64) bool {
	k, c := kW, percent
	p.limit(&k, &c)
	return k.Equal(kW) && c.Equal(percent)
}

func (r *loadShedResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state loadShedModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || r.notConfigured(&resp.Diagnostics) {
		return
	}
	q := cpapi.LoadQuery{SgID: int64Arg(state.SgID)}
	if !state.StationID.IsNull() {
		q.StationID = cpapi.StringOf(state.StationID.ValueString())
	}
	load, err := r.client.GetLoad(ctx, q)
	var code *cpapi.ResponseError
	if errors.As(err, &code) && code.Code == "160" {
		// No such station or group any more: nothing is shed. The next plan creates it, and shedLoad
		// then says what is wrong.
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, "chargepoint_load_shed", state.target(), err)
		return
	}
	var shed []shedPort
	for _, st := range load.Stations {
		for _, p := range st.Ports {
			if !p.ShedState.Value {
				continue
			}
			n, _ := strconv.ParseInt(p.PortNumber.Value, 10, 64)
			shed = append(shed, shedPort{number: n, kW: p.AllowedLoad.Value, percent: p.PercentShed.Value})
		}
	}
	if len(shed) == 0 {
		// Cleared outside Terraform, or expired: gone, and planned again.
		resp.State.RemoveResource(ctx)
		return
	}
	state.refresh(shed)
	state.setID()
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// refresh sets the limits in m to what getLoad shows in shed (the shed ports): a listed port that is
// no longer shed is dropped from ports (so the plan adds it back), and a limit that differs is taken
// from the first port that shows it.
func (m *loadShedModel) refresh(shed []shedPort) {
	listed := map[int64]bool{}
	if m.Ports != nil {
		byNumber := map[int64]shedPort{}
		for _, p := range shed {
			byNumber[p.number] = p
		}
		ports := []shedPortArgs{}
		for _, p := range m.Ports {
			n := p.PortNumber.ValueInt64()
			listed[n] = true
			got, ok := byNumber[n]
			if !ok {
				continue
			}
			if !p.AllowedLoadKW.IsNull() || !p.PercentShed.IsNull() {
				got.limit(&p.AllowedLoadKW, &p.PercentShed)
			}
			ports = append(ports, p)
		}
		m.Ports = ports
	}
	hasTop := !m.AllowedLoadKW.IsNull() || !m.PercentShed.IsNull()
	if m.Ports != nil && !hasTop {
		return
	}
	var first *shedPort
	for i, p := range shed {
		if listed[p.number] {
			continue
		}
		if first == nil {
			first = &shed[i]
		}
		if hasTop && !p.matches(m.AllowedLoadKW, m.PercentShed) {
			first = &shed[i]
			break
		}
	}
	if first != nil {
		first.limit(&m.AllowedLoadKW, &m.PercentShed)
	}
}
