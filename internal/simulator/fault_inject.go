package simulator

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
)

// FaultSpec is one fault to inject, written as a query string so that it can come from the
// -fault flag or from the endpoint URL of a single client (…/5.1?fault=status&status=503&first=1).
// Whether the simulator handles the request (so a write operation takes effect) depends on the kind:
//
//	fault=status        HTTP status (status=503) with an optional Retry-After (retry_after=2) and a text body; not handled
//	fault=html          an HTML page (status=200 by default, title=...), as a captive portal sends; not handled
//	fault=server-fault  a SOAP soapenv:Server fault (HTTP 500); not handled
//	fault=slow          the real answer after delay (default 2s); handled after the delay, if the client still waits
//	fault=reset         handled; the real answer's headers and half its body, then the connection is reset
//	fault=stall         handled; the real answer's headers and a few bytes, then nothing until the client leaves (or delay)
//	fault=lost          handled, and the answer lost: not one byte of it is sent. then=reset (the default) resets the
//	                    connection at once; then=stall keeps it open and silent until the client gives up (or delay),
//	                    then resets it. A write is applied but its client cannot know: for retry and lookup rules.
//	fault=nan           handled; the real answer with every <element> (default Power) set to value (default NaN)
//	fault=charset       handled; the real answer re-encoded in charset (default ISO-8859-1), every <City> set to city
//	fault=auth-echo     an authentication fault (wsse:FailedAuthentication) whose faultstring and detail quote the
//	                    Username sent: "UsernameToken processing failed for user <key>", as some SOAP stacks do; not handled
//	fault=text-echo     a responseCode 101 answer to the operation whose responseText quotes the Username sent; not handled
//
// op=NAME[,NAME...] limits the fault to requests for those operations (e.g. op=addFleetVehicle): others
// are answered normally and not counted. first=N limits the fault to the first N requests (of those
// operations) that carry the same spec; later ones are answered normally ("fail twice, then succeed").
type FaultSpec struct {
	Kind       string
	Status     int
	RetryAfter string
	First      int
	Delay      time.Duration
	Element    string
	Value      string
	Charset    string
	City       string
	Title      string
	Ops        []string // operations the fault applies to; empty: every request
	Then       string   // lost: "reset" (default) or "stall"
}

var faultKinds = map[string]bool{"status": true, "html": true, "reset": true, "stall": true, "slow": true,
	"server-fault": true, "lost": true, "nan": true, "charset": true,
	"auth-echo": true, "text-echo": true}

// ParseFaultSpec reads a spec such as "fault=status&status=503&retry_after=2&first=1".
func ParseFaultSpec(query string) (FaultSpec, error) {
	q, err := url.ParseQuery(query)
	if err != nil {
		return FaultSpec{}, fmt.Errorf("fault spec %q: %v", query, err)
	}
	f := FaultSpec{Kind: q.Get("fault"), RetryAfter: q.Get("retry_after"), Element: q.Get("element"),
		Value: q.Get("value"), Charset: q.Get("charset"), City: q.Get("city"), Title: q.Get("title"), Then: q.Get("then")}
	if !faultKinds[f.Kind] {
		return FaultSpec{}, fmt.Errorf("fault spec %q: fault must be one of status, html, reset, stall, slow, server-fault, lost, nan, charset, auth-echo, text-echo", query)
	}
	if f.Then != "" && (f.Kind != "lost" || f.Then != "reset" && f.Then != "stall") {
		return FaultSpec{}, fmt.Errorf("fault spec %q: then applies to fault=lost and is reset or stall", query)
	}
	if v := q.Get("op"); v != "" {
		for _, op := range strings.Split(v, ",") {
			op = strings.TrimSpace(op)
			if _, ok := operations[op]; !ok {
				return FaultSpec{}, fmt.Errorf("fault spec %q: op: unknown operation %q (the simulator implements: %s)",
					query, op, strings.Join(Operations(), ", "))
			}
			f.Ops = append(f.Ops, op)
		}
	}
	for name, dst := range map[string]*int{"status": &f.Status, "first": &f.First} {
		if v := q.Get(name); v != "" {
			if *dst, err = strconv.Atoi(v); err != nil || *dst < 0 {
				return FaultSpec{}, fmt.Errorf("fault spec %q: %s must be a whole number", query, name)
			}
		}
	}
	if v := q.Get("delay"); v != "" {
		if f.Delay, err = time.ParseDuration(v); err != nil {
			return FaultSpec{}, fmt.Errorf("fault spec %q: delay: %v", query, err)
		}
	}
	if f.Charset != "" {
		if _, err := htmlindex.Get(f.Charset); err != nil {
			return FaultSpec{}, fmt.Errorf("fault spec %q: unknown charset %q", query, f.Charset)
		}
	}
	return f, nil
}

