package simulator

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

func startFaulty(t *testing.T, defSpec string) (*FaultInjector, string) {
	t.Helper()
	s := New(Options{LicenseKey: testKey, Password: testPassword, Stations: 5})
	fi, err := NewFaultInjector(s, defSpec)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(fi)
	t.Cleanup(ts.Close)
	t.Cleanup(fi.Close) // runs first: releases stalled answers before ts.Close waits for them
	return fi, ts.URL + Path
}

// rawPost posts the seed-station query and returns the status, headers and the body or the read error.
func rawPost(t *testing.T, ctx context.Context, url string) (int, http.Header, []byte, error) {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url,
		strings.NewReader(publicStationsRequest(`<stationID>1:81203</stationID>`)))
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer func() { _ = resp.Body.Close() }()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, body, err
}

func TestFaultInjection(t *testing.T) {
	_, url := startFaulty(t, "")
	ctx := context.Background()
	cases := []struct {
		spec  string
		check func(t *testing.T, status int, h http.Header, body []byte, err error)
	}{
		{"fault=status&status=503&retry_after=2", func(t *testing.T, status int, h http.Header, body []byte, err error) {
			if err != nil || status != 503 || h.Get("Retry-After") != "2" {
				t.Errorf("status %d, Retry-After %q, %v", status, h.Get("Retry-After"), err)
			}
		}},
		{"fault=html&title=Hotel+Wi-Fi", func(t *testing.T, status int, h http.Header, body []byte, err error) {
			if status != 200 || !bytes.Contains(body, []byte("<title>Hotel Wi-Fi</title>")) {
				t.Errorf("status %d, body %s", status, body)
			}
		}},
		{"fault=server-fault", func(t *testing.T, status int, h http.Header, body []byte, err error) {
			if status != 500 || !bytes.Contains(body, []byte("<faultcode>soapenv:Server</faultcode>")) {
				t.Errorf("status %d, body %s", status, body)
			}
		}},
		{"fault=reset", func(t *testing.T, status int, h http.Header, body []byte, err error) {
			if err == nil || status != 200 || len(body) == 0 {
				t.Errorf("want a 200 cut mid-body, got status %d, %d bytes, %v", status, len(body), err)
			}
		}},
		{"fault=slow&delay=10ms", func(t *testing.T, status int, h http.Header, body []byte, err error) {
			if err != nil || status != 200 || !bytes.Contains(body, []byte("<stationID>1:81203</stationID>")) {
				t.Errorf("status %d, %v", status, err)
			}
		}},
		{"fault=nan&value=-INF", func(t *testing.T, status int, h http.Header, body []byte, err error) {
			if err != nil || !bytes.Contains(body, []byte("<Power>-INF</Power>")) || bytes.Contains(body, []byte("<Power>7")) {
				t.Errorf("no -INF Power in %s (%v)", body, err)
			}
		}},
		{"fault=auth-echo", func(t *testing.T, status int, h http.Header, body []byte, err error) {
			var esc bytes.Buffer
			_ = xml.EscapeText(&esc, []byte(testKey))
			if status != 500 || !bytes.Contains(body, []byte("wsse:FailedAuthentication</faultcode>")) ||
				!bytes.Contains(body, []byte("<faultstring>UsernameToken processing failed for user "+esc.String()+"</faultstring>")) ||
				!bytes.Contains(body, []byte("<detail><username>"+esc.String()+"</username></detail>")) {
				t.Errorf("status %d, body %s", status, body)
			}
		}},
		{"fault=text-echo", func(t *testing.T, status int, h http.Header, body []byte, err error) {
			var esc bytes.Buffer
			_ = xml.EscapeText(&esc, []byte(testKey))
			if status != 200 || !bytes.Contains(body, []byte("<ns1:getPublicStationsResponse")) ||
				!bytes.Contains(body, []byte("<responseCode>101</responseCode><responseText>Unknown license key "+esc.String()+".</responseText>")) {
				t.Errorf("status %d, body %s", status, body)
			}
		}},
		{"fault=charset&city=Zürich", func(t *testing.T, status int, h http.Header, body []byte, err error) {
			if !bytes.Contains(body, []byte(`encoding="ISO-8859-1"`)) || !bytes.Contains(body, []byte("<City>Z\xfcrich</City>")) {
				t.Errorf("body is not ISO-8859-1 with the city: %q", body)
			}
			if utf8, _ := charmap.ISO8859_1.NewDecoder().Bytes(body); !bytes.Contains(utf8, []byte("<City>Zürich</City>")) {
				t.Error("the city does not decode back")
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.spec, func(t *testing.T) {
			status, h, body, err := rawPost(t, ctx, url+"?"+tc.spec)
			tc.check(t, status, h, body, err)
		})
	}
}

func TestFaultFirstN(t *testing.T) {
	fi, url := startFaulty(t, "")
	const spec = "fault=status&status=502&first=2"
	var got []int
	for range 4 {
		status, _, _, err := rawPost(t, context.Background(), url+"?"+spec)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, status)
	}
	if want := []int{502, 502, 200, 200}; !slices.Equal(got, want) {
		t.Errorf("statuses %v, want %v", got, want)
	}
	if n := fi.Hits("first=2&status=502&fault=status"); n != 4 {
		t.Errorf("Hits = %d, want 4 (the key ignores parameter order)", n)
	}
}

func TestFaultDefaultAndStall(t *testing.T) {
	fi, url := startFaulty(t, "fault=stall")
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	status, _, body, err := rawPost(t, ctx, url)
	if status != 200 || err == nil || len(body) == 0 {
		t.Errorf("want headers and a few bytes, then a stall the client gives up on: status %d, %d bytes, %v", status, len(body), err)
	}
	if fi.Hits("fault=stall") != 1 {
		t.Errorf("Hits = %d", fi.Hits("fault=stall"))
	}
}

func TestParseFaultSpec(t *testing.T) {
	for spec, want := range map[string]string{
		"fault=status&status=503":       "",
		"fault=boom":                    "fault must be one of",
		"fault=status&first=x":          "first must be a whole number",
		"fault=slow&delay=soon":         "delay",
		"fault=charset&charset=klingon": "unknown charset",
	} {
		_, err := ParseFaultSpec(spec)
		if (want == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", spec, err, want)
		}
	}
}

// startFaultyServer is startFaulty with the simulator itself, to see what the writes did.
func startFaultyServer(t *testing.T, defSpec string) (*Server, *FaultInjector, string) {
	t.Helper()
	s := New(Options{LicenseKey: testKey, Password: testPassword, Stations: 5})
	fi, err := NewFaultInjector(s, defSpec)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(fi)
	t.Cleanup(ts.Close)
	t.Cleanup(fi.Close)
	return s, fi, ts.URL + Path
}

// postEnvelope posts envelope and returns the status and body, or the error of a lost or cut answer.
func postEnvelope(ctx context.Context, url, envelope string) (int, []byte, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(envelope))
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return 0, nil, err
	}
	defer func() { _ = resp.Body.Close() }()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, body, err
}

