package cpapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// call is the one place where an operation becomes an HTTP exchange: it encodes request inside the
// envelope, hands it to exchange, turns faults and responseCodes into typed errors and decodes the
// response wrapper into out. Transient failures, SOAP Server faults included, are retried around
// exchange and decoding together (retry_call.go).
func (c *Client) call(ctx context.Context, op operation, request, out any) error {
	ctx = withLogging(ctx, c.licenseKey, c.password)
	body, err := marshalBody(op.name, request)
	if err != nil {
		return err
	}
	logRequest(ctx, op.name, body)
	return c.retrying(ctx, op, out, func(ctx context.Context) (*answer, error) {
		ans, err := c.exchange(ctx, op, body)
		if err != nil {
			return nil, err
		}
		code, err := decodeResponse(op, ans, out)
		ans.log(ctx, code)
		if err != nil {
			c.coalesce.forget(op.name, body, ans)
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
func (c *Client) exchange(ctx context.Context, op operation, body []byte) (*answer, error) {
	return c.coalesce.do(ctx, op.name, body, func(ctx context.Context) (*answer, error) {
		return c.post(ctx, op, body)
	})
}

// post posts one request body inside the envelope and reads at most maxBytes of the answer.
func (c *Client) post(ctx context.Context, op operation, body []byte) (*answer, error) {
	if err := c.slots.acquire(ctx); err != nil {
		return nil, fmt.Errorf("%s: %w", op.name, err)
	}
	defer c.slots.release()
	payload := envelope(c.licenseKey, c.password, body)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, bytes.NewReader(payload))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op.name, err)
	}
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	req.Header.Set("SOAPAction", `"urn:provider/interface/chargepointservices/`+op.name+`"`)

	started := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op.name, err)
	}
	defer func() { _ = resp.Body.Close() }()
	data, err := readBody(resp, c.maxBytes)
	if err != nil {
		return nil, fmt.Errorf("%s: read response: %w", op.name, err)
	}
	ans := &answer{
		callRecord: callRecord{op: op.name, status: resp.StatusCode, requestBytes: len(payload), responseBytes: len(data), started: started},
		statusText: resp.Status,
		retryAfter: resp.Header.Get("Retry-After"),
		data:       data,
	}
	if int64(len(data)) > c.maxBytes {
		ans.log(ctx, "")
		return nil, &BodyTooLargeError{Operation: op.name, Limit: c.maxBytes}
	}
	logResponse(ctx, op.name, data)
	return ans, nil
}

// decodeResponse interprets one HTTP answer and returns the responseCode it carried, if any.
func decodeResponse(op operation, ans *answer, out any) (string, error) {
	httpError := func() error {
		return &HTTPError{Operation: op.name, StatusCode: ans.status, Status: ans.statusText, Body: snippet(ans.data)}
	}
	if title, ok := sniffHTML(ans.data); ok {
		return "", &HTMLError{Operation: op.name, StatusCode: ans.status, Title: title}
	}
	fault, err := decodeEnvelope(ans.data, op.name, out)
	if err != nil {
		if ans.status != http.StatusOK || errors.Is(err, errNoBody) {
			return "", httpError()
		}
		return "", fmt.Errorf("%s: decode response: %w", op.name, err)
	}
	if fault != nil {
		switch code := localPart(fault.Code); code {
		case "InvalidSecurity", "FailedAuthentication", "FailedCheck", "InvalidSecurityToken":
			return "", &AuthError{Operation: op.name, FaultCode: code, FaultString: fault.String}
		default:
			return "", &FaultError{Operation: op.name, HTTPStatus: ans.status, FaultCode: fault.Code, FaultString: fault.String}
		}
	}
	if ans.status != http.StatusOK {
		return "", httpError()
	}
	wr, ok := out.(withResult)
	if !ok {
		return "", nil // getCPNInstances carries no responseCode
	}
	r := wr.result()
	switch code := r.ResponseCode.Value; {
	case code == codeSuccess || op.isNoMatch(code):
		return code, nil
	case !r.ResponseCode.Valid:
		return "", fmt.Errorf("%s: response has no responseCode", op.name)
	default:
		return code, &ResponseError{Operation: op.name, Code: code, Text: r.ResponseText.Value}
	}
}

func snippet(data []byte) string {
	const maxLen = 256
	s := string(bytes.TrimSpace(data))
	if len(s) > maxLen {
		s = s[:maxLen] + "…"
	}
	return s
}
