package provider

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
)

// chargepoint_fleet_vehicle: addFleetVehicle, updateFleetVehicle and deleteFleetVehicle, read with
// getFleetVehicles by fleetVehicleID.
//
// What getFleetVehicles cannot show is kept from the plan or state as applied: mifare_ids and
// vehicle_port_mac_ids (the response has no field for them) and company_code (the response has the
// organization's orgID, "CPNID:ORGxxxxx", not its company ID; org_id shows it). updateFleetVehicle can
// change every field it accepts, except that an empty vehiclePortMacIDs is not sent (so the MAC IDs
// cannot be cleared in place) and company_code, which moves the vehicle to another organization,
// replaces it by decision (the vehicle's usage history stays with the organization it was charged
// under).

var _ interface {
	resource.ResourceWithConfigure
	resource.ResourceWithImportState
	resource.ResourceWithConfigValidators
} = (*fleetVehicleResource)(nil)

func newFleetVehicleResource() resource.Resource { return &fleetVehicleResource{} }

type fleetVehicleResource struct{ client *cpapi.Client }

// fleetVehicleModel is the resource's state. fleetVehicleState builds it from a getFleetVehicles record.
type fleetVehicleModel struct {
	ID                           types.String `tfsdk:"id"`
	ChargePointCardSerialNumbers types.Set    `tfsdk:"charge_point_card_serial_numbers"`
	MifareIDs                    types.Set    `tfsdk:"mifare_ids"`
	LicensePlate                 types.String `tfsdk:"license_plate"`
	FleetName                    types.String `tfsdk:"fleet_name"`
	VehicleID                    types.String `tfsdk:"vehicle_id"`
	VIN                          types.String `tfsdk:"vin"`
	Color                        types.String `tfsdk:"color"`
	Make                         types.String `tfsdk:"make"`
	Model                        types.String `tfsdk:"model"`
	Year                         types.String `tfsdk:"year"`
	CompanyCode                  types.String `tfsdk:"company_code"`
	DriverID                     types.String `tfsdk:"driver_id"`
	VehiclePortMacIDs            types.Set    `tfsdk:"vehicle_port_mac_ids"`
	OrgID                        types.String `tfsdk:"org_id"`
	OrganizationName             types.String `tfsdk:"organization_name"`
}

// fleetVehicleState is the state of a vehicle as getFleetVehicles shows it. What the response has no
// field for (mifare_ids, vehicle_port_mac_ids, company_code) is null; Read keeps those from the prior
// state. Empty strings and lists are null, as a configuration leaves them out.
func fleetVehicleState(v cpapi.FleetVehicle) fleetVehicleModel {
	year := types.StringNull()
	if v.Year.Valid {
		year = types.StringValue(strconv.FormatInt(v.Year.Value, 10))
	}
	return fleetVehicleModel{
		ID:                           nullIfEmpty(v.FleetVehicleID),
		ChargePointCardSerialNumbers: stringSet(v.CredentialIDs),
		MifareIDs:                    types.SetNull(types.StringType),
		LicensePlate:                 nullIfEmpty(v.License),
		FleetName:                    nullIfEmpty(v.FleetName),
		VehicleID:                    nullIfEmpty(v.VehicleID),
		VIN:                          nullIfEmpty(v.VIN),
		Color:                        nullIfEmpty(v.Color),
		Make:                         nullIfEmpty(v.Make),
		Model:                        nullIfEmpty(v.Model),
		Year:                         year,
		CompanyCode:                  types.StringNull(),
		DriverID:                     nullIfEmpty(v.FleetUserID),
		VehiclePortMacIDs:            types.SetNull(types.StringType),
		OrgID:                        nullIfEmpty(v.OrgID),
		OrganizationName:             nullIfEmpty(v.OrganizationName),
	}
}

func nullIfEmpty(s cpapi.String) types.String {
	if !s.Valid || s.Value == "" {
		return types.StringNull()
	}
	return types.StringValue(s.Value)
}

func stringSet[T any](l []T) types.Set {
	if len(l) == 0 {
		return types.SetNull(types.StringType)
	}
	elems := make([]attr.Value, len(l))
	for i, s := range l {
		elems[i] = types.StringValue(fmt.Sprint(s))
	}
	return types.SetValueMust(types.StringType, elems)
}

