package soap

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

func logLines(t *testing.T, buf *bytes.Buffer) []map[string]any {
	t.Helper()
	entries, err := tflogtest.MultilineJSONDecode(buf)
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

func TestTraceLogsNeverContainCredentials(t *testing.T) {
	t.Setenv("TF_LOG_PROVIDER_CHARGEPOINT_API", "TRACE")
	fs := newFakeServer(t, func(w http.ResponseWriter, body string) {
		// A server that echoes the request (as some faults do) must not leak it into logs either.
		write(w, 500, strings.Replace(invalidSecurityFault, "UsernameToken processing failed", "failed for "+testKey+" / "+testPassword, 1))
	})
	var buf bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	_, err := readStations(ctx, fs.client(t), guideQuery())
	if err == nil {
		t.Fatal("want an error")
	}
	raw := buf.String()
	for _, secret := range []string{testKey, testPassword, "p&amp;ss&lt;w0rd&gt;"} {
		if strings.Contains(raw, secret) {
			t.Errorf("log contains %q:\n%s", secret, raw)
		}
	}
	entries := logLines(t, &buf)
	var request, response, debug map[string]any
	for _, e := range entries {
		switch e["@message"] {
		case "ChargePoint API request":
			request = e
		case "ChargePoint API response":
			response = e
		case "ChargePoint API call":
			debug = e
		}
	}
	if request == nil || response == nil || debug == nil {
		out, _ := json.MarshalIndent(entries, "", " ")
		t.Fatalf("missing log lines:\n%s", out)
	}
	if body := request["body"].(string); !strings.Contains(body, "<Address>1692 Dell Avenue</Address>") || !strings.Contains(body, "<wss:Username>***</wss:Username>") {
		t.Errorf("request body not logged with masked credentials: %s", body)
	}
	if request["@level"] != "trace" || response["@level"] != "trace" || debug["@level"] != "debug" {
		t.Errorf("levels: %v %v %v", request["@level"], response["@level"], debug["@level"])
	}
	if debug["@module"] != "provider."+LogSubsystem || debug["operation"] != "getPublicStations" || debug["http_status"] != float64(500) {
		t.Errorf("debug line %v", debug)
	}
	for _, field := range []string{"request_bytes", "response_bytes", "response_code", "duration_ms"} {
		if _, ok := debug[field]; !ok {
			t.Errorf("debug line lacks %s: %v", field, debug)
		}
	}
}

func TestDebugLogRecordsResponseCode(t *testing.T) {
	t.Setenv("TF_LOG_PROVIDER_CHARGEPOINT_API", "DEBUG")
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK(ok100)) })
	var buf bytes.Buffer
	if _, err := readStations(tflogtest.RootLogger(context.Background(), &buf), fs.client(t), query{}); err != nil {
		t.Fatal(err)
	}
	entries := logLines(t, &buf)
	if len(entries) != 1 || entries[0]["response_code"] != "100" {
		t.Fatalf("want one DEBUG line with response_code 100 (no TRACE bodies at DEBUG), got %v", entries)
	}
}
