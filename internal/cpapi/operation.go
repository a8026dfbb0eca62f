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
}

// call calls op with request and decodes its response into out (soap.Client.Call): a responseCode
// other than success and op's no-match codes is a ResponseError.
func (c *Client) call(ctx context.Context, op operation, request, out any) error {
	return c.soap.Call(ctx, soap.Operation{Name: op.name, Result: op.result}, request, out)
}

// result reads the responseCode of a decoded response.
func (op operation) result(out any) (code string, err error) {
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
