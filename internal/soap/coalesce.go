package soap

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
)

// coalescer makes identical requests (same operation, same encoded body) once per Client: a caller
// joins the exchange in flight for its key, or takes the answer already received. Only HTTP 200
// answers are kept, and call forgets one that then fails to decode, so a retry after any error really
// asks the server again. Kept answers live as long as the Client, that is one provider run.
//
// Each real exchange is logged once, with the DEBUG line of an HTTP call: by the first caller to take
// its answer (after decoding it, so the line has the responseCode), or, when no caller is left to take
// it, as soon as that is known. Every other caller gets the answer marked shared and logs that instead.
type coalescer struct {
	mu      sync.Mutex
	flights map[string]*flight
}

// flight is one exchange, in progress until done is closed.
type flight struct {
	done    chan struct{}
	ans     *answer
	err     error
	waiters int
	cancel  context.CancelFunc
	taken   bool // the answer's exchange is logged, or will be by the caller that took it first
}

func coalesceKey(op string, body []byte) string { return op + "\x00" + string(body) }

// ErrNotNeeded, as the cause of a cancelled call's context (context.WithCancelCause), says that the
// caller no longer needs the answer, though an identical call may soon ask for it (a page requested
// ahead, past the end of a read): the request, most likely sent already, goes on and its answer is
// kept. Any other cancellation cancels the request, unless another caller waits for the same answer.
var ErrNotNeeded = errors.New("answer not needed")

// do returns the answer to (op, body), running fetch at most once for callers that overlap or come
// later. fetch runs detached from any one caller: it is cancelled only when every caller waiting for
// it has given up (a cancelled or failed read), and not when they gave up because they no longer need
// the answer (ErrNotNeeded): that request is most likely sent already, so it completes and is kept
// for whoever asks next. Each caller gets its own copy of the answer struct; the bytes are shared and must
// not be modified. The copy is marked shared for every caller but the first to take a given answer.
func (co *coalescer) do(ctx context.Context, op string, body []byte, fetch func(context.Context) (*answer, error)) (*answer, error) {
	if err := context.Cause(ctx); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	key := coalesceKey(op, body)
	co.mu.Lock()
	if co.flights == nil {
		co.flights = map[string]*flight{}
	}
	f := co.flights[key]
	if f == nil {
		fctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
		f = &flight{done: make(chan struct{}), cancel: cancel}
		co.flights[key] = f
		go co.run(key, f, fctx, fetch)
	}
	f.waiters++
	co.mu.Unlock()

	select {
	case <-f.done:
	case <-ctx.Done():
		co.mu.Lock()
		f.waiters--
		// The answer may have arrived as this caller gave up: if nobody else will take it, its
		// exchange is logged now.
		first := f.waiters == 0 && isClosed(f.done) && f.takeFirst()
		if f.waiters == 0 && !isClosed(f.done) && !errors.Is(context.Cause(ctx), ErrNotNeeded) {
			f.cancel()
			if co.flights[key] == f {
				delete(co.flights, key)
			}
		}
		co.mu.Unlock()
		if first {
			f.ans.log(ctx, "")
		}
		return nil, fmt.Errorf("%s: %w", op, context.Cause(ctx))
	}
	co.mu.Lock()
	f.waiters--
	shared := !f.takeFirst()
	co.mu.Unlock()
	if f.err != nil {
		return nil, f.err
	}
	ans := *f.ans
	ans.shared = shared
	return &ans, nil
}

// takeFirst takes f's answer and reports whether it is a real exchange nobody had taken yet, whose
// DEBUG line is then the taker's to write. The caller holds co.mu and f is done.
func (f *flight) takeFirst() bool {
	if f.err != nil || f.taken {
		return false
	}
	f.taken = true
	return true
}

func (co *coalescer) run(key string, f *flight, ctx context.Context, fetch func(context.Context) (*answer, error)) {
	ans, err := fetch(ctx)
	f.cancel()
	co.mu.Lock()
	f.ans, f.err = ans, err
	if (err != nil || ans.status != http.StatusOK) && co.flights[key] == f {
		delete(co.flights, key)
	}
	close(f.done)
	// Nobody waits for it (pages requested ahead and then not needed): whoever asks later shares it.
	first := f.waiters == 0 && f.takeFirst()
	co.mu.Unlock()
	if first {
		ans.log(ctx, "")
	}
}

// forget drops the kept answer to (op, body) if it is ans (the bytes are compared by identity), so
// an answer that turned out to be a fault or an error is asked for again.
func (co *coalescer) forget(op string, body []byte, ans *answer) {
	key := coalesceKey(op, body)
	co.mu.Lock()
	defer co.mu.Unlock()
	if f := co.flights[key]; f != nil && isClosed(f.done) && f.ans != nil && sameBytes(f.ans.data, ans.data) {
		delete(co.flights, key)
	}
}

func isClosed(ch chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
