package provider

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/tfreflect"
)

// modelTypes is implemented by the generic data sources: the cpapi query and result types their schema
// and state are derived from.
type modelTypes interface {
	modelTypes() (query, result reflect.Type)
}

func (d *listDataSource[Q, T]) modelTypes() (query, result reflect.Type) {
	return reflect.TypeFor[Q](), reflect.TypeFor[T]()
}

func (d *singleDataSource[Q, T]) modelTypes() (query, result reflect.Type) {
	return reflect.TypeFor[Q](), reflect.TypeFor[T]()
}

// A misspelled tag (tf:",requried", validat:), a field type tfreflect cannot represent or a struct
// without attributes would otherwise change a schema silently; tfreflect.Check names the struct and
// the field.
func TestDataSourceTypesPassTfreflectCheck(t *testing.T) {
	ctx := context.Background()
	for _, newDS := range New("test")().DataSources(ctx) {
		ds := newDS()
		var meta datasource.MetadataResponse
		ds.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "chargepoint"}, &meta)
		t.Run(meta.TypeName, func(t *testing.T) {
			m, ok := ds.(modelTypes)
			if !ok {
				t.Fatalf("%T does not expose its cpapi types", ds)
			}
			query, result := m.modelTypes()
			if err := tfreflect.Check(query, tfreflect.Input); err != nil {
				t.Errorf("query type %s:\n%v", query, err)
			}
			if err := tfreflect.Check(result, tfreflect.Output); err != nil {
				t.Errorf("result type %s:\n%v", result, err)
			}
		})
	}
}
