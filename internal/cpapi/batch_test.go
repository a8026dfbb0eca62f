package cpapi

import (
	"context"
	"fmt"
	"testing"
)

func TestInBatches(t *testing.T) {
	var ids []String
	for i := 0; i < 250; i++ {
		ids = append(ids, StringOf(fmt.Sprint(i)))
	}
	ids = append(ids, ids[0], ids[1]) // duplicates are sent once
	var sizes []int
	got, err := inBatches(context.Background(), ids, MaxIDsPerCall, func(_ context.Context, batch []String) ([]string, error) {
		sizes = append(sizes, len(batch))
		var out []string
		for _, b := range batch {
			out = append(out, b.Value)
		}
		return out, nil
	})
	if err != nil || len(got) != 250 || got[0] != "0" || got[249] != "249" {
		t.Fatalf("got %d items, %v", len(got), err)
	}
	if fmt.Sprint(sizes) != "[100 100 50]" {
		t.Errorf("batch sizes %v", sizes)
	}
	calls := 0
	if _, err := inBatches(context.Background(), nil, MaxIDsPerCall, func(_ context.Context, batch []String) ([]string, error) {
		calls++
		if batch != nil {
			t.Errorf("batch %v", batch)
		}
		return nil, nil
	}); err != nil || calls != 1 {
		t.Errorf("no IDs: %d calls, %v", calls, err)
	}
}