func addVehicleRequest(plate string) string {
	return opRequest("addFleetVehicle", vehicleXML("<chargePointCards><chargePointCardSn>CPFL9</chargePointCardSn></chargePointCards>",
		el("licensePlate", plate), el("fleetName", "Faults"), el("make", "Ford"), el("model", "E-Transit"), el("year", "2024")))
}

func hasPlate(s *Server, plate string) bool {
	return slices.ContainsFunc(s.FleetVehicles(), func(v FleetVehicle) bool { return v.License == plate })
}

// TestFaultsOnWrites: every fault kind applies to a write; the kinds that let the simulator handle
// the request apply the write, the others do not.
func TestFaultsOnWrites(t *testing.T) {
	s, _, url := startFaultyServer(t, "")
	for i, c := range []struct {
		spec    string
		applied bool
		answer  func(status int, body []byte, err error) bool // the client's view
	}{
		{"fault=status&status=503&retry_after=1", false, func(st int, _ []byte, err error) bool { return err == nil && st == 503 }},
		{"fault=html", false, func(st int, b []byte, err error) bool { return err == nil && bytes.Contains(b, []byte("<html>")) }},
		{"fault=server-fault", false, func(st int, b []byte, err error) bool {
			return st == 500 && bytes.Contains(b, []byte("soapenv:Server"))
		}},
		{"fault=slow&delay=10ms", true, func(st int, b []byte, err error) bool {
			return err == nil && bytes.Contains(b, []byte("<fleetVehicleID>"))
		}},
		{"fault=reset", true, func(st int, b []byte, err error) bool { return err != nil && st == 200 }},
		{"fault=stall&delay=50ms", true, func(st int, b []byte, err error) bool { return err != nil && st == 200 }},
		{"fault=lost", true, func(st int, b []byte, err error) bool { return err != nil && st == 0 }},
		{"fault=lost&then=stall&delay=50ms", true, func(st int, b []byte, err error) bool { return err != nil && st == 0 }},
		{"fault=nan&element=fleetVehicleID&value=X", true, func(st int, b []byte, err error) bool { return bytes.Contains(b, []byte("<fleetVehicleID>X<")) }},
		{"fault=charset", true, func(st int, b []byte, err error) bool { return bytes.Contains(b, []byte(`encoding="ISO-8859-1"`)) }},
	} {
		t.Run(c.spec, func(t *testing.T) {
			plate := "FAULT" + strconv.Itoa(i)
			before := s.Calls("addFleetVehicle")
			status, body, err := postEnvelope(context.Background(), url+"?"+c.spec, addVehicleRequest(plate))
			if !c.answer(status, body, err) {
				t.Errorf("client saw status %d, %v\n%.500s", status, err, body)
			}
			if hasPlate(s, plate) != c.applied {
				t.Errorf("write applied: %v, want %v", !c.applied, c.applied)
			}
			if n := s.Calls("addFleetVehicle") - before; n != boolInt(c.applied) {
				t.Errorf("%d calls counted", n)
			}
		})
	}
}

