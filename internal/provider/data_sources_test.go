package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	fwschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
)

// schemaChecker is implemented by the generic data sources: it compares the schema with the value the
// data source writes to state for a fully populated API response.
type schemaChecker interface {
	checkModelAgainstSchema(ctx context.Context, s fwschema.Schema) error
}

// Every data source's model (the cpapi types it decodes into and writes from) must match its schema:
// the state value built from a response with every field set must have exactly the schema's type, and
// every attribute must be documented.
func TestDataSourceModelsMatchSchemas(t *testing.T) {
	ctx := context.Background()
	p := New("test")()
	seen := map[string]bool{}
	for _, newDS := range p.DataSources(ctx) {
		ds := newDS()
		var meta datasource.MetadataResponse
		ds.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "chargepoint"}, &meta)
		t.Run(meta.TypeName, func(t *testing.T) {
			if seen[meta.TypeName] {
				t.Fatalf("duplicate data source %s", meta.TypeName)
			}
			seen[meta.TypeName] = true
			var resp datasource.SchemaResponse
			ds.Schema(ctx, datasource.SchemaRequest{}, &resp)
			if resp.Diagnostics.HasError() {
				t.Fatal(resp.Diagnostics)
			}
			if diags := resp.Schema.ValidateImplementation(ctx); diags.HasError() {
				t.Fatal(diags)
			}
			if resp.Schema.MarkdownDescription == "" {
				t.Error("data source has no description")
			}
			for path, a := range allAttributes(resp.Schema.Attributes, "") {
				if strings.TrimSpace(a.GetMarkdownDescription()) == "" {
					t.Errorf("attribute %s has no description", path)
				}
			}
			checker, ok := ds.(schemaChecker)
			if !ok {
				t.Fatalf("%T does not expose its model for checking", ds)
			}
			if err := checker.checkModelAgainstSchema(ctx, resp.Schema); err != nil {
				t.Error(err)
			}
		})
	}
}

func allAttributes(attrs map[string]fwschema.Attribute, prefix string) map[string]fwschema.Attribute {
	out := map[string]fwschema.Attribute{}
	for name, a := range attrs {
		out[prefix+name] = a
		switch n := a.(type) {
		case fwschema.SingleNestedAttribute:
			for k, v := range allAttributes(n.Attributes, prefix+name+".") {
				out[k] = v
			}
		case fwschema.ListNestedAttribute:
			for k, v := range allAttributes(n.NestedObject.Attributes, prefix+name+"[].") {
				out[k] = v
			}
		}
	}
	return out
}