// input is what add and update send. For an update (prior non-nil), an optional string removed from
// the configuration is sent empty, which clears it; the card lists are always sent together.
func (m fleetVehicleModel) input(ctx context.Context, prior *fleetVehicleModel, diags *diag.Diagnostics) cpapi.FleetVehicleInput {
	str := func(v types.String, old types.String) cpapi.String {
		switch {
		case !v.IsNull() && !v.IsUnknown():
			return cpapi.StringOf(v.ValueString())
		case prior != nil && !old.IsNull():
			return cpapi.StringOf("")
		}
		return cpapi.String{}
	}
	in := cpapi.FleetVehicleInput{
		LicensePlate: cpapi.StringOf(m.LicensePlate.ValueString()),
		FleetName:    cpapi.StringOf(m.FleetName.ValueString()),
		Make:         cpapi.StringOf(m.Make.ValueString()),
		Model:        cpapi.StringOf(m.Model.ValueString()),
		Year:         cpapi.StringOf(m.Year.ValueString()),
	}
	var p fleetVehicleModel
	if prior != nil {
		p = *prior
	}
	in.VehicleID, in.VIN, in.Color = str(m.VehicleID, p.VehicleID), str(m.VIN, p.VIN), str(m.Color, p.Color)
	in.CompanyCode, in.DriverID = str(m.CompanyCode, types.StringNull()), str(m.DriverID, p.DriverID)
	in.ChargePointCardSNs = setValues[cpapi.ChargePointCardSnItem](ctx, m.ChargePointCardSerialNumbers, diags)
	in.MifareIDs = setValues[cpapi.MifareIDItem](ctx, m.MifareIDs, diags)
	if in.ChargePointCardSNs == nil {
		in.ChargePointCardSNs = cpapi.WrappedList[cpapi.ChargePointCardSnItem]{} // send both card lists, always
	}
	in.VehiclePortMacIDs = setValues[cpapi.VehiclePortMacIDItem](ctx, m.VehiclePortMacIDs, diags)
	return in
}

func setValues[N cpapi.ItemName](ctx context.Context, s types.Set, diags *diag.Diagnostics) cpapi.WrappedList[N] {
	if s.IsNull() || s.IsUnknown() {
		return nil
	}
	var vals []string
	diags.Append(s.ElementsAs(ctx, &vals, false)...)
	out := make(cpapi.WrappedList[N], len(vals))
	for i, v := range vals {
		out[i] = cpapi.StringOf(v)
	}
	return out
}

// inputDesc is the description of a FleetVehicleInput field (its desc tag): each field is described
// once, in cpapi.
func inputDesc(field string) string {
	f, ok := reflect.TypeFor[cpapi.FleetVehicleInput]().FieldByName(field)
	if !ok {
		panic("FleetVehicleInput has no field " + field)
	}
	return f.Tag.Get("desc")
}

func outputDesc(field string) string {
	f, ok := reflect.TypeFor[cpapi.FleetVehicle]().FieldByName(field)
	if !ok {
		panic("FleetVehicle has no field " + field)
	}
	return f.Tag.Get("desc")
}

func (r *fleetVehicleResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_fleet_vehicle"
}

func (r *fleetVehicleResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	nonEmpty := []validator.String{stringvalidator.LengthAtLeast(1)}
	required := func(field string) schema.StringAttribute {
		return schema.StringAttribute{Required: true, Description: inputDesc(field), Validators: nonEmpty}
	}
	optional := func(field string) schema.StringAttribute {
		return schema.StringAttribute{Optional: true, Description: inputDesc(field), Validators: nonEmpty}
	}
	cards := []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))}
	notReadBack := " ChargePoint's getFleetVehicles does not return it: the value is kept as applied, a change made " +
		"outside Terraform is not seen, and an import leaves it unset."
	year := required("Year")
	year.Validators = append(year.Validators, stringvalidator.RegexMatches(regexp.MustCompile(`^[0-9]{4}$`), "must be a four-digit year"))
	companyCode := optional("CompanyCode")
	companyCode.Description += " The company ID of the organization the vehicle belongs to; unset, ChargePoint's default organization " +
		"of your account. Changing it replaces the vehicle." + notReadBack + " `org_id` shows the organization."
	companyCode.PlanModifiers = []planmodifier.String{stringplanmodifier.RequiresReplace()}
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, Description: desc,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	}
	resp.Schema = schema.Schema{
		Description: "A vehicle of one of your organization's fleets (ChargePoint `addFleetVehicle`, `updateFleetVehicle` and " +
			"`deleteFleetVehicle`, read with `getFleetVehicles`, API 5.1). Every change is made in place except `company_code`, and " +
			"clearing `vehicle_port_mac_ids`, which replace the vehicle. A vehicle changed outside Terraform shows in the next plan; " +
			"one deleted outside Terraform is planned for creation. `mifare_ids`, `vehicle_port_mac_ids` and `company_code` cannot be " +
			"read back and are kept as applied. If the answer to an add is lost, the provider looks the vehicle up by fleet name and " +
			"license plate and adopts it rather than adding it twice. Import by fleet vehicle ID.",
		Attributes: map[string]schema.Attribute{
			"id": computed("Fleet vehicle ID, as ChargePoint assigned it (`fleetVehicleID`)."),
			"charge_point_card_serial_numbers": schema.SetAttribute{ElementType: types.StringType, Optional: true,
				Description: inputDesc("ChargePointCardSNs") + " At least one of `charge_point_card_serial_numbers` and `mifare_ids` is required.",
				Validators:  cards},
			"mifare_ids": schema.SetAttribute{ElementType: types.StringType, Optional: true,
				Description: inputDesc("MifareIDs") + notReadBack, Validators: cards},
			"license_plate": required("LicensePlate"),
			"fleet_name":    required("FleetName"),
			"vehicle_id":    optional("VehicleID"),
			"vin":           optional("VIN"),
			"color":         optional("Color"),
			"make":          required("Make"),
			"model":         required("Model"),
			"year":          year,
			"company_code":  companyCode,
			"driver_id":     optional("DriverID"),
			"vehicle_port_mac_ids": schema.SetAttribute{ElementType: types.StringType, Optional: true,
				Description: inputDesc("VehiclePortMacIDs") + " Removing every MAC ID replaces the vehicle (updateFleetVehicle " +
					"cannot clear them)." + notReadBack,
				Validators:    cards,
				PlanModifiers: []planmodifier.Set{setplanmodifier.RequiresReplaceIf(macIDsCleared, "Removing every MAC ID replaces the vehicle.", "Removing every MAC ID replaces the vehicle.")}},
			"org_id":            computed(outputDesc("OrgID")),
			"organization_name": computed(outputDesc("OrganizationName")),
		},
	}
}