// FaultInjector wraps a handler (normally the simulator) and injects the fault named in each
// request's query string, or the default fault when a request names none.
type FaultInjector struct {
	next    http.Handler
	def     *FaultSpec
	defKey  string
	mu      sync.Mutex
	hits    map[string]int // requests seen per spec (canonical query string)
	release chan struct{}  // closed by Close: stalled answers end
	once    sync.Once
}

// NewFaultInjector wraps next; def (may be nil) applies to requests without a fault in their URL and
// is counted under the key defQuery.
func NewFaultInjector(next http.Handler, defQuery string) (*FaultInjector, error) {
	fi := &FaultInjector{next: next, hits: map[string]int{}, release: make(chan struct{})}
	if defQuery != "" {
		spec, err := ParseFaultSpec(defQuery)
		if err != nil {
			return nil, err
		}
		fi.def, fi.defKey = &spec, canonicalSpec(defQuery)
	}
	return fi, nil
}

// Hits returns how many requests carried the fault spec (as written in the URL or the flag), and were
// for one of its operations (op=), whether the fault was applied to them or, past first=N, not.
func (fi *FaultInjector) Hits(spec string) int {
	fi.mu.Lock()
	defer fi.mu.Unlock()
	return fi.hits[canonicalSpec(spec)]
}

// Close ends every stalled answer, so that a server shutdown does not wait for them.
func (fi *FaultInjector) Close() { fi.once.Do(func() { close(fi.release) }) }

func canonicalSpec(query string) string {
	q, _ := url.ParseQuery(query)
	return q.Encode()
}

func (fi *FaultInjector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	spec, key := fi.def, fi.defKey
	if r.URL.Query().Has("fault") {
		s, err := ParseFaultSpec(r.URL.RawQuery)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		spec, key = &s, canonicalSpec(r.URL.RawQuery)
	}
	if spec == nil || len(spec.Ops) > 0 && !slices.Contains(spec.Ops, requestOperation(r)) {
		fi.next.ServeHTTP(w, r)
		return
	}
	fi.mu.Lock()
	fi.hits[key]++
	n := fi.hits[key]
	fi.mu.Unlock()
	if spec.First > 0 && n > spec.First {
		fi.next.ServeHTTP(w, r)
		return
	}
	fi.inject(w, r, spec)
}

