// Package xsdtest validates XML fragments against ChargePoint's published 5.1 schema with xmllint.
// The schema lives outside the repository, in ../shared/reference/, and is never copied in.
package xsdtest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// SchemaPath returns the path of cp_api_5.1.xsd relative to the module root, or "" if it is absent.
func SchemaPath() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, "..", "shared", "reference", "cp_api_5.1.xsd")
			if _, err := os.Stat(p); err == nil {
				return p
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Validate checks that element (one operation element such as <ns1:getPublicStationsResponse>, with its
// namespace declared) is valid against the 5.1 XSD. It skips the test, saying why, when xmllint or the
// schema is not available; .ci/run installs libxml2-utils so CI always validates.
func Validate(t testing.TB, element []byte) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint not installed (apt-get install libxml2-utils): schema validation skipped")
	}
	schema := SchemaPath()
	if schema == "" {
		t.Skip("../shared/reference/cp_api_5.1.xsd not found next to the repository: schema validation skipped")
	}
	f := filepath.Join(t.TempDir(), "element.xml")
	if err := os.WriteFile(f, element, 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	cmd := exec.Command(xmllint, "--noout", "--schema", schema, f)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("not valid against %s: %v\n%s\n--- element ---\n%s", filepath.Base(schema), err, out.String(), element)
	}
}

// BodyElement returns the first child element of the SOAP Body of envelope, with the namespace
// declarations in scope copied onto it, so that it can be validated on its own.
func BodyElement(t testing.TB, envelope []byte) []byte {
	t.Helper()
	el, err := extractBodyElement(envelope)
	if err != nil {
		t.Fatalf("extract SOAP body element: %v\n%s", err, envelope)
	}
	return el
}
