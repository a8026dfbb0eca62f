package provider

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/schemas/ from the current schemas")

const goldenDir = "testdata/schemas"

// TestSchemaGolden renders the provider schema, every data source schema and every function signature
// to testdata/schemas/*.txt: attribute paths, types, required/optional/computed, sensitive and validator
// descriptions. A rename or a type change then shows up in review without building Terraform.
// Refresh it with `go test ./internal/provider -run TestSchemaGolden -update`.
func TestSchemaGolden(t *testing.T) {
	ctx := context.Background()
	got := renderSchemas(ctx, t)
	if *updateGolden {
		if err := os.RemoveAll(goldenDir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, text := range got {
			if err := os.WriteFile(filepath.Join(goldenDir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("rewrote %d files in %s", len(got), goldenDir)
		return
	}
	const refresh = "if the change is intended, refresh the snapshot and commit it:\n" +
		"    go test ./internal/provider -run TestSchemaGolden -update"
	entries, err := os.ReadDir(goldenDir)
	if err != nil {
		t.Fatalf("%v\n%s", err, refresh)
	}
	for _, e := range entries {
		if _, ok := got[e.Name()]; !ok {
			t.Errorf("%s/%s describes a schema the provider no longer has; %s", goldenDir, e.Name(), refresh)
		}
	}
	for _, name := range sortedKeys(got) {
		want, err := os.ReadFile(filepath.Join(goldenDir, name))
		if err != nil {
			t.Errorf("%s/%s is missing; %s", goldenDir, name, refresh)
			continue
		}
		if diff := lineDiff(string(want), got[name]); diff != "" {
			t.Errorf("schema %s differs from %s/%s (- snapshot, + now):\n%s\n%s", strings.TrimSuffix(name, ".txt"), goldenDir, name, diff, refresh)
		}
	}
}

// renderSchemas returns file name -> snapshot text.
func renderSchemas(ctx context.Context, t *testing.T) map[string]string {
	p := New("test")()
	out := map[string]string{}

	var ps provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &ps)
	if ps.Diagnostics.HasError() {
		t.Fatal(ps.Diagnostics)
	}
	out["provider.txt"] = renderAttributes(ctx, "provider chargepoint", reflect.ValueOf(ps.Schema.Attributes))

	for _, newDS := range p.DataSources(ctx) {
		ds := newDS()
		var meta datasource.MetadataResponse
		ds.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "chargepoint"}, &meta)
		var resp datasource.SchemaResponse
		ds.Schema(ctx, datasource.SchemaRequest{}, &resp)
		if resp.Diagnostics.HasError() {
			t.Fatalf("%s: %v", meta.TypeName, resp.Diagnostics)
		}
		out["data_source_"+strings.TrimPrefix(meta.TypeName, "chargepoint_")+".txt"] =
			renderAttributes(ctx, "data source "+meta.TypeName, reflect.ValueOf(resp.Schema.Attributes))
	}

	if pf, ok := p.(provider.ProviderWithFunctions); ok {
		for _, newFn := range pf.Functions(ctx) {
			fn := newFn()
			var meta function.MetadataResponse
			fn.Metadata(ctx, function.MetadataRequest{}, &meta)
			var def function.DefinitionResponse
			fn.Definition(ctx, function.DefinitionRequest{}, &def)
			if def.Diagnostics.HasError() {
				t.Fatalf("function %s: %v", meta.Name, def.Diagnostics)
			}
			out["function_"+meta.Name+".txt"] = renderFunction(ctx, meta.Name, def.Definition)
		}
	}
	return out
}

// schemaAttribute is what provider and data source schema attributes have in common.
type schemaAttribute interface {
	GetType() attr.Type
	IsRequired() bool
	IsOptional() bool
	IsComputed() bool
	IsSensitive() bool
}

func renderAttributes(ctx context.Context, title string, attrs reflect.Value) string {
	var b strings.Builder
	b.WriteString(title + "\n\n")
	w := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	writeAttributes(ctx, w, "", attrs)
	_ = w.Flush()
	return trimLines(b.String())
}

// trimLines drops the padding tabwriter leaves after a line's last column.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// writeAttributes writes one line per attribute, sorted by name, each nested attribute right after its
// parent. attrs is a map[string]Attribute of the provider or the datasource schema package.
func writeAttributes(ctx context.Context, w *tabwriter.Writer, prefix string, attrs reflect.Value) {
	names := make([]string, 0, attrs.Len())
	for _, k := range attrs.MapKeys() {
		names = append(names, k.String())
	}
	sort.Strings(names)
	for _, name := range names {
		v := attrs.MapIndex(reflect.ValueOf(name)).Elem()
		a, ok := v.Interface().(schemaAttribute)
		if !ok {
			panic(fmt.Sprintf("%s%s: %T is not a schema attribute", prefix, name, v.Interface()))
		}
		nested := nestedAttributes(v)
		flags := []string{}
		for _, f := range []struct {
			on   bool
			name string
		}{{a.IsRequired(), "required"}, {a.IsOptional(), "optional"}, {a.IsComputed(), "computed"}, {a.IsSensitive(), "sensitive"}} {
			if f.on {
				flags = append(flags, f.name)
			}
		}
		line := fmt.Sprintf("%s%s\t%s\t%s", prefix, name, typeString(a.GetType().TerraformType(ctx), nested.IsValid()), strings.Join(flags, " "))
		if vs := validatorDescriptions(ctx, a); len(vs) > 0 {
			line += "\t" + strings.Join(vs, "; ")
		}
		fmt.Fprintln(w, line)
		if nested.IsValid() {
			child := prefix + name + "."
			if _, isList := a.GetType().TerraformType(ctx).(tftypes.List); isList {
				child = prefix + name + "[]."
			}
			writeAttributes(ctx, w, child, nested)
		}
	}
}

// nestedAttributes returns the Attributes map of a nested attribute (SingleNestedAttribute.Attributes or
// ListNestedAttribute.NestedObject.Attributes, in either schema package), or an invalid Value.
func nestedAttributes(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Struct {
		return reflect.Value{}
	}
	if obj := v.FieldByName("NestedObject"); obj.IsValid() {
		v = obj
	}
	if m := v.FieldByName("Attributes"); m.IsValid() && m.Kind() == reflect.Map {
		return m
	}
	return reflect.Value{}
}

// typeString writes Terraform types as in HCL type constraints; shallow leaves a nested attribute's
// object type to the lines that follow.
func typeString(t tftypes.Type, shallow bool) string {
	switch {
	case t.Is(tftypes.String):
		return "string"
	case t.Is(tftypes.Number):
		return "number"
	case t.Is(tftypes.Bool):
		return "bool"
	case t.Is(tftypes.DynamicPseudoType):
		return "dynamic"
	}
	switch t := t.(type) {
	case tftypes.List:
		return "list(" + typeString(t.ElementType, shallow) + ")"
	case tftypes.Set:
		return "set(" + typeString(t.ElementType, shallow) + ")"
	case tftypes.Map:
		return "map(" + typeString(t.ElementType, shallow) + ")"
	case tftypes.Object:
		if shallow {
			return "object"
		}
		var parts []string
		for _, name := range sortedKeys(t.AttributeTypes) {
			parts = append(parts, name+"="+typeString(t.AttributeTypes[name], false))
		}
		return "object({" + strings.Join(parts, ", ") + "})"
	}
	return t.String()
}

// validatorDescriptions returns the descriptions of an attribute's validators, whatever its type.
func validatorDescriptions(ctx context.Context, a any) []string {
	var ds []validator.Describer
	add := func(n int, at func(int) validator.Describer) {
		for i := 0; i < n; i++ {
			ds = append(ds, at(i))
		}
	}
	switch a := a.(type) {
	case interface{ StringValidators() []validator.String }:
		vs := a.StringValidators()
		add(len(vs), func(i int) validator.Describer { return vs[i] })
	case interface{ Float64Validators() []validator.Float64 }:
		vs := a.Float64Validators()
		add(len(vs), func(i int) validator.Describer { return vs[i] })
	case interface{ Int64Validators() []validator.Int64 }:
		vs := a.Int64Validators()
		add(len(vs), func(i int) validator.Describer { return vs[i] })
	case interface{ BoolValidators() []validator.Bool }:
		vs := a.BoolValidators()
		add(len(vs), func(i int) validator.Describer { return vs[i] })
	case interface{ ListValidators() []validator.List }:
		vs := a.ListValidators()
		add(len(vs), func(i int) validator.Describer { return vs[i] })
	case interface{ ObjectValidators() []validator.Object }:
		vs := a.ObjectValidators()
		add(len(vs), func(i int) validator.Describer { return vs[i] })
	case interface{ NumberValidators() []validator.Number }:
		vs := a.NumberValidators()
		add(len(vs), func(i int) validator.Describer { return vs[i] })
	case interface{ MapValidators() []validator.Map }:
		vs := a.MapValidators()
		add(len(vs), func(i int) validator.Describer { return vs[i] })
	case interface{ SetValidators() []validator.Set }:
		vs := a.SetValidators()
		add(len(vs), func(i int) validator.Describer { return vs[i] })
	}
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = "validator: " + d.Description(ctx)
	}
	return out
}

