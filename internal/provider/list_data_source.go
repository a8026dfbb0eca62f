package provider

import (
	"context"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"

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
}

var _ datasource.DataSourceWithConfigValidators = (*listDataSource[struct{}, struct{}])(nil)

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

// Read is the framework's read, which runs only while the provider has no client: the server reads a
// configured provider's data sources itself (readState, read.go).
func (d *listDataSource[Q, T]) Read(_ context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	addNotConfigured(&resp.Diagnostics)
}
