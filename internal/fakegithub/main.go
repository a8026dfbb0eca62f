// Command fakegithub is the part of GitHub's REST API that `goreleaser release` uses to publish a
// release, served on loopback for `make release-check` (scripts/release-check.sh). It records what a
// real release would get: the release as created (its body is the release notes) and each asset
// uploaded, so the check can verify the signature and the checksums of exactly what would be
// published.
//
// It writes to -out: release.json (the JSON body of the create-release request), body.md (that
// release's body, the release notes), updates.json (the JSON bodies of the edits, one a line, such as
// the one that publishes the draft), assets/<name> (each uploaded asset) and unexpected.log (any
// request it does not serve, answered 404). When it is listening it writes its base URL to -out/url.
//
// Like GitHub, it answers 422 to a second upload of the same asset name, and 404 to a look-up of a
// release by tag (there is none before the first release).
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
)

const releaseID = 1

var (
	// The API is served under /api/v3/ and uploads under /api/uploads/ (GitHub Enterprise's layout,
	// which go-github uses for any base URL that is not api.github.com).
	rateLimitPath = regexp.MustCompile(`^/api/v3/rate_limit$`)
	byTagPath     = regexp.MustCompile(`^/api/v3/repos/[^/]+/[^/]+/releases/tags/[^/]+$`)
	releasesPath  = regexp.MustCompile(`^/api/v3/repos/[^/]+/[^/]+/releases$`)
	releasePath   = regexp.MustCompile(`^/api/v3/repos/[^/]+/[^/]+/releases/1$`)
	uploadPath    = regexp.MustCompile(`^/api/uploads/repos/[^/]+/[^/]+/releases/1/assets$`)
)

type server struct {
	out     string
	base    string
	mu      sync.Mutex
	created bool
	assets  map[string]bool
}

func main() {
	out := flag.String("out", "", "directory to record the release in (created)")
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on (loopback only)")
	flag.Parse()
	if *out == "" {
		log.Fatal("fakegithub: -out is required")
	}
	if err := run(*out, *addr); err != nil {
		log.Fatal("fakegithub: ", err)
	}
}

func run(out, addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("-addr %s is not a loopback address", addr)
	}
	if err := os.MkdirAll(filepath.Join(out, "assets"), 0o755); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	s := &server{out: out, base: "http://" + ln.Addr().String() + "/", assets: map[string]bool{}}
	if err := os.WriteFile(filepath.Join(out, "url"), []byte(s.base+"\n"), 0o644); err != nil {
		return err
	}
	return http.Serve(ln, s)
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := r.URL.Path
	switch {
	case r.Method == http.MethodGet && rateLimitPath.MatchString(p):
		rate := map[string]any{"limit": 5000, "remaining": 5000, "reset": 4102444800}
		reply(w, http.StatusOK, map[string]any{"resources": map[string]any{"core": rate}, "rate": rate})
	case r.Method == http.MethodGet && byTagPath.MatchString(p):
		reply(w, http.StatusNotFound, map[string]any{"message": "Not Found"})
	case r.Method == http.MethodPost && releasesPath.MatchString(p):
		if s.created {
			s.unexpected(w, r, "a second release")
			return
		}
		body, err := io.ReadAll(r.Body)
		if err != nil {
			s.fail(w, err)
			return
		}
		if err := os.WriteFile(filepath.Join(s.out, "release.json"), body, 0o644); err != nil {
			s.fail(w, err)
			return
		}
		rel := map[string]any{}
		if err := json.Unmarshal(body, &rel); err != nil {
			s.unexpected(w, r, "a create-release body that is not a JSON object")
			return
		}
		notes, _ := rel["body"].(string)
		if err := os.WriteFile(filepath.Join(s.out, "body.md"), []byte(notes), 0o644); err != nil {
			s.fail(w, err)
			return
		}
		s.created = true
		rel["id"] = releaseID
		rel["html_url"] = s.base + "release"
		rel["upload_url"] = s.base + "api/uploads/repos/owner/name/releases/1/assets{?name,label}"
		reply(w, http.StatusCreated, rel)
	case r.Method == http.MethodPatch && releasePath.MatchString(p) && s.created:
		body, err := io.ReadAll(r.Body)
		if err != nil || !json.Valid(body) {
			s.unexpected(w, r, "an edit-release body that is not JSON")
			return
		}
		if err := appendLine(filepath.Join(s.out, "updates.json"), bytes.TrimSpace(body)); err != nil {
			s.fail(w, err)
			return
		}
		reply(w, http.StatusOK, map[string]any{"id": releaseID, "html_url": s.base + "release"})
	case r.Method == http.MethodPost && uploadPath.MatchString(p) && s.created:
		name := r.URL.Query().Get("name")
		if name == "" || name != filepath.Base(name) || strings.HasPrefix(name, ".") {
			s.unexpected(w, r, "an asset name that is not a plain file name")
			return
		}
		if s.assets[name] {
			reply(w, http.StatusUnprocessableEntity, map[string]any{"message": "Validation Failed",
				"errors": []map[string]string{{"resource": "ReleaseAsset", "code": "already_exists", "field": "name"}}})
			return
		}
		f, err := os.Create(filepath.Join(s.out, "assets", name))
		if err != nil {
			s.fail(w, err)
			return
		}
		_, err = io.Copy(f, r.Body)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			s.fail(w, err)
			return
		}
		s.assets[name] = true
		reply(w, http.StatusCreated, map[string]any{"id": len(s.assets), "name": name, "state": "uploaded"})
	default:
		s.unexpected(w, r, "a request fakegithub does not serve")
	}
}

// unexpected records a request the check should look at and answers 404.
func (s *server) unexpected(w http.ResponseWriter, r *http.Request, what string) {
	line := fmt.Sprintf("%s: %s %s", what, r.Method, r.URL.RequestURI())
	if err := appendLine(filepath.Join(s.out, "unexpected.log"), []byte(line)); err != nil {
		s.fail(w, err)
		return
	}
	reply(w, http.StatusNotFound, map[string]any{"message": "Not Found (fakegithub: " + what + ")"})
}

func (s *server) fail(w http.ResponseWriter, err error) {
	log.Print("fakegithub: ", err)
	reply(w, http.StatusInternalServerError, map[string]any{"message": err.Error()})
}

func appendLine(path string, line []byte) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(append(line, '\n'))
	return errors.Join(err, f.Close())
}

func reply(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
