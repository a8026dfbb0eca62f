package xsdtest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that records Fatalf and Skip instead of stopping the goroutine.
type recorder struct {
	testing.TB
	fatal, skip string
}

func (r *recorder) Helper() {}
func (r *recorder) Fatalf(format string, args ...any) {
	if r.fatal == "" && r.skip == "" {
		r.fatal = fmt.Sprintf(format, args...)
	}
}
func (r *recorder) Skip(args ...any) {
	if r.fatal == "" && r.skip == "" {
		r.skip = fmt.Sprint(args...)
	}
}

// inModuleWithoutReference moves the test into a fresh module with no ../shared beside it.
func inModuleWithoutReference(t *testing.T) string {
	root := filepath.Join(t.TempDir(), "checkout")
	if err := os.MkdirAll(filepath.Join(root, "internal", "pkg"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.com/x\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(root, "internal", "pkg"))
	return root
}

func TestMissingReferenceFailsInCI(t *testing.T) {
	root := inModuleWithoutReference(t)
	t.Setenv("CI", "true")
	r := &recorder{TB: t}
	Tools(r)
	if r.fatal == "" {
		t.Fatalf("with CI set and no reference, Tools did not fail (skip: %q)", r.skip)
	}
	// The message names the reference (or xmllint when that is what is missing) and how to get it.
	want := filepath.Join(filepath.Dir(root), "shared", "reference", "cp_api_5.1.xsd")
	if !strings.Contains(r.fatal, want) && !strings.Contains(r.fatal, "apt-get install libxml2-utils") {
		t.Errorf("message does not say what is missing: %s", r.fatal)
	}
}

func TestMissingReferenceSkipsWithoutCI(t *testing.T) {
	inModuleWithoutReference(t)
	t.Setenv("CI", "")
	r := &recorder{TB: t}
	Tools(r)
	if r.fatal != "" || !strings.Contains(r.skip, "XSD validation skipped") {
		t.Errorf("without CI: fatal %q, skip %q; want a skip saying why", r.fatal, r.skip)
	}
}

func TestSchemaFoundBesideModuleRoot(t *testing.T) {
	root := inModuleWithoutReference(t)
	ref := filepath.Join(filepath.Dir(root), "shared", "reference")
	if err := os.MkdirAll(ref, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(ref, "cp_api_5.1.xsd"), []byte("<xs:schema/>"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got, want := SchemaPath(), filepath.Join(ref, "cp_api_5.1.xsd"); got != want {
		t.Errorf("SchemaPath() = %q, want %q", got, want)
	}
}
