package soap

import "context"

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
