package soap

import (
	"context"
	"os"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// LogSubsystem is the terraform-plugin-log subsystem of the API client. Its level follows TF_LOG, or
// TF_LOG_PROVIDER_CHARGEPOINT_API when set.
const LogSubsystem = "chargepoint_api"

// withLogging returns a context with the client's subsystem, masking the credentials (raw and
// XML-escaped) in every message and field the subsystem writes.
func withLogging(ctx context.Context, secrets ...string) context.Context {
	ctx = tflog.NewSubsystem(ctx, LogSubsystem, tflog.WithLevelFromEnv("TF_LOG_PROVIDER_CHARGEPOINT_API"))
	masks := secretForms(secrets...)
	ctx = tflog.SubsystemMaskMessageStrings(ctx, LogSubsystem, masks...)
	return tflog.SubsystemMaskAllFieldValuesStrings(ctx, LogSubsystem, masks...)
}

// logRequest writes the request at TRACE. It logs the envelope with placeholder credentials rather than
// relying on masking alone: the secrets never reach the logger.
func (c *Client) logRequest(ctx context.Context, op string, body []byte) {
	if !traceEnabled() {
		return
	}
	tflog.SubsystemTrace(ctx, LogSubsystem, "ChargePoint API request", map[string]any{
		"operation": op,
		"body":      string(c.envelope("***", "***", body)),
	})
}

func logResponse(ctx context.Context, op string, data []byte) {
	if !traceEnabled() {
		return
	}
	tflog.SubsystemTrace(ctx, LogSubsystem, "ChargePoint API response", map[string]any{
		"operation": op,
		"body":      string(data),
	})
}

// traceEnabled reports whether the subsystem logs at TRACE, from the variables terraform-plugin-log
// reads, most specific first. The bodies are copied into strings only then: a 50,000-station read
// would otherwise copy every page for lines nobody sees.
func traceEnabled() bool {
	for _, name := range []string{"TF_LOG_PROVIDER_CHARGEPOINT_API", "TF_LOG_PROVIDER", "TF_LOG"} {
		if v := strings.ToUpper(strings.TrimSpace(os.Getenv(name))); v != "" {
			return v == "TRACE" || v == "JSON"
		}
	}
	return false
}

// callRecord is what the DEBUG line records about one call.
type callRecord struct {
	op                          string
	status                      int
	requestBytes, responseBytes int
	started                     time.Time
	// shared: this caller got the answer to another caller's identical request (coalesce.go), so no
	// HTTP request was made for it.
	shared bool
}

// sharedAnswerMessage is the DEBUG line of a call answered without an HTTP request of its own.
const sharedAnswerMessage = "ChargePoint API call served from a shared answer to an identical request"

// log writes the call's DEBUG line: one per HTTP exchange, or, for an answer shared with an identical
// request, a line that says so (without the exchange's figures, which its own line has).
func (e callRecord) log(ctx context.Context, responseCode string) {
	if e.shared {
		tflog.SubsystemDebug(ctx, LogSubsystem, sharedAnswerMessage, map[string]any{
			"operation":     e.op,
			"response_code": responseCode,
		})
		return
	}
	tflog.SubsystemDebug(ctx, LogSubsystem, "ChargePoint API call", map[string]any{
		"operation":      e.op,
		"http_status":    e.status,
		"request_bytes":  e.requestBytes,
		"response_bytes": e.responseBytes,
		"response_code":  responseCode,
		"duration_ms":    time.Since(e.started).Milliseconds(),
	})
}