func (fi *FaultInjector) inject(w http.ResponseWriter, r *http.Request, f *FaultSpec) {
	switch f.Kind {
	case "status":
		if f.RetryAfter != "" {
			w.Header().Set("Retry-After", f.RetryAfter)
		}
		status := or(f.Status, http.StatusServiceUnavailable)
		http.Error(w, strconv.Itoa(status)+" "+http.StatusText(status)+" (injected fault)", status)
	case "html":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(or(f.Status, http.StatusOK))
		title := f.Title
		if title == "" {
			title = "Guest Wi-Fi – Sign in"
		}
		fmt.Fprintf(w, "<!DOCTYPE html>\n<html><head><title>%s</title></head><body><p>Accept the terms to continue.</p></body></html>\n",
			html.EscapeString(title))
	case "auth-echo", "text-echo":
		writeEcho(w, r, f.Kind)
	case "server-fault":
		writeFault(w, &fault{Code: "soapenv:Server", String: "Internal error processing the request (injected fault); try again"})
	case "slow":
		select {
		case <-time.After(orDuration(f.Delay, 2*time.Second)):
			fi.next.ServeHTTP(w, r)
		case <-r.Context().Done():
		case <-fi.release:
		}
	case "reset":
		rec := fi.record(r)
		fi.hijackAndCut(w, rec, rec.Body.Len()/2)
	case "lost":
		fi.record(r) // handled: a write takes effect
		fi.lose(w, f)
	case "stall":
		rec := fi.record(r)
		copyHeader(w, rec)
		w.Header().Set("Content-Length", strconv.Itoa(rec.Body.Len()))
		w.WriteHeader(rec.Code)
		_, _ = w.Write(rec.Body.Bytes()[:min(64, rec.Body.Len())])
		_ = http.NewResponseController(w).Flush()
		select {
		case <-time.After(orDuration(f.Delay, 10*time.Minute)):
		case <-r.Context().Done():
		case <-fi.release:
		}
	case "nan":
		rec := fi.record(r)
		el := regexp.QuoteMeta(orString(f.Element, "Power"))
		body := regexp.MustCompile(`<`+el+`>[^<]*</`+el+`>`).ReplaceAll(rec.Body.Bytes(),
			[]byte("<"+orString(f.Element, "Power")+">"+orString(f.Value, "NaN")+"</"+orString(f.Element, "Power")+">"))
		writeRecorded(w, rec, body)
	case "charset":
		rec := fi.record(r)
		label := orString(f.Charset, "ISO-8859-1")
		body := rec.Body.Bytes()
		city := []byte("<City>" + html.EscapeString(orString(f.City, "Saint-Étienne")) + "</City>")
		body = regexp.MustCompile(`<City>[^<]*</City>`).ReplaceAll(body, city)
		body = bytes.Replace(body, []byte(`encoding="UTF-8"`), []byte(`encoding="`+label+`"`), 1)
		enc, _ := htmlindex.Get(label)
		encoded, err := encoding.ReplaceUnsupported(enc.NewEncoder()).Bytes(body)
		if err != nil {
			http.Error(w, "re-encoding: "+err.Error(), http.StatusInternalServerError)
			return
		}
		rec.Header().Set("Content-Type", "text/xml; charset="+label)
		writeRecorded(w, rec, encoded)
	}
}

// lose sends nothing of the answer: it resets the connection, at once or (then=stall) once the client
// has given up, the delay has passed or the injector is closed.
func (fi *FaultInjector) lose(w http.ResponseWriter, f *FaultSpec) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		http.Error(w, "cannot hijack: "+err.Error(), http.StatusInternalServerError)
		return
	}
	defer func() {
		if tc, ok := conn.(*net.TCPConn); ok {
			_ = tc.SetLinger(0) // close with RST
		}
		_ = conn.Close()
	}()
	if f.Then != "stall" {
		return
	}
	gone := make(chan struct{})
	go func() { // the client gives up: its end of the connection closes (a hijacked request has no context to watch)
		_, _ = io.Copy(io.Discard, conn)
		close(gone)
	}()
	select {
	case <-gone:
	case <-time.After(orDuration(f.Delay, 10*time.Minute)):
	case <-fi.release:
	}
}

// requestOperation returns the local name of the request's SOAP operation element ("" when the body
// is not a SOAP envelope), leaving the body for the simulator to read.
func requestOperation(r *http.Request) string {
	data, err := io.ReadAll(io.LimitReader(r.Body, maxRequestBytes+1))
	r.Body = struct {
		io.Reader
		io.Closer
	}{io.MultiReader(bytes.NewReader(data), r.Body), r.Body}
	if err != nil {
		return ""
	}
	_, body, err := parseEnvelope(data)
	if err != nil || len(body.Children) == 0 {
		return ""
	}
	return body.Children[0].Name.Local
}

