package simulator

import (
	"errors"
	"io"
	"log"
	"mime"
	"net/http"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Path is where ChargePoint serves the 5.1 API (and where the simulator answers).
const Path = "/webservices/chargepoint/services/5.1"

// Defaults for zero Options fields.
const (
	DefaultStations    = 300
	DefaultSeed        = 1
	DefaultMaxPageSize = 500 // ChargePoint's documented maximum for numStations
)

// maxRequestBytes bounds a request body.
const maxRequestBytes = 1 << 20

// Options configure a Server.
type Options struct {
	LicenseKey  string // the only accepted WS-Security Username
	Password    string // the only accepted PasswordText
	Stations    int    // generated stations in addition to the seed station; 0 means DefaultStations, negative means none
	Seed        int64  // PRNG seed for the generated dataset; 0 means 1. Same seed => identical dataset and responses.
	MaxPageSize int    // cap applied to numStations; 0 means 500 (ChargePoint's documented maximum)

	// Logger, if set, gets one line per request: operation, HTTP status and outcome (never credentials).
	Logger *log.Logger
}

// Server is the simulated ChargePoint SOAP endpoint. It is safe for concurrent use.
type Server struct {
	licenseKey, password []byte
	maxPageSize          int
	data                 *Dataset
	calls                map[string]*atomic.Int64 // one counter per registered operation
	logger               *log.Logger
	now                  func() time.Time // the response Timestamp's clock; tests pin it
	activityData         lazyActivity     // sessions, drivers, alarms, billing, fleets: activity.go

	mu        sync.RWMutex // guards clock and the write state
	clock     time.Time    // the simulator's clock (Clock); starts at Now
	stateData lazyState    // what the write operations change: state.go
}

// New builds the data set (once) and returns the server.
func New(opts Options) *Server {
	n := opts.Stations
	switch {
	case n == 0:
		n = DefaultStations
	case n < 0:
		n = 0
	}
	seed := opts.Seed
	if seed == 0 {
		seed = DefaultSeed
	}
	pageSize := opts.MaxPageSize
	if pageSize <= 0 {
		pageSize = DefaultMaxPageSize
	}
	s := &Server{
		licenseKey:  []byte(opts.LicenseKey),
		password:    []byte(opts.Password),
		maxPageSize: pageSize,
		data:        newDataset(generate(n, seed)),
		calls:       make(map[string]*atomic.Int64, len(operations)),
		logger:      opts.Logger,
		now:         time.Now,
		clock:       Now,
	}
	for name := range operations {
		s.calls[name] = new(atomic.Int64)
	}
	return s
}

// Dataset returns the stations the server answers from.
func (s *Server) Dataset() *Dataset { return s.data }

// Calls returns how many authenticated calls of operation (e.g. "getPublicStations") the server has
// dispatched to its handler, including those answered with a Client fault for a malformed query.
func (s *Server) Calls(operation string) int {
	if c, ok := s.calls[operation]; ok {
		return int(c.Load())
	}
	return 0
}

// Operations lists the operations the simulator implements, sorted.
func Operations() []string {
	names := make([]string, 0, len(operations))
	for name := range operations {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// ServeHTTP answers SOAP 1.1 POSTs on Path.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	op, status, outcome := s.serve(w, r)
	if s.logger != nil {
		if op == "" {
			op = "-"
		}
		s.logger.Printf("%s %s op=%s status=%d %s", r.Method, r.URL.Path, op, status, outcome)
	}
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) (op string, status int, outcome string) {
	if r.URL.Path != Path {
		http.Error(w, "not found: the ChargePoint 5.1 endpoint is "+Path, http.StatusNotFound)
		return "", http.StatusNotFound, "wrong path"
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed: SOAP requests are POSTs", http.StatusMethodNotAllowed)
		return "", http.StatusMethodNotAllowed, "not a POST"
	}
	fail := func(f *fault) (string, int, string) {
		writeFault(w, f)
		if f.Status == 0 {
			return op, http.StatusInternalServerError, f.Code
		}
		return op, f.Status, f.Code
	}
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "text/xml" {
			return fail(&fault{Code: "soapenv:Client", Status: http.StatusUnsupportedMediaType,
				String: "unsupported Content-Type " + ct + ": SOAP 1.1 requests are text/xml; charset=utf-8"})
		}
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return fail(&fault{Code: "soapenv:Client", String: "request body larger than 1 MiB"})
		}
		return fail(&fault{Code: "soapenv:Client", String: "reading the request: " + err.Error()})
	}
	env, body, err := parseEnvelope(data)
	if err != nil {
		return fail(asFault(err))
	}
	if len(body.Children) > 0 {
		op = body.Children[0].Name.Local // for the log line; dispatch checks it below
	}
	if err := s.authenticate(env); err != nil {
		return fail(asFault(err))
	}
	req, err := operationElement(body)
	if err != nil {
		return fail(asFault(err))
	}
	op = req.Name.Local
	handle := operations[op]
	s.calls[op].Add(1)
	resp, err := handle(s, req)
	if err != nil {
		return fail(asFault(err))
	}
	if err := s.writeResponse(w, op+"Response", resp); err != nil {
		// Headers are gone by now only if the write itself failed; nothing more to tell the client.
		return op, http.StatusOK, "write error: " + err.Error()
	}
	return op, http.StatusOK, "ok"
}

// operationElement returns the Body's operation element, which must be a known operation in
// ChargePoint's namespace.
func operationElement(body *element) (*element, error) {
	if len(body.Children) == 0 {
		return nil, clientFault("the SOAP Body is empty: expected an operation element such as <urn:getPublicStations> in namespace %s", nsCP)
	}
	if len(body.Children) > 1 {
		return nil, clientFault("the SOAP Body holds %d elements, expected one operation element", len(body.Children))
	}
	req := body.Children[0]
	if req.Name.Space != nsCP {
		return nil, clientFault("operation element %s is not in namespace %s", describe(req.Name), nsCP)
	}
	if _, ok := operations[req.Name.Local]; !ok {
		return nil, clientFault("unknown or unsupported operation %s (the simulator implements: %s)",
			req.Name.Local, strings.Join(Operations(), ", "))
	}
	return req, nil
}

func asFault(err error) *fault {
	var f *fault
	if errors.As(err, &f) {
		return f
	}
	return &fault{Code: "soapenv:Server", String: err.Error()}
}
