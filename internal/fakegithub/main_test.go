package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The requests goreleaser makes to publish a release, in its order, and what fakegithub records.
func TestPublishFlow(t *testing.T) {
	out := t.TempDir()
	if err := os.MkdirAll(filepath.Join(out, "assets"), 0o755); err != nil {
		t.Fatal(err)
	}
	s := &server{out: out, assets: map[string]bool{}}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	s.base = ts.URL + "/"

	do := func(method, path, body string, want int) {
		t.Helper()
		req, err := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("%s %s: status %d, want %d", method, path, resp.StatusCode, want)
		}
	}
	read := func(name string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}

	const repo = "/repos/o/n"
	do("GET", "/api/v3/rate_limit", "", 200)
	do("GET", "/api/v3"+repo+"/releases/tags/v1.0.0", "", 404)
	do("POST", "/api/v3"+repo+"/releases", `{"tag_name":"v1.0.0","body":"## Notes\n","draft":true}`, 201)
	do("POST", "/api/uploads"+repo+"/releases/1/assets?name=x_SHA256SUMS", "abc  x.zip\n", 201)
	do("POST", "/api/uploads"+repo+"/releases/1/assets?name=x_SHA256SUMS", "again", 422)
	do("POST", "/api/uploads"+repo+"/releases/1/assets?name=../escape", "", 404)
	do("PATCH", "/api/v3"+repo+"/releases/1", `{"draft":false}`+"\n", 200)
	do("DELETE", "/api/v3"+repo+"/releases/1", "", 404)

	if got := read("body.md"); got != "## Notes\n" {
		t.Errorf("body.md = %q", got)
	}
	if got := read("assets/x_SHA256SUMS"); got != "abc  x.zip\n" {
		t.Errorf("the asset = %q, want the first upload", got)
	}
	if got := read("updates.json"); got != `{"draft":false}`+"\n" {
		t.Errorf("updates.json = %q", got)
	}
	// Only the two requests it does not serve: the bad asset name and the DELETE.
	unexpected := strings.Split(strings.TrimSpace(read("unexpected.log")), "\n")
	if len(unexpected) != 2 || !strings.Contains(unexpected[0], "?name=../escape") ||
		!strings.Contains(unexpected[1], "DELETE /api/v3/repos/o/n/releases/1") {
		t.Errorf("unexpected.log = %q", unexpected)
	}
}
