package provider

import (
	"context"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/tfreflect"
)

// listDataSource is a data source whose inputs are the fields of a cpapi query type Q and whose one
// output is a list of cpapi result items T. Both the schema and the state are derived from the cpapi
// types (see package tfreflect), so a new operation is declared once, not four times.
type listDataSource[Q, T any] struct {
	name        string // type name without the provider prefix
	operation   string // the ChargePoint operation, named in warnings: "getStations"
	description string
	output      string // name of the list attribute
	outputDesc  string
	fetch       func(*cpapi.Client, context.Context, Q) ([]T, error) // a cpapi.Client method expression
	sort        func([]T)                                            // stable order so plans never churn
	// stations, when the items show which stations came back, names the station IDs asked for that
	// did not (one warning).
	stations *stationRecords[T]
	// configValidators add cross-attribute checks (ExactlyOneOf and friends) at plan time.
	configValidators []datasource.ConfigValidator

	client *cpapi.Client
}

var (
	_ datasource.DataSourceWithConfigure        = (*listDataSource[struct{}, struct{}])(nil)
	_ datasource.DataSourceWithConfigValidators = (*listDataSource[struct{}, struct{}])(nil)
)

func (d *listDataSource[Q, T]) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.name
}

func (d *listDataSource[Q, T]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := tfreflect.Attributes(reflect.TypeFor[Q](), tfreflect.Input)
	attrs[d.output] = schema.ListNestedAttribute{
		MarkdownDescription: d.outputDesc,
		Computed:            true,
		NestedObject:        schema.NestedAttributeObject{Attributes: tfreflect.Attributes(reflect.TypeFor[T](), tfreflect.Output)},
	}
	resp.Schema = schema.Schema{MarkdownDescription: d.stations.describe(d.description), Attributes: attrs}
}

func (d *listDataSource[Q, T]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return d.configValidators
}

func (d *listDataSource[Q, T]) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *listDataSource[Q, T]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	items, ok := fetchFromConfig(ctx, d.client, d.name, d.operation, d.fetch, d.stations, req.Config.Raw, &resp.Diagnostics)
	if !ok {
		return
	}
	if d.sort != nil {
		d.sort(items)
	}
	value := reflect.ValueOf(items)
	resp.Diagnostics.Append(setOutput(ctx, req.Config.Raw, &resp.State.Raw, d.output, tfreflect.Value(value))...)
	warnNonFinite(&resp.Diagnostics, d.name, d.operation, tfreflect.CountNonFinite(value, d.output))
}

// setOutput writes the state: the configuration as given, with the computed output attribute filled.
func setOutput(_ context.Context, config tftypes.Value, state *tftypes.Value, name string, value tftypes.Value) (diags diag.Diagnostics) {
	var attrs map[string]tftypes.Value
	if err := config.As(&attrs); err != nil {
		diags.AddError("Unable to build state", err.Error())
		return diags
	}
	attrs[name] = value
	*state = tftypes.NewValue(config.Type(), attrs)
	return diags
}

// fetchFromConfig is the first half of every Read: decode the configuration into the query, call the
// API and turn its error into one diagnostic naming the query; then warn about the station IDs asked for
// that did not come back (stations, may be nil) and the values a derived attribute could not hold. ok
// is false when an error was added. The framework's Read and the protocol-level read both come here,
// so their diagnostics are the same.
func fetchFromConfig[Q, T any](ctx context.Context, client *cpapi.Client, name, operation string,
	fetch func(*cpapi.Client, context.Context, Q) ([]T, error), stations *stationRecords[T], config tftypes.Value, diags *diag.Diagnostics,
) (items []T, ok bool) {
	items, _, ok = fetchQuery(ctx, client, name, operation, fetch, stations, config, diags)
	return items, ok
}

// fetchQuery is fetchFromConfig that also returns the arguments the query set.
func fetchQuery[Q, T any](ctx context.Context, client *cpapi.Client, name, operation string,
	fetch func(*cpapi.Client, context.Context, Q) ([]T, error), stations *stationRecords[T], config tftypes.Value, diags *diag.Diagnostics,
) (items []T, inputs []tfreflect.SetInput, ok bool) {
	if client == nil {
		diags.AddError("ChargePoint provider not configured", "The provider block was not configured; see the provider's errors above.")
		return nil, nil, false
	}
	var query Q
	if err := tfreflect.Decode(config, &query); err != nil {
		diags.AddError("Invalid chargepoint_"+name+" arguments", err.Error())
		return nil, nil, false
	}
	inputs = tfreflect.SetInputs(reflect.ValueOf(query))
	items, err := fetch(client, ctx, query)
	if err != nil {
		addAPIError(diags, "chargepoint_"+name, askedFor(inputs), err)
		return nil, inputs, false
	}
	stations.warnMissing(diags, name, operation, inputs, items)
	warnUnparsed(diags, name, operation, items)
	return items, inputs, true
}