// TestFaultLostThenLookup is the case a client's safety rules are about: the add is applied, its
// answer lost; a blind retry would be refused as a duplicate (190), and a lookup by fleet and plate
// finds the vehicle. op= keeps reads (and other writes) untouched and uncounted.
func TestFaultLostThenLookup(t *testing.T) {
	const spec = "fault=lost&op=addFleetVehicle,updateFleetVehicle&first=1"
	s, fi, url := startFaultyServer(t, spec)
	ctx := context.Background()
	read := query("getFleetVehicles", "<license>LOST1</license>")
	if status, body, err := postEnvelope(ctx, url, read); err != nil || status != 200 || bytes.Contains(body, []byte("<fleetVehicle>")) {
		t.Fatalf("read before: %d %v", status, err)
	}
	if _, _, err := postEnvelope(ctx, url, addVehicleRequest("LOST1")); err == nil {
		t.Fatal("the first add was answered")
	}
	if !hasPlate(s, "LOST1") {
		t.Fatal("the lost add was not applied")
	}
	status, body, err := postEnvelope(ctx, url, addVehicleRequest("LOST1"))
	if err != nil || status != 200 || !bytes.Contains(body, []byte("<responseCode>190</responseCode>")) {
		t.Errorf("retry: %d %v\n%s", status, err, body)
	}
	status, body, err = postEnvelope(ctx, url, read)
	if err != nil || status != 200 || !bytes.Contains(body, []byte("<license>LOST1</license>")) {
		t.Errorf("lookup: %d %v\n%s", status, err, body)
	}
	if n := fi.Hits(spec); n != 2 {
		t.Errorf("Hits = %d, want 2 (the adds only)", n)
	}
	if n := s.Calls("addFleetVehicle"); n != 2 {
		t.Errorf("Calls(addFleetVehicle) = %d", n)
	}
	if n := s.Calls("getFleetVehicles"); n != 2 {
		t.Errorf("Calls(getFleetVehicles) = %d", n)
	}
}

// TestFaultLostStallWaitsForTheClient: then=stall holds the connection silent until the client gives
// up, after the write is applied.
func TestFaultLostStallWaitsForTheClient(t *testing.T) {
	s, _, url := startFaultyServer(t, "")
	ctx, cancel := context.WithTimeout(context.Background(), 150*time.Millisecond)
	defer cancel()
	start := time.Now()
	status, _, err := postEnvelope(ctx, url+"?fault=lost&then=stall&op=addFleetVehicle", addVehicleRequest("STALL1"))
	if err == nil || status != 0 || time.Since(start) < 140*time.Millisecond {
		t.Errorf("status %d, %v after %v: want the client's own timeout", status, err, time.Since(start))
	}
	if !hasPlate(s, "STALL1") {
		t.Error("not applied")
	}
}

func TestParseFaultSpecWrites(t *testing.T) {
	for spec, want := range map[string]string{
		"fault=lost":                          "",
		"fault=lost&then=stall&delay=1s":      "",
		"fault=reset&op=shedLoad,clearAlarms": "",
		"fault=lost&then=later":               "then applies to fault=lost",
		"fault=status&then=stall":             "then applies to fault=lost",
		"fault=lost&op=shedload":              `unknown operation "shedload"`,
		"fault=lost&op=addFleetVehicle,":      `unknown operation ""`,
	} {
		f, err := ParseFaultSpec(spec)
		if (want == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", spec, err, want)
		}
		if spec == "fault=reset&op=shedLoad,clearAlarms" && !slices.Equal(f.Ops, []string{"shedLoad", "clearAlarms"}) {
			t.Errorf("Ops %v", f.Ops)
		}
	}
}
