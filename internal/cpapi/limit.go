package cpapi

import "context"

// DefaultMaxConcurrentRequests is how many requests one Client has in flight at most, all operations
// and data sources together; paged reads fetch up to that many pages ahead.
const DefaultMaxConcurrentRequests = 4

// limiter is the Client's semaphore on requests in flight, held around each HTTP exchange (request
// and response body). A nil limiter does not limit.
type limiter chan struct{}

func newLimiter(n int) limiter {
	if n <= 0 {
		n = DefaultMaxConcurrentRequests
	}
	return make(limiter, n)
}

func (l limiter) acquire(ctx context.Context) error {
	if l == nil {
		return nil
	}
	select {
	case l <- struct{}{}:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}

func (l limiter) release() {
	if l != nil {
		<-l
	}
}

// pageWindow is how many pages of one read are requested ahead: as many as may be in flight.
func (c *Client) pageWindow() int {
	if c.slots == nil {
		return DefaultMaxConcurrentRequests
	}
	return cap(c.slots)
}
