package cpapi

import "context"

// MaxIDsPerCall bounds the station ID lists of 5.1 (stationIdListBound: at most 100 IDs).
const MaxIDsPerCall = 100

// stationBatched declares an operation whose query carries a station ID list. Every such operation is
// declared this way, so that its two rules cannot be forgotten: a list set but empty selects no station
// (an empty result, without a call: selectsNoStation), and the IDs are sent at most MaxIDsPerCall per
// call (inBatches), each batch read by each (one call, or its pages). An unset list is one read without
// IDs. TestEveryStationIDListIsBatched checks every Client method whose query has such a list.
type stationBatched[Q, T any] struct {
	ids  func(q *Q) *WrappedList[StationIDItem] // the query's station ID list
	each func(ctx context.Context, c *Client, q Q) ([]T, error)
}

// read returns the items of every batch of q's station IDs, in order.
func (op stationBatched[Q, T]) read(ctx context.Context, c *Client, q Q) ([]T, error) {
	ids := *op.ids(&q)
	if selectsNoStation(ids) {
		return []T{}, nil
	}
	return inBatches(ctx, ids, MaxIDsPerCall, func(ctx context.Context, batch []String) ([]T, error) {
		q := q
		*op.ids(&q) = batch
		return op.each(ctx, c, q)
	})
}

// selectsNoStation reports whether a station ID list is set but empty (station_ids = [], typically the
// IDs of an empty group): it matches nothing, so the operation returns an empty result without asking
// ChargePoint. A nil list (station_ids unset) is no filter.
func selectsNoStation(ids []String) bool { return ids != nil && len(ids) == 0 }

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
