package cpapi

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
)

// DefaultMaxRecords is how many records one paged read returns at most before it stops with a
// RecordLimitError: a server that keeps announcing more must not make a read run forever.
const DefaultMaxRecords = 1_000_000

// pagedOperation declares an operation that is read page by page: the query travels in a
// <searchQuery>, with startRecord (and the page size, when the request has one) set for each page, and
// collectPages follows the more flag to the last page. Every paged operation is declared this way, once.
type pagedOperation[Q, R, T any] struct {
	operation
	// setPage sets the request's startRecord and, when it has one, its page size.
	setPage func(q *Q, startRecord, pageSize Int)
	// page returns the items of one response and whether it announced more.
	page func(r *R) (items []T, more bool)
	// key identifies an item: a page whose keys repeat the previous page's stops the read.
	key func(T) string
}

// read returns every item q matches, following the more flag to the last page.
func (op pagedOperation[Q, R, T]) read(ctx context.Context, c *Client, q Q) ([]T, error) {
	return collectPages(ctx, c, op.name, func(ctx context.Context, start int64) ([]T, bool, error) {
		q := q
		op.setPage(&q, IntOf(start), IntOf(c.pageSize))
		var resp R
		if err := c.call(ctx, op.operation, searchQuery[Q]{q}, &resp); err != nil {
			return nil, false, err
		}
		items, more := op.page(&resp)
		return items, more, nil
	}, op.key)
}

// fetchPage fetches the page that starts at the 1-based startRecord and reports whether the server
// announced more. collectPages calls it from several goroutines at once.
type fetchPage[T any] func(ctx context.Context, startRecord int64) (items []T, more bool, err error)

// collectPages follows a startRecord/moreFlag cursor to the last page. key identifies an item; a page
// whose keys repeat the previous page's, or an empty page that still announces more, stops with a
// PagingError instead of looping forever, and so does a read past c's record ceiling (RecordLimitError).
//
// ChargePoint reports no total, so pages are requested in rounds that grow while pages come back full:
// the first page alone; when it announces more, the next two; then four, and so on up to
// c.pageWindow(), at the offsets that full pages would give. A round starts only when the previous one
// has been taken, so a read asks past its end for at most the rest of its last round (1,234 records in
// pages of 500: 3 calls; 2 pages: 3 calls; 20 pages and more: under 20% more calls than pages).
// Pages are taken strictly in order with the sequential rules (next startRecord = this one + its length),
// so the result is the one sequential paging gives: a page of another length makes the pages requested
// ahead useless: they are dropped and the read goes on sequentially from the true offset. Pages past
// the last one are not needed (soap.ErrNotNeeded): requests already sent complete and are kept for a
// later identical read. When the read fails, the pages still in flight are cancelled for real
// (errReadFailed), unless another read waits for the same page.
func collectPages[T any](ctx context.Context, c *Client, op string, fetch fetchPage[T], key func(T) string) (_ []T, err error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer func() {
		if err != nil {
			cancel(errReadFailed)
		}
		cancel(soap.ErrNotNeeded) // the pages requested past the end
	}()
	p := newPager(op, key, c.pageWindow(), c.maxRecords)
	type flight struct {
		done   chan struct{}
		items  []T
		more   bool
		err    error
		cancel context.CancelCauseFunc
	}
	flights := map[int64]*flight{}
	for {
		for _, start := range p.launches() {
			fctx, fcancel := context.WithCancelCause(ctx)
			f := &flight{done: make(chan struct{}), cancel: fcancel}
			flights[start] = f
			go func() {
				defer close(f.done)
				f.items, f.more, f.err = fetch(fctx, start)
			}()
		}
		f := flights[p.next]
		<-f.done
		delete(flights, p.next)
		f.cancel(nil)
		if f.err != nil {
			return nil, f.err
		}
		dropped, err := p.take(f.items, f.more)
		if err != nil {
			return nil, err
		}
		for _, start := range dropped {
			flights[start].cancel(soap.ErrNotNeeded)
			delete(flights, start)
		}
		if p.done {
			return p.all, nil
		}
	}
}

