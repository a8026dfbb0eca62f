package provider

import (
	"context"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

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
}

var _ datasource.DataSourceWithConfigValidators = (*singleDataSource[struct{}, struct{}])(nil)

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

// Read is the framework's read, which runs only while the provider has no client: the server reads a
// configured provider's data sources itself (readState, read.go).
func (d *singleDataSource[Q, T]) Read(_ context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	addNotConfigured(&resp.Diagnostics)
}
