package provider

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestServerForwardsOptionalInterfaces derives the optional server interfaces from terraform-plugin-go
// itself, the version this module builds with: every interface of tfprotov6 named ProviderServerWith…,
// and every tfprotov6 interface that tf6server looks for on the provider's server by type assertion.
// Each one the framework's server implements, the wrapper must implement too (server_optional.go), with
// the same method signatures, or Terraform would find list resources, actions or state stores missing
// after an upgrade; each one the framework's server does not implement, the wrapper must not claim.
func TestServerForwardsOptionalInterfaces(t *testing.T) {
	dir := terraformPluginGoDir(t)
	ifaces := tfprotov6Interfaces(t, filepath.Join(dir, "tfprotov6"))
	optional := map[string]bool{}
	for name := range ifaces {
		if strings.HasPrefix(name, "ProviderServerWith") {
			optional[name] = true
		}
	}
	for _, name := range typeAssertedInterfaces(t, filepath.Join(dir, "tfprotov6", "tf6server")) {
		optional[name] = true
	}
	if !optional["ProviderServerWithActions"] {
		t.Fatalf("found %v in terraform-plugin-go at %s: the parsing no longer finds what it should", optional, dir)
	}

	s, err := NewServer("test")()
	if err != nil {
		t.Fatal(err)
	}
	wrapper := reflect.TypeOf(s)
	framework := reflect.TypeOf(s.(*server).ProviderServer)
	base := map[string]bool{} // the methods the wrapper has from the ProviderServer it embeds
	for _, m := range ifaces.methods(t, "ProviderServer") {
		base[m] = true
	}
	forwarded := 0
	for _, name := range sortedKeys(optional) {
		methods := ifaces.methods(t, name)
		if missing := missingMethods(framework, methods); len(missing) > 0 {
			var own []string // methods the wrapper forwards to a server that lacks them
			for _, m := range methods {
				if _, ok := wrapper.MethodByName(m); ok && !base[m] {
					own = append(own, m)
				}
			}
			if len(own) > 0 {
				t.Errorf("the framework's server no longer implements tfprotov6.%s (no %s): drop %s from server_optional.go",
					name, strings.Join(missing, ", "), strings.Join(own, ", "))
			}
			continue
		}
		forwarded++
		if missing := missingMethods(wrapper, methods); len(missing) > 0 {
			t.Errorf("the framework's server implements tfprotov6.%s, the wrapper does not: forward %s in server_optional.go",
				name, strings.Join(missing, ", "))
		}
		for _, m := range methods {
			if _, ok := wrapper.MethodByName(m); !ok {
				continue // reported above
			}
			if got, want := methodSignature(wrapper, m), methodSignature(framework, m); got != want {
				t.Errorf("%s: the wrapper's %s is %s, the framework's %s", name, m, got, want)
			}
		}
	}
	if forwarded == 0 {
		t.Fatalf("the framework's server implements none of %v: the test proves nothing", sortedKeys(optional))
	}
}

// terraformPluginGoDir returns the directory of the terraform-plugin-go module this module builds with.
func terraformPluginGoDir(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/hashicorp/terraform-plugin-go").Output()
	if err != nil {
		t.Fatalf("go list -m github.com/hashicorp/terraform-plugin-go: %v", err)
	}
	dir := strings.TrimSpace(string(out))
	if dir == "" {
		t.Fatal("go list -m github.com/hashicorp/terraform-plugin-go: no directory (module not downloaded?)")
	}
	return dir
}

// interfaceTypes are the interface types declared in a package, by name.
type interfaceTypes map[string]*ast.InterfaceType

func tfprotov6Interfaces(t *testing.T, dir string) interfaceTypes {
	t.Helper()
	out := interfaceTypes{}
	for _, file := range parseDir(t, dir) {
		ast.Inspect(file, func(n ast.Node) bool {
			if spec, ok := n.(*ast.TypeSpec); ok {
				if it, ok := spec.Type.(*ast.InterfaceType); ok && spec.Name.IsExported() {
					out[spec.Name.Name] = it
				}
			}
			return true
		})
	}
	return out
}

// methods returns the method names of interface name, embedded interfaces of the package included.
func (ifaces interfaceTypes) methods(t *testing.T, name string) []string {
	t.Helper()
	it, ok := ifaces[name]
	if !ok {
		t.Fatalf("tfprotov6.%s is not an interface of tfprotov6", name)
	}
	var out []string
	for _, field := range it.Methods.List {
		if len(field.Names) > 0 {
			for _, n := range field.Names {
				out = append(out, n.Name)
			}
			continue
		}
		embedded, ok := field.Type.(*ast.Ident)
		if !ok {
			t.Fatalf("tfprotov6.%s embeds %T, which this test cannot resolve: extend it", name, field.Type)
		}
		out = append(out, ifaces.methods(t, embedded.Name)...)
	}
	return out
}

// typeAssertedInterfaces returns the tfprotov6 types that the files of dir assert a value to: x.(tfprotov6.Name).
func typeAssertedInterfaces(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for _, file := range parseDir(t, dir) {
		ast.Inspect(file, func(n ast.Node) bool {
			if ta, ok := n.(*ast.TypeAssertExpr); ok {
				if sel, ok := ta.Type.(*ast.SelectorExpr); ok {
					if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "tfprotov6" {
						out = append(out, sel.Sel.Name)
					}
				}
			}
			return true
		})
	}
	return out
}

func parseDir(t *testing.T, dir string) []*ast.File {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	var files []*ast.File
	fset := token.NewFileSet()
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return files
}

func missingMethods(typ reflect.Type, methods []string) []string {
	var missing []string
	for _, m := range methods {
		if _, ok := typ.MethodByName(m); !ok {
			missing = append(missing, m)
		}
	}
	return missing
}

// methodSignature is a method's type without its receiver.
func methodSignature(typ reflect.Type, name string) string {
	m, _ := typ.MethodByName(name)
	var in, out []string
	for i := 1; i < m.Type.NumIn(); i++ {
		in = append(in, m.Type.In(i).String())
	}
	for i := 0; i < m.Type.NumOut(); i++ {
		out = append(out, m.Type.Out(i).String())
	}
	return "func(" + strings.Join(in, ", ") + ") (" + strings.Join(out, ", ") + ")"
}
