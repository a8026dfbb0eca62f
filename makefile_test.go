package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// makefile reads the GNUmakefile's targets, their help strings (`target: … ## help`) and its simple
// variables (`NAME := value` or `NAME ?= value`).
func makefile(t *testing.T) (targets map[string]bool, help map[string]string, vars map[string]string) {
	t.Helper()
	data, err := os.ReadFile("GNUmakefile")
	if err != nil {
		t.Fatal(err)
	}
	targets, help, vars = map[string]bool{}, map[string]string{}, map[string]string{}
	targetRE := regexp.MustCompile(`^([a-zA-Z0-9_.-]+):([^=]|$)`)
	varRE := regexp.MustCompile(`^([A-Z][A-Z0-9_]*)\s*[:?]=\s*(\S.*)$`)
	for _, line := range strings.Split(string(data), "\n") {
		if m := targetRE.FindStringSubmatch(line); m != nil {
			targets[m[1]] = true
			if _, h, ok := strings.Cut(line, "## "); ok {
				help[m[1]] = h
			}
		}
		if m := varRE.FindStringSubmatch(line); m != nil {
			vars[m[1]] = strings.TrimSpace(m[2])
		}
	}
	return targets, help, vars
}

// Every `make <target>` the README, CONTRIBUTING, DESIGN, the docs and templates, and the acceptance
// tests' skip message tell a user to run exists.
func TestDocumentedMakeTargetsExist(t *testing.T) {
	targets, _, _ := makefile(t)
	files := []string{"README.md", "CONTRIBUTING.md", "DESIGN.md", "internal/provider/acc_precheck_test.go"}
	for _, pattern := range []string{"docs/*.md", "docs/guides/*.md", "templates/*.tmpl", "templates/guides/*.tmpl"} {
		matches, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, matches...)
	}
	// In Markdown, a command in backticks; in the skip message, any "make <target>".
	markdownRE := regexp.MustCompile("`make (?:-j ?[0-9]+ )?([a-z][a-z0-9-]*)")
	skipRE := regexp.MustCompile(`\bmake ([a-z][a-z0-9-]*)`)
	found := 0
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var mentions [][]string
		if strings.HasSuffix(name, ".go") {
			for _, line := range strings.Split(string(data), "\n") {
				if strings.Contains(line, "t.Skip(") {
					mentions = append(mentions, skipRE.FindAllStringSubmatch(line, -1)...)
				}
			}
		} else {
			mentions = markdownRE.FindAllStringSubmatch(string(data), -1)
		}
		for _, m := range mentions {
			found++
			if !targets[m[1]] {
				t.Errorf("%s names `make %s`, which is not a target of the GNUmakefile", name, m[1])
			}
		}
	}
	if found == 0 {
		t.Fatal("no `make` commands found: is the test running at the repository root?")
	}
}

// `make help` prints the help strings as written, so they must state the real defaults: no unexpanded
// $(VARIABLE), every version one the GNUmakefile pins, and every VARIABLE=value its default.
func TestMakeHelpShowsRealDefaults(t *testing.T) {
	_, help, vars := makefile(t)
	if len(help) < 10 {
		t.Fatalf("only %d help strings found", len(help))
	}
	var versions []string
	for name, v := range vars {
		if strings.HasSuffix(name, "_VERSION") {
			versions = append(versions, v)
		}
	}
	versionRE := regexp.MustCompile(`\b[0-9]+\.[0-9]+\.[0-9]+\b`)
	assignRE := regexp.MustCompile(`\b([A-Z][A-Z0-9_]*)=([^\s;,)]+)`)
	for target, h := range help {
		if strings.Contains(h, "$(") {
			t.Errorf("%s: help %q shows a variable unexpanded", target, h)
		}
		for _, v := range versionRE.FindAllString(h, -1) {
			if !slices.Contains(versions, v) {
				t.Errorf("%s: help %q names version %s, which no *_VERSION variable pins (%v)", target, h, v, versions)
			}
		}
		for _, m := range assignRE.FindAllStringSubmatch(h, -1) {
			if def, ok := vars[m[1]]; ok && def != m[2] {
				t.Errorf("%s: help %q says %s=%s, but its default is %s", target, h, m[1], m[2], def)
			}
		}
	}
	if !strings.Contains(help["fuzz"], vars["FUZZ_TIME"]) {
		t.Errorf("fuzz help %q does not state FUZZ_TIME's default %s", help["fuzz"], vars["FUZZ_TIME"])
	}
}
