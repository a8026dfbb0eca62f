package provider

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	listschema "github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// The chargepoint_fleet_vehicle list resource (terraform query, Terraform 1.14 and later): the vehicles
// getFleetVehicles finds with the configured filters, each with its identity (the fleet vehicle ID)
// and, when include_resource is set, its state as fleetVehicleState builds it for the resource, so that
// terraform query -generate-config-out writes import blocks and a configuration that plans empty.

var _ interface {
	list.ListResourceWithConfigure
} = (*fleetVehicleListResource)(nil)

var _ resource.ResourceWithIdentity = (*fleetVehicleResource)(nil)

// fleetVehicleIdentity is chargepoint_fleet_vehicle's resource identity: its fleet vehicle ID, the same
// ID an import by ID takes.
type fleetVehicleIdentity struct {
	ID types.String `tfsdk:"id"`
}

func (r *fleetVehicleResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id": identityschema.StringAttribute{RequiredForImport: true,
				Description: "Fleet vehicle ID, as ChargePoint assigned it (`fleetVehicleID`)."},
		},
	}
}

// setFleetVehicleIdentity sets the identity of the vehicle with fleet vehicle ID id, when Terraform
// asked for one (identity is nil for CLIs before Terraform 1.12).
func setFleetVehicleIdentity(ctx context.Context, id types.String, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	if identity == nil || id.IsNull() || id.IsUnknown() {
		return
	}
	diags.Append(identity.Set(ctx, fleetVehicleIdentity{ID: id})...)
}

func newFleetVehicleListResource() list.ListResource { return &fleetVehicleListResource{} }

type fleetVehicleListResource struct{ client *cpapi.Client }

// fleetVehicleListModel is the list block's config: getFleetVehicles' filters that select vehicles of a
// fleet.
type fleetVehicleListModel struct {
	FleetName        types.String `tfsdk:"fleet_name"`
	OrgID            types.String `tfsdk:"org_id"`
	OrganizationName types.String `tfsdk:"organization_name"`
	Make             types.String `tfsdk:"make"`
	Model            types.String `tfsdk:"model"`
	Year             types.Int64  `tfsdk:"year"`
}

func (m fleetVehicleListModel) query() cpapi.FleetVehicleSearchRequest {
	str := func(v types.String) cpapi.String {
		if v.IsNull() || v.IsUnknown() {
			return cpapi.String{}
		}
		return cpapi.StringOf(v.ValueString())
	}
	q := cpapi.FleetVehicleSearchRequest{
		FleetName: str(m.FleetName), OrgID: str(m.OrgID), OrganizationName: str(m.OrganizationName),
		Make: str(m.Make), Model: str(m.Model),
	}
	if !m.Year.IsNull() && !m.Year.IsUnknown() {
		q.Year = cpapi.IntOf(m.Year.ValueInt64())
	}
	return q
}

// asked says which filters were set, for errors: `for fleet_name = "Delivery", make = "Nissan"`.
func (m fleetVehicleListModel) asked() string {
	var parts []string
	for _, f := range []struct {
		name string
		v    types.String
	}{{"fleet_name", m.FleetName}, {"org_id", m.OrgID}, {"organization_name", m.OrganizationName}, {"make", m.Make}, {"model", m.Model}} {
		if !f.v.IsNull() && !f.v.IsUnknown() {
			parts = append(parts, fmt.Sprintf("%s = %q", f.name, f.v.ValueString()))
		}
	}
	if !m.Year.IsNull() && !m.Year.IsUnknown() {
		parts = append(parts, fmt.Sprintf("year = %d", m.Year.ValueInt64()))
	}
	if len(parts) == 0 {
		return "with no filters"
	}
	return "for " + strings.Join(parts, ", ")
}

// searchDesc is the description of a FleetVehicleSearchRequest field (its desc tag).
func searchDesc(field string) string {
	f, ok := reflect.TypeFor[cpapi.FleetVehicleSearchRequest]().FieldByName(field)
	if !ok {
		panic("FleetVehicleSearchRequest has no field " + field)
	}
	return f.Tag.Get("desc")
}

func (r *fleetVehicleListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_fleet_vehicle"
}

func (r *fleetVehicleListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	filter := func(field string) listschema.StringAttribute {
		return listschema.StringAttribute{Optional: true, Description: searchDesc(field),
			Validators: []validator.String{stringvalidator.LengthAtLeast(1)}}
	}
	resp.Schema = listschema.Schema{
		Description: "Fleet vehicles (ChargePoint `getFleetVehicles`, API 5.1), for `terraform query` (Terraform 1.14 and later): " +
			"every vehicle matching the filters (all of them without filters), by fleet vehicle ID. With `include_resource = true` " +
			"each has its `chargepoint_fleet_vehicle` state, and `terraform query -generate-config-out=FILE` writes an import block " +
			"and a configuration for each. `mifare_ids`, `vehicle_port_mac_ids` and `company_code` cannot be read and are left out " +
			"of the generated configuration.",
		Attributes: map[string]listschema.Attribute{
			"fleet_name":        filter("FleetName"),
			"org_id":            filter("OrgID"),
			"organization_name": filter("OrganizationName"),
			"make":              filter("Make"),
			"model":             filter("Model"),
			"year":              listschema.Int64Attribute{Optional: true, Description: searchDesc("Year")},
		},
	}
}

func (r *fleetVehicleListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.client = configuredClient(req.ProviderData, &resp.Diagnostics)
}

func (r *fleetVehicleListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var diags diag.Diagnostics
	if r.client == nil {
		addNotConfigured(&diags)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	var cfg fleetVehicleListModel
	diags.Append(req.Config.Get(ctx, &cfg)...)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	vehicles, err := r.client.GetFleetVehicles(ctx, cfg.query())
	var code *cpapi.ResponseError
	if errors.As(err, &code) && code.Code == "160" { // No data found: no vehicles
		vehicles, err = nil, nil
	}
	if err != nil {
		addAPIError(&diags, "chargepoint_fleet_vehicle list", cfg.asked(), err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		for i, v := range vehicles {
			if req.Limit > 0 && int64(i) >= req.Limit {
				return
			}
			result := req.NewListResult(ctx)
			result.DisplayName = fleetVehicleDisplayName(v)
			result.Diagnostics.Append(result.Identity.Set(ctx, fleetVehicleIdentity{ID: types.StringValue(v.FleetVehicleID.Value)})...)
			if req.IncludeResource {
				result.Diagnostics.Append(result.Resource.Set(ctx, fleetVehicleState(v))...)
			}
			if !push(result) {
				return
			}
		}
	}
}

// fleetVehicleDisplayName: "Nissan Leaf 2023, 7ABC123 (Acme Delivery)".
func fleetVehicleDisplayName(v cpapi.FleetVehicle) string {
	name := strings.TrimSpace(v.Make.Value + " " + v.Model.Value)
	if v.Year.Valid {
		name += fmt.Sprintf(" %d", v.Year.Value)
	}
	if v.License.Value != "" {
		name += ", " + v.License.Value
	}
	if v.FleetName.Value != "" {
		name += " (" + v.FleetName.Value + ")"
	}
	if name == "" {
		return v.FleetVehicleID.Value
	}
	return strings.TrimPrefix(name, ", ")
}
