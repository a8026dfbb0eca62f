package cpapi

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// The lists inside a result are put in the order their descriptions promise ("Ports, sorted by
// port_number") by the operation that returns them, after decoding: each type with such a list has a
// sortLists method (TestSortedListsHaveSortLists). The order of the top-level list is the data
// source's choice, in the same natural order (SortBy).

// listSorter is a result type with nested lists in a promised order.
type listSorter interface{ sortLists() }

// SortBy sorts items stably by a key in natural order, so "1:9" < "1:10" and port "2" < "10".
func SortBy[T any](items []T, key func(T) string) {
	slices.SortStableFunc(items, func(a, b T) int { return NaturalCompare(key(a), key(b)) })
}

// NaturalCompare compares strings treating runs of digits as numbers.
func NaturalCompare(a, b string) int {
	for a != "" && b != "" {
		da, db := leadingDigits(a), leadingDigits(b)
		if da != "" && db != "" {
			na, _ := strconv.ParseUint(da, 10, 64)
			nb, _ := strconv.ParseUint(db, 10, 64)
			if na != nb {
				if na < nb {
					return -1
				}
				return 1
			}
			if c := strings.Compare(da, db); c != 0 { // "01" vs "1": keep a total order
				return c
			}
			a, b = a[len(da):], b[len(db):]
			continue
		}
		if a[0] != b[0] {
			if a[0] < b[0] {
				return -1
			}
			return 1
		}
		a, b = a[1:], b[1:]
	}
	return len(a) - len(b)
}

func leadingDigits(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// timeKey orders timestamps chronologically whatever zone ChargePoint wrote them in.
func timeKey(t Time) string { return t.Value.UTC().Format(time.RFC3339Nano) }

// sortEach calls sortLists on every item.
func sortEach[T any, P interface {
	*T
	listSorter
}](items []T) {
	for i := range items {
		P(&items[i]).sortLists()
	}
}
