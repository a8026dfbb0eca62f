package provider

import (
	"context"
	"fmt"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/tfreflect"
)

// singleDataSource is the singular twin of a listDataSource: the query must match exactly one item,
// whose attributes become top-level computed attributes beside the inputs. An input and an output of
// the same name (station_id) are one attribute: the input.
type singleDataSource[Q, T any] struct {
	name        string
	operation   string // the ChargePoint operation, named in warnings: "getStations"
	description string
	noun        string // what is looked up, for the "matched N" error: "station"
	fetch       func(*cpapi.Client, context.Context, Q) ([]T, error)
	// stations, when the item shows which stations came back, names the station IDs asked for that
	// did not (one warning).
	stations *stationRecords[T]
	// configValidators add cross-attribute checks (ExactlyOneOf and friends) at plan time.
	configValidators []datasource.ConfigValidator

	client *cpapi.Client
}

var (
	_ datasource.DataSourceWithConfigure        = (*singleDataSource[struct{}, struct{}])(nil)
	_ datasource.DataSourceWithConfigValidators = (*singleDataSource[struct{}, struct{}])(nil)
)

func (d *singleDataSource[Q, T]) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.name
}

func (d *singleDataSource[Q, T]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := tfreflect.Attributes(reflect.TypeFor[Q](), tfreflect.Input)
	for name, a := range tfreflect.Attributes(reflect.TypeFor[T](), tfreflect.Output) {
		if _, isInput := attrs[name]; !isInput {
			attrs[name] = a
		}
	}
	resp.Schema = schema.Schema{MarkdownDescription: d.stations.describe(d.description), Attributes: attrs}
}

func (d *singleDataSource[Q, T]) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return d.configValidators
}

func (d *singleDataSource[Q, T]) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = clientFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *singleDataSource[Q, T]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if state, ok := d.read(ctx, d.client, req.Config.Raw, &resp.Diagnostics); ok {
		resp.State.Raw = state
	}
}

// read is Read's work, shared with the protocol-level path (fast_read.go): the state is the
// configuration with the one item's attributes filled in.
func (d *singleDataSource[Q, T]) read(ctx context.Context, client *cpapi.Client, configValue tftypes.Value, diags *diag.Diagnostics) (tftypes.Value, bool) {
	items, inputs, ok := fetchQuery(ctx, client, d.name, d.operation, d.fetch, d.stations, configValue, diags)
	if !ok {
		return tftypes.Value{}, false
	}
	if len(items) != 1 {
		diags.AddError(fmt.Sprintf("Expected exactly one %s, found %d", d.noun, len(items)),
			fmt.Sprintf("chargepoint_%s must match exactly one %s; the query %s matched %d. Check the arguments, or use the plural data source to list several.",
				d.name, d.noun, askedFor(inputs), len(items)))
		return tftypes.Value{}, false
	}
	var config, item map[string]tftypes.Value
	if err := configValue.As(&config); err != nil {
		diags.AddError("Unable to build state", err.Error())
		return tftypes.Value{}, false
	}
	itemValue := reflect.ValueOf(items[0])
	if err := tfreflect.Value(itemValue).As(&item); err != nil {
		diags.AddError("Unable to build state", err.Error())
		return tftypes.Value{}, false
	}
	for name, v := range item {
		if config[name].IsNull() { // an input the user set keeps its configured value
			config[name] = v
		}
	}
	warnNonFinite(diags, d.name, d.operation, tfreflect.CountNonFinite(itemValue))
	return tftypes.NewValue(configValue.Type(), config), true
}
