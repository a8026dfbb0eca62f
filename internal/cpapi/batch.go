package cpapi

import "context"

// MaxIDsPerCall bounds the station ID lists of 5.1 (stationIdListBound: at most 100 IDs).
const MaxIDsPerCall = 100

// inBatches splits ids (without duplicates) into groups of at most size, calls fetch for each group in
// order and concatenates the results. An empty ids list is one call with no IDs.
func inBatches[T any](ctx context.Context, ids []String, size int, fetch func(context.Context, []String) ([]T, error)) ([]T, error) {
	ids = uniqueStrings(ids)
	if len(ids) == 0 {
		return fetch(ctx, nil)
	}
	var all []T
	for start := 0; start < len(ids); start += size {
		items, err := fetch(ctx, ids[start:min(start+size, len(ids))])
		if err != nil {
			return nil, err
		}
		all = append(all, items...)
	}
	return all, nil
}

func uniqueStrings(in []String) []String {
	seen := make(map[string]bool, len(in))
	out := make([]String, 0, len(in))
	for _, s := range in {
		if !seen[s.Value] {
			seen[s.Value] = true
			out = append(out, s)
		}
	}
	return out
}
