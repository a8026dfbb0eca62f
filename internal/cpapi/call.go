package cpapi

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// call is the one place where an operation becomes an HTTP exchange: it encodes request inside the
// envelope, posts it, reads at most maxBytes of the answer, turns faults and responseCodes into typed
// errors and decodes the response wrapper into out. Layers such as request coalescing belong here.
func (c *Client) call(ctx context.Context, op operation, request, out any) error {
	ctx = withLogging(ctx, c.licenseKey, c.password)
	body, err := marshalBody(op.name, request)
	if err != nil {
		return err
	}
	payload := envelope(c.licenseKey, c.password, body)
	logRequest(ctx, op.name, body)

	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.endpoint, bytes.NewReader(payload))
	if err != nil {
		return fmt.Errorf("%s: %w", op.name, err)
	}
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	req.Header.Set("SOAPAction", `"urn:provider/interface/chargepointservices/`+op.name+`"`)

	started := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%s: %w", op.name, err)
	}
	defer func() { _ = resp.Body.Close() }()
	data, err := io.ReadAll(io.LimitReader(resp.Body, c.maxBytes+1))
	if err != nil {
		return fmt.Errorf("%s: read response: %w", op.name, err)
	}
	ex := exchange{op: op.name, status: resp.StatusCode, requestBytes: len(payload), responseBytes: len(data), started: started}
	if int64(len(data)) > c.maxBytes {
		ex.log(ctx, "")
		return &BodyTooLargeError{Operation: op.name, Limit: c.maxBytes}
	}
	logResponse(ctx, op.name, data)

	code, err := decodeResponse(op, resp, data, out)
	ex.log(ctx, code)
	return err
}

// decodeResponse interprets one HTTP answer and returns the responseCode it carried, if any.
func decodeResponse(op operation, resp *http.Response, data []byte, out any) (string, error) {
	fault, err := decodeEnvelope(data, op.name, out)
	if err != nil {
		if resp.StatusCode != http.StatusOK || errors.Is(err, errNoBody) {
			return "", &HTTPError{Operation: op.name, StatusCode: resp.StatusCode, Status: resp.Status, Body: snippet(data)}
		}
		return "", fmt.Errorf("%s: decode response: %w", op.name, err)
	}
	if fault != nil {
		switch code := localPart(fault.Code); code {
		case "InvalidSecurity", "FailedAuthentication", "FailedCheck", "InvalidSecurityToken":
			return "", &AuthError{Operation: op.name, FaultCode: code, FaultString: fault.String}
		default:
			return "", &FaultError{Operation: op.name, HTTPStatus: resp.StatusCode, FaultCode: fault.Code, FaultString: fault.String}
		}
	}
	if resp.StatusCode != http.StatusOK {
		return "", &HTTPError{Operation: op.name, StatusCode: resp.StatusCode, Status: resp.Status, Body: snippet(data)}
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
	const max = 256
	s := string(bytes.TrimSpace(data))
	if len(s) > max {
		s = s[:max] + "…"
	}
	return s
}