// errReadFailed cancels the fetches of the pages of a read that failed.
var errReadFailed = errors.New("the paged read failed")

// pageWindow is the largest round of pages one read requests at once: as many as may be in flight.
func (c *Client) pageWindow() int { return c.soap.MaxConcurrentRequests() }

// pager holds the sequential paging rules and decides which pages to request ahead; collectPages
// runs it with one goroutine per page.
type pager[T any] struct {
	op     string
	key    func(T) string
	window int   // at most this many pages of the read in flight
	round  int   // pages to request in the next round: 1, 2, 4, ... up to window
	limit  int64 // at most this many records

	all      []T
	next     int64   // startRecord of the next page to take
	pageLen  int64   // the longest page taken so far, the length assumed for pages ahead (0: none yet)
	pending  []int64 // startRecords requested and not taken yet, in order; pending[0] == next
	previous [sha256.Size]byte
	done     bool
}

func newPager[T any](op string, key func(T) string, window int, limit int64) *pager[T] {
	if limit <= 0 {
		limit = DefaultMaxRecords
	}
	return &pager[T]{op: op, key: key, window: max(window, 1), round: 1, limit: limit, next: 1}
}

// launches returns the startRecords to request now: nothing while a round is being taken, else the
// next round, which is twice as large as the last one (all of whose pages came back full), up to window.
func (p *pager[T]) launches() []int64 {
	if p.done || len(p.pending) > 0 {
		return nil
	}
	n := min(p.round, p.window)
	for start := p.next; len(p.pending) < n && start <= p.limit; start += p.pageLen {
		p.pending = append(p.pending, start)
		if p.pageLen == 0 {
			break // no page has shown how long pages are yet
		}
	}
	p.round = min(2*n, p.window)
	return slices.Clone(p.pending)
}

// take applies the sequential rules to the page at next and returns the pages requested ahead that
// are now useless: all of them after the last page, or when this page's length moved the next offset.
func (p *pager[T]) take(items []T, more bool) (dropped []int64, err error) {
	start := p.next
	p.pending = p.pending[1:]
	if !more {
		if int64(len(p.all)+len(items)) > p.limit {
			return nil, &RecordLimitError{Operation: p.op, Limit: p.limit}
		}
		p.all, p.done = append(p.all, items...), true
		return p.dropPending(), nil
	}
	if len(items) == 0 {
		return nil, &PagingError{Operation: p.op, StartRecord: start, Reason: "the server sent an empty page but said more records follow"}
	}
	fp := pageFingerprint(items, p.key)
	if start > 1 && fp == p.previous {
		return nil, &PagingError{Operation: p.op, StartRecord: start, Reason: fmt.Sprintf("the server sent the same %d records as for the previous page", len(items))}
	}
	p.previous = fp
	if int64(len(p.all)+len(items)) >= p.limit {
		return nil, &RecordLimitError{Operation: p.op, Limit: p.limit}
	}
	p.all = append(p.all, items...)
	p.next += int64(len(items))
	p.pageLen = max(p.pageLen, int64(len(items)))
	if len(p.pending) > 0 && p.pending[0] != p.next {
		// Pages of varying length: requesting ahead would keep guessing wrong, so the rest is sequential.
		p.window = 1
		return p.dropPending(), nil
	}
	return nil, nil
}

func (p *pager[T]) dropPending() []int64 {
	dropped := p.pending
	p.pending = nil
	return dropped
}

func pageFingerprint[T any](items []T, key func(T) string) [sha256.Size]byte {
	h := sha256.New()
	for _, it := range items {
		h.Write([]byte(key(it)))
		h.Write([]byte{0})
	}
	var sum [sha256.Size]byte
	copy(sum[:], h.Sum(nil))
	return sum
}