// record runs the simulator into a buffer.
func (fi *FaultInjector) record(r *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	fi.next.ServeHTTP(rec, r)
	return rec
}

// hijackAndCut announces the whole recorded body, sends n bytes of it and resets the connection.
func (fi *FaultInjector) hijackAndCut(w http.ResponseWriter, rec *httptest.ResponseRecorder, n int) {
	conn, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		http.Error(w, "cannot hijack: "+err.Error(), http.StatusInternalServerError)
		return
	}
	defer func() { _ = conn.Close() }()
	fmt.Fprintf(buf, "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n",
		rec.Code, http.StatusText(rec.Code), rec.Header().Get("Content-Type"), rec.Body.Len())
	_, _ = buf.Write(rec.Body.Bytes()[:n])
	_ = buf.Flush()
	if tc, ok := conn.(*net.TCPConn); ok {
		_ = tc.SetLinger(0) // close with RST: a reset, not a clean end of stream
	}
}

func copyHeader(w http.ResponseWriter, rec *httptest.ResponseRecorder) {
	for k, v := range rec.Header() {
		if k != "Content-Length" {
			w.Header()[k] = v
		}
	}
}

func writeRecorded(w http.ResponseWriter, rec *httptest.ResponseRecorder, body []byte) {
	copyHeader(w, rec)
	w.WriteHeader(rec.Code)
	_, _ = w.Write(body)
}

func or(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

func orDuration(v, def time.Duration) time.Duration {
	if v == 0 {
		return def
	}
	return v
}

func orString(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// writeEcho answers with the Username the request sent quoted (XML-escaped, as a real stack would): in
// an authentication fault's faultstring and detail (auth-echo) or in a responseCode error's
// responseText (text-echo).
func writeEcho(w http.ResponseWriter, r *http.Request, kind string) {
	data, _ := io.ReadAll(io.LimitReader(r.Body, maxRequestBytes+1))
	user, op := "", "getPublicStations"
	if env, body, err := parseEnvelope(data); err == nil {
		if len(body.Children) > 0 {
			op = body.Children[0].Name.Local
		}
		if h := env.child(nsSOAPEnv, "Header"); h != nil {
			if sec := h.child(nsWSSE, "Security"); sec != nil {
				if tok := sec.child(nsWSSE, "UsernameToken"); tok != nil {
					if u := tok.child(nsWSSE, "Username"); u != nil {
						user = u.value()
					}
				}
			}
		}
	}
	var esc bytes.Buffer
	_ = xml.EscapeText(&esc, []byte(user))
	var buf bytes.Buffer
	buf.WriteString(xmlDecl)
	buf.WriteString(`<soapenv:Envelope xmlns:soapenv="` + nsSOAPEnv + `"><soapenv:Body>`)
	status := http.StatusOK
	if kind == "auth-echo" {
		status = http.StatusInternalServerError
		buf.WriteString(`<soapenv:Fault><faultcode xmlns:wsse="` + nsWSSE + `">wsse:FailedAuthentication</faultcode><faultstring>` +
			authFailedText + ` for user ` + esc.String() + `</faultstring><detail><username>` + esc.String() +
			`</username></detail></soapenv:Fault>`)
	} else {
		name := xml.Name{Local: op + "Response"}
		buf.WriteString(`<ns1:` + name.Local + ` xmlns:ns1="` + nsCP + `"><responseCode>101</responseCode><responseText>` +
			`Unknown license key ` + esc.String() + `.</responseText></ns1:` + name.Local + `>`)
	}
	buf.WriteString(`</soapenv:Body></soapenv:Envelope>`)
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
