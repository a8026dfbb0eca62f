package provider

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testAccPreCheck must be the first statement of every TestAcc function: without TF_ACC the test
// skips at the top level, so `go test -v` reports SKIP rather than a PASS that checked nothing.
func testAccPreCheck(t *testing.T) {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("acceptance test: set TF_ACC=1 to run it, or run make acc (the terraform or tofu on PATH) or make acc-terraform-min (see README)")
	}
}

// TestEveryAccTestStartsWithPreCheck fails for every TestAcc function in this package whose first
// statement is not testAccPreCheck(t).
func TestEveryAccTestStartsWithPreCheck(t *testing.T) {
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	found := 0
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Recv != nil || !strings.HasPrefix(fn.Name.Name, "TestAcc") {
				continue
			}
			found++
			if !startsWithPreCheck(fn) {
				t.Errorf("%s: %s must start with testAccPreCheck(t), so it skips without TF_ACC",
					fset.Position(fn.Pos()), fn.Name.Name)
			}
		}
	}
	if found == 0 {
		t.Fatal("no TestAcc functions found: is the test running in the package directory?")
	}
}

func startsWithPreCheck(fn *ast.FuncDecl) bool {
	params := fn.Type.Params.List
	if fn.Body == nil || len(fn.Body.List) == 0 || len(params) != 1 || len(params[0].Names) != 1 {
		return false
	}
	stmt, ok := fn.Body.List[0].(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := stmt.X.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	fun, ok := call.Fun.(*ast.Ident)
	arg, argOK := call.Args[0].(*ast.Ident)
	return ok && argOK && fun.Name == "testAccPreCheck" && arg.Name == params[0].Names[0].Name
}

func TestStartsWithPreCheck(t *testing.T) {
	for src, want := range map[string]bool{
		"func TestAccX(t *testing.T) { testAccPreCheck(t); run(t) }":             true,
		"func TestAccX(t *testing.T) { run(t); testAccPreCheck(t) }":             false,
		"func TestAccX(t *testing.T) {}":                                         false,
		"func TestAccX(t *testing.T) { t.Parallel(); testAccPreCheck(t) }":       false,
		"func TestAccX(tt *testing.T) { testAccPreCheck(t) }":                    false,
		"func TestAccX(t *testing.T) { if true { testAccPreCheck(t) } }":         false,
		"func TestAccX(t *testing.T) { other.testAccPreCheck(t); run(t) }":       false,
		"func TestAccX(t *testing.T) { testAccPreCheck(t, 1); run(t) }":          false,
		"func TestAccX(t *testing.T) { x := testAccPreCheck; x(t); run(t) }":     false,
		"func TestAccX(t *testing.T) { defer testAccPreCheck(t); run(t) }":       false,
		"func TestAccX(t *testing.T) { go testAccPreCheck(t); run(t) }":          false,
		"func TestAccX(t *testing.T) { testAccPreCheck(t) /* only */ }":          true,
		"func TestAccX(t *testing.T) { testAccPreCheck(nil); run(t) }":           false,
		"func TestAccX(t *testing.T) { _ = 1; testAccPreCheck(t); run(t) }":      false,
		"func TestAccX(t *testing.T) { testAccPreCheck((t)); run(t) }":           false,
		"func TestAccX(t *testing.T) { testAccPreCheck(t); testAccPreCheck(t) }": true,
	} {
		f, err := parser.ParseFile(token.NewFileSet(), "x_test.go", "package p\n"+src, 0)
		if err != nil {
			t.Fatal(err)
		}
		fn, ok := f.Decls[0].(*ast.FuncDecl)
		if !ok {
			t.Fatalf("%s: not a function", src)
		}
		if got := startsWithPreCheck(fn); got != want {
			t.Errorf("%s: got %v, want %v", src, got, want)
		}
	}
}
