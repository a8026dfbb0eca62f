package cpapi

import (
	"context"
	"fmt"
)

// DefaultMaxRecords is how many records one paged read returns at most before it stops with a
// RecordLimitError: a server that keeps announcing more must not make a read run forever.
const DefaultMaxRecords = 1_000_000

// RecordLimitError reports a paged read that went past the record ceiling (Config.MaxRecords).
type RecordLimitError struct {
	Operation string
	Limit     int64
}

func (e *RecordLimitError) Error() string {
	return fmt.Sprintf("%s: the server announced more than %d records; stopped there. Narrow the query, "+
		"or raise max_records (CHARGEPOINT_MAX_RECORDS) if it really matches that many", e.Operation, e.Limit)
}

// DefaultMaxConcurrentRequests is how many requests one Client has in flight at most, all operations
// and data sources together; paged reads fetch pages ahead in rounds of up to that many.
const DefaultMaxConcurrentRequests = 5

// limiter is the Client's semaphore on requests in flight, held around each HTTP exchange (request
// and response body).
type limiter chan struct{}

func newLimiter(n int) limiter {
	if n <= 0 {
		n = DefaultMaxConcurrentRequests
	}
	return make(limiter, n)
}

func (l limiter) acquire(ctx context.Context) error {
	select {
	case l <- struct{}{}:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}

func (l limiter) release() { <-l }

// pageWindow is the largest round of pages one read requests at once: as many as may be in flight.
func (c *Client) pageWindow() int { return cap(c.slots) }
