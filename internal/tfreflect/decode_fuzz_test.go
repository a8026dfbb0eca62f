package tfreflect

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// The fuzz targets feed arbitrary bytes to the client as the HTTP answer and turn whatever decodes into
// Terraform state, both ways the provider does (tftypes values and MessagePack). Nothing may panic;
// both ways must agree. Seeds (testdata/fuzz/<target>) include NaN, ±Inf, ISO-8859-1 and truncated
// documents. Run one with: go test ./internal/tfreflect -run '^$' -fuzz '^FuzzDecodeStationStatus$'.

// fuzzClient answers every request with data (HTTP 200) and never retries.
func fuzzClient(t *testing.T, data []byte) *cpapi.Client {
	c, err := cpapi.New(cpapi.Config{
		Endpoint: "http://127.0.0.1:1/x", LicenseKey: "k", Password: "p", MaxRetries: 0,
		Transport: answerTransport(data),
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

type answerTransport []byte

func (a answerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	_ = r.Body.Close()
	return &http.Response{StatusCode: 200, Status: "200 OK", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: http.Header{"Content-Type": {"text/xml"}}, Body: io.NopCloser(bytes.NewReader(a)), Request: r}, nil
}

// toState converts v as the read path does, checks that the two encodings agree, and returns the
// count of non-finite numbers.
func toState(t *testing.T, v any) NonFinite {
	rv := reflect.ValueOf(v)
	var nf, packedNF NonFinite
	val := Value(rv, &nf)
	typ := typeOf(rv.Type())
	packed := appendMsgpack(nil, rv, &packedNF, nil)
	back, err := (&tfprotov6.DynamicValue{MsgPack: packed}).Unmarshal(typ)
	if err != nil {
		t.Fatalf("MessagePack state does not decode: %v", err)
	}
	if !back.Equal(val) {
		t.Fatalf("MessagePack state differs from the tftypes value:\n%s\n%s", back, val)
	}
	if !reflect.DeepEqual(nf, packedNF) {
		t.Fatalf("non-finite numbers counted %v by Value, %v by the encoder", nf, packedNF)
	}
	return nf
}

func FuzzDecodePublicStations(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := fuzzClient(t, data).GetPublicStations(context.Background(), cpapi.StationSearchRequest{})
		if err == nil {
			toState(t, got)
		}
	})
}

func FuzzDecodeStationStatus(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := fuzzClient(t, data).GetStationStatus(context.Background(), cpapi.StatusSearchRequest{})
		if err == nil {
			toState(t, got)
		}
	})
}

func FuzzDecodeStations(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := fuzzClient(t, data).GetStations(context.Background(), cpapi.StationSearchRequestExtended{})
		if err == nil {
			toState(t, got)
		}
	})
}

var fuzzCalls = map[string]func(*cpapi.Client) (any, error){
	"FuzzDecodePublicStations": func(c *cpapi.Client) (any, error) {
		return c.GetPublicStations(context.Background(), cpapi.StationSearchRequest{})
	},
	"FuzzDecodeStationStatus": func(c *cpapi.Client) (any, error) {
		return c.GetStationStatus(context.Background(), cpapi.StatusSearchRequest{})
	},
	"FuzzDecodeStations": func(c *cpapi.Client) (any, error) {
		return c.GetStations(context.Background(), cpapi.StationSearchRequestExtended{})
	},
}

// The seeds that should decode do, so that the fuzzers start from documents that reach the state
// conversion: NaN and ±Inf arrive as non-finite numbers (null in state), ISO-8859-1 text as UTF-8.
func TestFuzzSeedsReachState(t *testing.T) {
	for target, call := range fuzzCalls {
		for seed, nonFinite := range map[string]int{"valid": 0, "nan": 1, "inf": 1, "minus_inf": 1, "iso_8859_1": 0} {
			t.Run(target+"/"+seed, func(t *testing.T) {
				got, err := call(fuzzClient(t, readSeed(t, target, seed)))
				if err != nil {
					t.Fatal(err)
				}
				n := 0
				for _, c := range toState(t, got) {
					n += c
				}
				if n != nonFinite {
					t.Errorf("%d non-finite numbers, want %d", n, nonFinite)
				}
				if seed == "iso_8859_1" && !strings.Contains(fmt.Sprintf("%+v", got), "Zürich-") {
					t.Errorf("ISO-8859-1 text not decoded: %+v", got)
				}
			})
		}
	}
}

func readSeed(t *testing.T, target, name string) []byte {
	data, err := os.ReadFile(filepath.Join("testdata", "fuzz", target, name))
	if err != nil {
		t.Fatal(err)
	}
	_, lit, ok := strings.Cut(strings.TrimSpace(string(data)), "\n[]byte(")
	s, err := strconv.Unquote(strings.TrimSuffix(lit, ")"))
	if !ok || err != nil {
		t.Fatalf("seed %s/%s: %v", target, name, err)
	}
	return []byte(s)
}
