package simulator

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
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