func renderFunction(ctx context.Context, name string, def function.Definition) string {
	var b strings.Builder
	fmt.Fprintf(&b, "function %s\n\n", name)
	w := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	param := func(kind string, p function.Parameter) {
		flags := []string{}
		if p.GetAllowNullValue() {
			flags = append(flags, "allow_null")
		}
		if p.GetAllowUnknownValues() {
			flags = append(flags, "allow_unknown")
		}
		fmt.Fprintf(w, "%s %s\t%s\t%s\n", kind, p.GetName(), typeString(p.GetType().TerraformType(ctx), false), strings.Join(flags, " "))
	}
	for _, p := range def.Parameters {
		param("parameter", p)
	}
	if def.VariadicParameter != nil {
		param("variadic", def.VariadicParameter)
	}
	if def.Return != nil {
		fmt.Fprintf(w, "returns\t%s\t\n", typeString(def.Return.GetType().TerraformType(ctx), false))
	}
	_ = w.Flush()
	return trimLines(b.String())
}

// lineDiff is a small LCS line diff: "" when equal, otherwise the removed (-) and added (+) lines; each
// line names its attribute path, so no context is needed.
func lineDiff(a, b string) string {
	if a == b {
		return ""
	}
	x, y := strings.Split(a, "\n"), strings.Split(b, "\n")
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			i, j = i+1, j+1
		case i < len(x) && (j == len(y) || lcs[i+1][j] >= lcs[i][j+1]):
			out = append(out, "- "+x[i])
			i++
		default:
			out = append(out, "+ "+y[j])
			j++
		}
	}
	return strings.Join(out, "\n")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func TestLineDiff(t *testing.T) {
	for _, tc := range []struct{ a, b, want string }{
		{"x\ny\n", "x\ny\n", ""},
		{"a\nb\nc", "a\nB\nc", "- b\n+ B"},
		{"a\nc", "a\nb\nc", "+ b"},
		{"a\nb\nc", "a\nc", "- b"},
	} {
		if got := lineDiff(tc.a, tc.b); got != tc.want {
			t.Errorf("lineDiff(%q, %q) = %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
}
