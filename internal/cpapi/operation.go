package cpapi

import "context"

// operation describes one SOAP operation to the call layer.
type operation struct {
	name string
	// noMatch lists the responseCodes that mean "nothing matched the query": they are an empty
	// result, not an error (102 for station searches).
	noMatch []string
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
