package provider

import (
	"slices"
	"strconv"
	"strings"
)

// sortBy sorts items stably by a key in natural order, so "1:9" < "1:10" and port "2" < "10".
func sortBy[T any](items []T, key func(T) string) {
	slices.SortStableFunc(items, func(a, b T) int { return naturalCompare(key(a), key(b)) })
}

// naturalCompare compares strings treating runs of digits as numbers.
func naturalCompare(a, b string) int {
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
