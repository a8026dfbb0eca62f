package soap

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Operation is what the call layer knows of one operation: its name and, when its responses carry
// one, how to read their result code.
type Operation struct {
	Name string
	// Result, if set, returns the result code of a decoded response (logged with the call) and the
	// error it means, if any. A call that fails this way is not retried, and its answer is not kept.
	Result func(out any) (code string, err error)
	// Write marks an operation that changes something at ChargePoint. A write is never coalesced
	// with an identical call nor answered from a kept answer: two identical writes are two requests.
	// Unless Idempotent, it is retried only when the request certainly did not reach ChargePoint or
	// the answer says it was not processed, and a failure after the request may have been sent is an
	// *AmbiguousWriteError (write.go).
	Write bool
	// Idempotent marks a write that sets a state, so that repeating it leaves the same state
	// (shedLoad, clearShedState): it is retried like a read. It means nothing without Write.
	Idempotent bool
}

// Call is the one place where an operation becomes an HTTP exchange: it encodes request inside the
// envelope, hands it to exchange, turns faults into typed errors, decodes the response element into
// out and checks its result. Transient failures, SOAP Server faults included, are retried around
// exchange and decoding together (retry_call.go).
//
// Every error it returns goes through maskError (masking.go): the credentials, in any form, appear
// neither in its text nor in the fields of the typed errors it wraps, whatever part of the answer they
// came from.
func (c *Client) Call(ctx context.Context, op Operation, request, out any) (err error) {
	defer func() { err = newMasker(c.username, c.password).maskError(err) }()
	ctx = withLogging(ctx, c.username, c.password)
	body, err := marshalBody(op.Name, request)
	if err != nil {
		return err
	}
	c.logRequest(ctx, op.Name, body)
	if op.Write {
		return c.callWrite(ctx, op, body, out)
	}
	return c.retrying(ctx, op.Name, out, retryReason, func(ctx context.Context) (*answer, error) {
		ans, err := c.exchange(ctx, op.Name, body)
		if err != nil {
			return nil, err
		}
		code, err := c.decodeResponse(op, ans, out)
		ans.log(ctx, code)
		if err != nil {
			c.coalesce.forget(op.Name, body, ans)
		}
		return ans, err
	})
}

// answer is one HTTP response, read whole.
type answer struct {
	callRecord
	statusText string
	retryAfter string // the Retry-After header, if any
	data       []byte
}

// exchange returns the answer to one request body: identical requests (same operation, same body)
// are posted once per Client, whether still in flight or already answered (coalesce.go).
func (c *Client) exchange(ctx context.Context, op string, body []byte) (*answer, error) {
	return c.coalesce.do(ctx, op, body, func(ctx context.Context) (*answer, error) {
		return c.post(ctx, op, body)
	})
}

// post posts one request body inside the envelope and reads at most maxBytes of the answer.
func (c *Client) post(ctx context.Context, op string, body []byte) (*answer, error) {
	if err := c.slots.acquire(ctx); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	defer c.slots.release()
	payload := c.envelope(c.username, c.password, body)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, bytes.NewReader(payload))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	req.Header.Set("SOAPAction", `"`+c.soapAction+op+`"`)

	started := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	defer func() { _ = resp.Body.Close() }()
	data, err := readBody(resp, c.maxBytes)
	if err != nil {
		return nil, fmt.Errorf("%s: read response: %w", op, err)
	}
	ans := &answer{
		callRecord: callRecord{op: op, status: resp.StatusCode, requestBytes: len(payload), responseBytes: len(data), started: started},
		statusText: resp.Status,
		retryAfter: resp.Header.Get("Retry-After"),
		data:       data,
	}
	if int64(len(data)) > c.maxBytes {
		ans.log(ctx, "")
		return nil, &BodyTooLargeError{Operation: op, Limit: c.maxBytes}
	}
	logResponse(ctx, op, data)
	return ans, nil
}

// decodeResponse interprets one HTTP answer and returns the result code it carried, if any.
func (c *Client) decodeResponse(op Operation, ans *answer, out any) (string, error) {
	httpError := func() error {
		return &HTTPError{Operation: op.Name, StatusCode: ans.status, Status: ans.statusText, Body: snippet(ans.data)}
	}
	if title, ok := sniffHTML(ans.data); ok {
		return "", &HTMLError{Operation: op.Name, StatusCode: ans.status, Title: title}
	}
	fault, err := decodeEnvelope(ans.data, c.namespace, op.Name, out)
	if err != nil {
		if ans.status != http.StatusOK || errors.Is(err, errNoBody) {
			return "", httpError()
		}
		return "", fmt.Errorf("%s: decode response: %w", op.Name, err)
	}
	if fault != nil {
		switch code := localPart(fault.Code); code {
		case "InvalidSecurity", "FailedAuthentication", "FailedCheck", "InvalidSecurityToken":
			return "", &AuthError{Operation: op.Name, FaultCode: code, FaultString: fault.String}
		default:
			return "", &FaultError{Operation: op.Name, HTTPStatus: ans.status, FaultCode: fault.Code, FaultString: fault.String}
		}
	}
	if ans.status != http.StatusOK {
		return "", httpError()
	}
	if op.Result == nil {
		return "", nil
	}
	return op.Result(out)
}

func snippet(data []byte) string {
	const maxLen = 256
	s := string(bytes.TrimSpace(data))
	if len(s) > maxLen {
		s = s[:maxLen] + "…"
	}
	return s
}