// macIDsCleared: updateFleetVehicle keeps the MAC IDs when none are sent, so clearing them replaces.
func macIDsCleared(_ context.Context, req planmodifier.SetRequest, resp *setplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !req.StateValue.IsNull() && len(req.StateValue.Elements()) > 0 &&
		!req.PlanValue.IsUnknown() && (req.PlanValue.IsNull() || len(req.PlanValue.Elements()) == 0)
}

func (r *fleetVehicleResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{atLeastOneCard{}}
}

// atLeastOneCard: addFleetVehicle needs a card, by serial number or MIFARE ID (responseCode 172).
type atLeastOneCard struct{}

func (atLeastOneCard) Description(context.Context) string {
	return "at least one of charge_point_card_serial_numbers and mifare_ids must be set"
}
func (v atLeastOneCard) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }
func (atLeastOneCard) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var sn, mifare types.Set
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("charge_point_card_serial_numbers"), &sn)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("mifare_ids"), &mifare)...)
	if resp.Diagnostics.HasError() || sn.IsUnknown() || mifare.IsUnknown() {
		return
	}
	if sn.IsNull() && mifare.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("charge_point_card_serial_numbers"), "A card is required",
			"A fleet vehicle needs at least one card: set charge_point_card_serial_numbers, mifare_ids, or both.")
	}
}

