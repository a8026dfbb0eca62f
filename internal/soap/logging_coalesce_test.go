package soap

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

const httpCallMessage = "ChargePoint API call"

// syncBuffer is a log destination that the test may read while exchanges nobody waits for still log.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// debugLines splits the DEBUG lines of a log into the HTTP calls and the answers served from a shared
// answer, after checking that no line holds a credential.
func debugLines(t *testing.T, buf *syncBuffer) (calls, shared []map[string]any) {
	t.Helper()
	raw := buf.String()
	for _, secret := range []string{testKey, testPassword, "p&amp;ss&lt;w0rd&gt;"} {
		if strings.Contains(raw, secret) {
			t.Errorf("the log contains %q:\n%s", secret, raw)
		}
	}
	for _, e := range logLines(t, bytes.NewBufferString(raw)) {
		switch e["@message"] {
		case httpCallMessage:
			calls = append(calls, e)
		case sharedAnswerMessage:
			shared = append(shared, e)
		}
		if e["@level"] == "debug" && e["@module"] != "provider."+LogSubsystem {
			t.Errorf("DEBUG line outside the %s subsystem: %v", LogSubsystem, e)
		}
	}
	return calls, shared
}

// awaitCallLines waits until the log has n HTTP call lines, or gives up after a while (the assertions
// that follow then fail): an exchange nobody waits for is logged when its answer arrives.
func awaitCallLines(t *testing.T, buf *syncBuffer, n int) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if calls, _ := debugLines(t, buf); len(calls) >= n {
			return
		}
	}
}

// Ten reads wait for one exchange, and an eleventh comes after it: one DEBUG line for the HTTP call,
// ten that say the answer was shared.
func TestDebugLogOneLinePerHTTPCall(t *testing.T) {
	t.Setenv("TF_LOG_PROVIDER_CHARGEPOINT_API", "DEBUG")
	release := make(chan struct{})
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		<-release
		write(w, 200, soapOK(ok100+stations("1:1")+"<moreFlag>0</moreFlag>"))
	})
	c := fs.client(t)
	var buf syncBuffer
	ctx := tflogtest.RootLogger(context.Background(), &buf)
	var wg sync.WaitGroup
	errs := make([]error, 10)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = readStations(ctx, c, query{})
		}()
	}
	for waiters(c) < 10 && fs.hits() < 2 {
		runtime.Gosched()
	}
	close(release)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if _, err := readStations(ctx, c, query{}); err != nil {
		t.Fatal(err)
	}
	if n := fs.hits(); n != 1 {
		t.Fatalf("%d HTTP requests, want 1", n)
	}
	calls, shared := debugLines(t, &buf)
	if len(calls) != 1 || len(shared) != 10 {
		t.Fatalf("%d HTTP call lines and %d shared-answer lines, want 1 and 10:\n%s", len(calls), len(shared), buf.String())
	}
	if calls[0]["operation"] != "getPublicStations" || calls[0]["response_code"] != "100" || calls[0]["http_status"] != float64(200) {
		t.Errorf("HTTP call line: %v", calls[0])
	}
	for _, e := range shared {
		if e["@level"] != "debug" || e["operation"] != "getPublicStations" || e["response_code"] != "100" {
			t.Errorf("shared-answer line: %v", e)
		}
		if _, ok := e["http_status"]; ok {
			t.Errorf("a shared-answer line describes an HTTP exchange: %v", e)
		}
	}
}

// A page requested ahead and then not needed is logged when its answer arrives; the read that later
// takes the kept answer logs it as shared.
func TestDebugLogAPageNobodyWaitsFor(t *testing.T) {
	t.Setenv("TF_LOG_PROVIDER_CHARGEPOINT_API", "DEBUG")
	var buf syncBuffer
	logged := tflogtest.RootLogger(context.Background(), &buf)
	var co coalescer
	ctx, drop := context.WithCancelCause(withLogging(logged, testKey, testPassword))
	started, finish, fetched := make(chan struct{}), make(chan struct{}), make(chan struct{})
	done := make(chan error, 1)
	go func() {
		_, err := co.do(ctx, "getStations", []byte("page 5"), func(context.Context) (*answer, error) {
			close(started)
			<-finish
			defer close(fetched)
			return &answer{callRecord: callRecord{op: "getStations", status: 200}, data: []byte("<page/>")}, nil
		})
		done <- err
	}()
	<-started
	drop(ErrNotNeeded)
	if err := <-done; err == nil {
		t.Error("the abandoned read returned no error")
	}
	close(finish)
	<-fetched
	awaitCallLines(t, &buf, 1) // logged once stored
	ans, err := co.do(withLogging(logged, testKey, testPassword), "getStations", []byte("page 5"), func(context.Context) (*answer, error) {
		t.Error("asked again")
		return nil, fmt.Errorf("asked again")
	})
	if err != nil {
		t.Fatal(err)
	}
	ans.log(withLogging(logged, testKey, testPassword), "100")
	calls, shared := debugLines(t, &buf)
	if len(calls) != 1 || len(shared) != 1 {
		t.Fatalf("%d HTTP call lines and %d shared-answer lines, want 1 and 1:\n%s", len(calls), len(shared), buf.String())
	}
	if calls[0]["operation"] != "getStations" || shared[0]["operation"] != "getStations" {
		t.Errorf("lines: %v, %v", calls[0], shared[0])
	}
}

// The troubleshooting guide names the log lines as the client writes them, at the level it writes
// them (TestDebugLogOneLinePerHTTPCall and the retry tests check the levels).
func TestTroubleshootingGuideNamesTheLogLines(t *testing.T) {
	for _, name := range []string{"../../templates/guides/troubleshooting.md.tmpl", "../../docs/guides/troubleshooting.md"} {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(string(raw)), " ")
		for _, want := range []string{
			"- DEBUG: one `" + httpCallMessage + "` line per HTTP request sent",
			"logs `" + sharedAnswerMessage + "` (operation and `responseCode`) instead",
			"- WARN: `retrying ChargePoint API call`, once per retry",
			"Each retry is logged at WARN",
			"[DEBUG] provider.terraform-provider-chargepoint: " + sharedAnswerMessage + ":",
			"[WARN] provider.terraform-provider-chargepoint: retrying ChargePoint API call:",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("%s does not say %q", name, want)
			}
		}
	}
}
