package cpapi

import (
	"context"
	"crypto/sha256"
	"fmt"
)

// fetchPage fetches the page that starts at the 1-based startRecord and reports whether the server
// announced more.
type fetchPage[T any] func(ctx context.Context, startRecord int64) (items []T, more bool, err error)

// collectPages follows a startRecord/moreFlag cursor to the last page. key identifies an item; a page
// whose keys repeat the previous page's, or an empty page that still announces more, stops with a
// PagingError instead of looping forever.
func collectPages[T any](ctx context.Context, op string, fetch fetchPage[T], key func(T) string) ([]T, error) {
	var all []T
	var previous [sha256.Size]byte
	start := int64(1)
	for {
		items, more, err := fetch(ctx, start)
		if err != nil {
			return nil, err
		}
		if !more {
			return append(all, items...), nil
		}
		if len(items) == 0 {
			return nil, &PagingError{Operation: op, StartRecord: start, Reason: "the server sent an empty page but said more records follow"}
		}
		fp := pageFingerprint(items, key)
		if start > 1 && fp == previous {
			return nil, &PagingError{Operation: op, StartRecord: start, Reason: fmt.Sprintf("the server sent the same %d records as for the previous page", len(items))}
		}
		previous = fp
		all = append(all, items...)
		start += int64(len(items))
	}
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
