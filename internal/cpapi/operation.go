package cpapi

import (
	"context"
	"fmt"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
)

// Result is the responseCode/responseText pair that starts every response except getCPNInstances'.
type Result struct {
	ResponseCode String `xml:"responseCode"`
	ResponseText String `xml:"responseText"`
}

func (r *Result) result() *Result { return r }

// withResult is implemented by every response type that embeds Result.
type withResult interface{ result() *Result }

// codeSuccess is the responseCode of a successful call.
const codeSuccess = "100"

// operation describes one SOAP operation to the call layer.
type operation struct {
	name string
	// noMatch lists the responseCodes that mean "nothing matched the query": they are an empty
	// result, not an error (102 for station searches).
	noMatch []string
	// write marks an operation that changes something (soap.Operation.Write): never coalesced, and,
	// unless idempotent, not retried once it may have reached ChargePoint (soap.AmbiguousWriteError).
	write bool
	// idempotent marks a write that sets a state, retried like a read (shedLoad, clearShedState).
	idempotent bool
	// hints says, per responseCode, what to change (ResponseError.Hint).
	hints map[string]string
}

// call calls op with request and decodes its response into out (soap.Client.Call): a responseCode
// other than success and op's no-match codes is a ResponseError.
func (c *Client) call(ctx context.Context, op operation, request, out any) error {
	return c.soap.Call(ctx, soap.Operation{Name: op.name, Result: op.result, Write: op.write, Idempotent: op.idempotent}, request, out)
}

// result reads the responseCode of a decoded response.
func (op operation) result(out any) (code string, err error) {
	wr, ok := out.(withResult)
	if !ok {
		return "", nil // getCPNInstances carries no responseCode
	}
	r := wr.result()
	switch code := r.ResponseCode.Value; {
	case code == codeSuccess:
		return code, op.checkSuccess(out, r)
	case op.isNoMatch(code):
		return code, nil
	case !r.ResponseCode.Valid:
		return "", fmt.Errorf("%s: response has no responseCode", op.name)
	default:
		return code, &ResponseError{Operation: op.name, Code: code, Text: r.ResponseText.Value, Hint: op.hints[code]}
	}
}

// withSuccess is implemented by the responses that carry a Success flag besides their responseCode
// (shedLoad, clearShedState).
type withSuccess interface{ success() Int }

// checkSuccess: a response with responseCode 100 whose Success is present and not 1 is an error. An
// absent Success (the XSD allows it) is taken as success: responseCode 100 says so.
func (op operation) checkSuccess(out any, r *Result) error {
	ws, ok := out.(withSuccess)
	if !ok {
		return nil
	}
	if s := ws.success(); s.Valid && s.Value != 1 {
		return &ResponseError{Operation: op.name, Code: r.ResponseCode.Value, Text: r.ResponseText.Value,
			Hint: fmt.Sprintf("but Success is %d: ChargePoint did not apply it; check the target in the ChargePoint portal and try again", s.Value)}
	}
	return nil
}

func (op operation) isNoMatch(code string) bool {
	for _, c := range op.noMatch {
		if c == code {
			return true
		}
	}
	return false
}

// searchQuery is the request of the operations that take their query in a <searchQuery> element.
type searchQuery[Q any] struct {
	Query Q `xml:"searchQuery"`
}

// searchOperation declares an operation answered in one call, its query in a <searchQuery>.
type searchOperation[Q, R, T any] struct {
	operation
	items func(r *R) []T // the items of the response
}

// read returns the items the one call for q answers.
func (op searchOperation[Q, R, T]) read(ctx context.Context, c *Client, q Q) ([]T, error) {
	var resp R
	if err := c.call(ctx, op.operation, searchQuery[Q]{q}, &resp); err != nil {
		return nil, err
	}
	return op.items(&resp), nil
}