func (r *fleetVehicleResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

// addFleetVehicleWriteError turns a write error into a diagnostic naming the operation, and for a responseCode the
// code, ChargePoint's text and what to change.
func addFleetVehicleWriteError(diags *diag.Diagnostics, operation, what string, err error) {
	var code *cpapi.ResponseError
	if errors.As(err, &code) {
		detail := fmt.Sprintf("%s %s: ChargePoint answered responseCode %s", code.Operation, what, code.Code)
		if text := strings.TrimSpace(code.Text); text != "" {
			detail += ": " + text
		}
		if code.Hint != "" {
			detail += "\n\n" + code.Hint
		}
		if error(code) != err {
			detail += "\n\n" + err.Error()
		}
		diags.AddError(fmt.Sprintf("ChargePoint %s failed with responseCode %s", code.Operation, code.Code), detail)
		return
	}
	diags.AddError(fmt.Sprintf("ChargePoint %s failed", operation), fmt.Sprintf("%s %s: %s", operation, what, err))
}

func (r *fleetVehicleResource) notConfigured(diags *diag.Diagnostics) bool {
	if r.client == nil {
		addNotConfigured(diags)
		return true
	}
	return false
}

func (r *fleetVehicleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	if r.notConfigured(&resp.Diagnostics) {
		return
	}
	var plan fleetVehicleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	in := plan.input(ctx, nil, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	what := fmt.Sprintf("of license plate %q in fleet %q", in.LicensePlate.Value, in.FleetName.Value)
	id, err := r.client.AddFleetVehicle(ctx, in)
	if err != nil {
		var amb *soap.AmbiguousWriteError
		if !errors.As(err, &amb) {
			addFleetVehicleWriteError(&resp.Diagnostics, "addFleetVehicle", what, err)
			return
		}
		adopted, aerr := r.client.AdoptFleetVehicle(ctx, in, err)
		if aerr != nil {
			addFleetVehicleWriteError(&resp.Diagnostics, "addFleetVehicle", what, aerr)
			return
		}
		id = adopted.FleetVehicleID.Value
		resp.Diagnostics.AddWarning("Fleet vehicle adopted after a lost answer",
			fmt.Sprintf("The answer to addFleetVehicle %s was lost (%s); the vehicle exists as fleet vehicle ID %s and is now managed by Terraform.", what, err, id))
	}
	// From here the vehicle exists: it goes into the state even if reading it back fails.
	plan.ID = types.StringValue(id)
	if !r.readInto(ctx, &plan, &resp.Diagnostics) {
		resp.Diagnostics.AddWarning("Fleet vehicle not listed yet",
			fmt.Sprintf("addFleetVehicle added fleet vehicle ID %s, but getFleetVehicles does not list it yet; the next refresh reads it again.", id))
	}
	if plan.OrgID.IsUnknown() {
		plan.OrgID, plan.OrganizationName = types.StringNull(), types.StringNull()
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	setFleetVehicleIdentity(ctx, plan.ID, resp.Identity, &resp.Diagnostics)
}

// readInto refreshes m from getFleetVehicles, keeping what the API cannot show. It reports false when
// the vehicle no longer exists.
func (r *fleetVehicleResource) readInto(ctx context.Context, m *fleetVehicleModel, diags *diag.Diagnostics) bool {
	found, err := r.client.GetFleetVehicles(ctx, cpapi.FleetVehicleSearchRequest{FleetVehicleID: cpapi.StringOf(m.ID.ValueString())})
	if err != nil {
		var code *cpapi.ResponseError
		if errors.As(err, &code) && code.Code == "160" { // No data found
			return false
		}
		addAPIError(diags, "chargepoint_fleet_vehicle", fmt.Sprintf("for fleet vehicle ID %q", m.ID.ValueString()), err)
		return true
	}
	for _, v := range found {
		if v.FleetVehicleID.Value == m.ID.ValueString() {
			read := fleetVehicleState(v)
			read.MifareIDs, read.VehiclePortMacIDs, read.CompanyCode = m.MifareIDs, m.VehiclePortMacIDs, m.CompanyCode
			*m = read
			return true
		}
	}
	return false
}

func (r *fleetVehicleResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	if r.notConfigured(&resp.Diagnostics) {
		return
	}
	var state fleetVehicleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// The identity is the ID, also when the vehicle is gone: the framework wants one even then (from CLIs
	// that keep no identity in state, such as Terraform before 1.12).
	setFleetVehicleIdentity(ctx, state.ID, resp.Identity, &resp.Diagnostics)
	if !r.readInto(ctx, &state, &resp.Diagnostics) {
		resp.State.RemoveResource(ctx)
		return
	}
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

func (r *fleetVehicleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	if r.notConfigured(&resp.Diagnostics) {
		return
	}
	var plan, state fleetVehicleModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	in := plan.input(ctx, &state, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if err := r.client.UpdateFleetVehicle(ctx, state.ID.ValueString(), in); err != nil {
		addFleetVehicleWriteError(&resp.Diagnostics, "updateFleetVehicle", fmt.Sprintf("of fleet vehicle ID %q", state.ID.ValueString()), err)
		// Not updated (or not known to be): the state stays as it was; the next refresh shows ChargePoint's.
		resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
		return
	}
	plan.ID = state.ID
	if !r.readInto(ctx, &plan, &resp.Diagnostics) {
		resp.Diagnostics.AddError("Fleet vehicle disappeared",
			fmt.Sprintf("Fleet vehicle ID %q was updated but getFleetVehicles no longer lists it; was it deleted outside Terraform?", state.ID.ValueString()))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	setFleetVehicleIdentity(ctx, plan.ID, resp.Identity, &resp.Diagnostics)
}

func (r *fleetVehicleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	if r.notConfigured(&resp.Diagnostics) {
		return
	}
	var state fleetVehicleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	err := r.client.DeleteFleetVehicle(ctx, state.ID.ValueString())
	var code *cpapi.ResponseError
	if errors.As(err, &code) && code.Code == "160" { // already gone: deleted
		return
	}
	if err != nil {
		addFleetVehicleWriteError(&resp.Diagnostics, "deleteFleetVehicle", fmt.Sprintf("of fleet vehicle ID %q", state.ID.ValueString()), err)
	}
}

func (r *fleetVehicleResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughWithIdentity(ctx, path.Root("id"), path.Root("id"), req, resp) // by ID or by identity
}
