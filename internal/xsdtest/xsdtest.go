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

// schemaRel is where the schema lives, relative to the module root.
var schemaRel = filepath.Join("..", "shared", "reference", "cp_api_5.1.xsd")

// SchemaPath returns the absolute path of cp_api_5.1.xsd beside the module root, or "" if it is absent.
func SchemaPath() string {
	p := schemaCandidate()
	if p == "" {
		return ""
	}
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// schemaCandidate returns where the schema should be: ../shared/reference beside the directory
// holding go.mod, found by walking up from the working directory (a package directory under go test).
func schemaCandidate() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, schemaRel)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Tools returns the xmllint binary and the schema path. When either is missing it skips the test
// with the reason, or, when the CI environment variable is set, fails it: in CI a schema check
// must never be skipped silently.
func Tools(t testing.TB) (xmllint, schema string) {
	t.Helper()
	missing := Missing()
	if missing == "" {
		xmllint, _ = exec.LookPath("xmllint")
		return xmllint, SchemaPath()
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("CI is set but XSD validation cannot run: %s", missing)
	}
	t.Skip("XSD validation skipped: " + missing)
	return "", ""
}

// Missing says what XSD validation lacks (and how to get it), or returns "" when it can run.
func Missing() string {
	if _, err := exec.LookPath("xmllint"); err != nil {
		return "xmllint is not installed (apt-get install libxml2-utils)"
	}
	if SchemaPath() == "" {
		where := schemaCandidate()
		if where == "" {
			where = schemaRel + " (no go.mod found above the working directory)"
		}
		return "the ChargePoint reference schema " + where + " is missing " +
			"(check out the shared/ reference directory beside the repository, so that ../shared/reference exists)"
	}
	return ""
}

// Validate checks that element (one operation element such as <ns1:getPublicStationsResponse>, with its
// namespace declared) is valid against the 5.1 XSD. Without xmllint or the schema it skips, or fails
// when CI is set (see Tools); .ci/run installs libxml2-utils.
func Validate(t testing.TB, element []byte) {
	t.Helper()
	xmllint, schema := Tools(t)
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
