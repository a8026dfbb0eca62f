package soap

import (
	"context"
	"errors"
	"fmt"
	"reflect"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// retrying runs attempt (one exchange and its decoding into out) until it succeeds, fails for a reason
// that is not transient (reasonOf returns "": retryReason for reads, write.go's rules for writes),
// runs out of retries or exhausts the call budget. Each retry is logged at WARN
// with its reason; the final error of a retried call says how many attempts were made.
func (c *Client) retrying(ctx context.Context, op string, out any, reasonOf func(error) string, attempt func(context.Context) (*answer, error)) error {
	p := c.retry
	callCtx, cancel := context.WithDeadline(ctx, p.now().Add(p.budget))
	defer cancel()
	for n := 1; ; n++ {
		if n > 1 {
			resetOutput(out) // a failed attempt may have decoded part of a response; slices would append
		}
		ans, err := attempt(callCtx)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil { // the caller cancelled (Ctrl-C) or its own deadline passed: stop at once
			return err
		}
		if callCtx.Err() != nil {
			return &RetryError{Attempts: n, Reason: fmt.Sprintf("the call budget of %s is spent", p.budget), Err: err}
		}
		reason := reasonOf(err)
		var ambiguous *AmbiguousWriteError
		switch {
		case reason == "" && errors.As(err, &ambiguous):
			ambiguous.Attempts = n // never retried: returned as it is, so that the caller looks it up
			return err
		case reason == "" && n == 1:
			return err
		case reason == "":
			return &RetryError{Attempts: n, Reason: "this error is not transient", Err: err}
		case n > p.maxRetries:
			return &RetryError{Attempts: n, Reason: fmt.Sprintf("max_retries (%d) reached", p.maxRetries), Err: err}
		}
		var retryAfter string
		if ans != nil {
			retryAfter = ans.retryAfter
		}
		wait := p.wait(n, parseRetryAfter(retryAfter, p.now()))
		if deadline, _ := callCtx.Deadline(); p.now().Add(wait).After(deadline) {
			return &RetryError{Attempts: n, Reason: fmt.Sprintf("waiting %s more would exceed the call budget of %s", wait.Round(1e6), p.budget), Err: err}
		}
		tflog.SubsystemWarn(ctx, LogSubsystem, "retrying ChargePoint API call", map[string]any{
			"operation":   op,
			"attempt":     n,
			"max_retries": p.maxRetries,
			"reason":      reason,
			"retry_after": retryAfter,
			"wait_ms":     wait.Milliseconds(),
			"error":       err.Error(),
		})
		if err := p.sleep(callCtx, wait); err != nil {
			if ctx.Err() != nil {
				return fmt.Errorf("%s: %w", op, ctx.Err())
			}
			return &RetryError{Attempts: n, Reason: fmt.Sprintf("the call budget of %s is spent", p.budget), Err: err}
		}
	}
}

// resetOutput zeroes the value out points to.
func resetOutput(out any) {
	if v := reflect.ValueOf(out); v.Kind() == reflect.Pointer && !v.IsNil() {
		v.Elem().SetZero()
	}
}
