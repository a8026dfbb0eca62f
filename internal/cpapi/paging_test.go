package cpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
)

var startRecordRE = regexp.MustCompile(`<startRecord>(\d+)</startRecord><numStations>(\d+)</numStations>`)

// pagedServer serves ids in pages of the requested size, like ChargePoint.
func pagedServer(t *testing.T, ids []string) *fakeServer {
	return newFakeServer(t, func(w http.ResponseWriter, body string) {
		m := startRecordRE.FindStringSubmatch(body)
		start, _ := strconv.Atoi(m[1])
		size, _ := strconv.Atoi(m[2])
		end := min(start-1+size, len(ids))
		more := 0
		if end < len(ids) {
			more = 1
		}
		from := min(start-1, end) // past the end: an empty last page
		write(w, 200, soapOK("getPublicStations", ok100+stations(ids[from:end]...)+fmt.Sprintf("<moreFlag>%d</moreFlag>", more)))
	})
}

func TestPagingFollowsMoreFlag(t *testing.T) {
	for _, n := range []int{0, 1, 6, 7, 21} { // 21 with page size 7: the last page is exactly full
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			var ids []string
			for i := 1; i <= n; i++ {
				ids = append(ids, fmt.Sprintf("1:%d", i))
			}
			fs := pagedServer(t, ids)
			c := fs.client(t) // sequential: exactly one call per page
			c.pageSize = 7
			got, err := c.GetPublicStations(context.Background(), StationSearchRequest{})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != n {
				t.Fatalf("%d stations, want %d", len(got), n)
			}
			for i, s := range got {
				if s.StationID.Value != ids[i] {
					t.Fatalf("station %d = %s, want %s", i, s.StationID.Value, ids[i])
				}
			}
			if wantCalls := max(1, (n+6)/7); len(fs.requests) != wantCalls {
				t.Errorf("%d calls, want %d", len(fs.requests), wantCalls)
			}
		})
	}
}

// expectPagingGuards checks that an operation stops with a PagingError when the server repeats a page
// (repeated holds two items and the more flag) or sends an empty page whose more flag (emptyMore) says
// 1: after at most two calls when paging sequentially, or the first page and one window ahead.
func expectPagingGuards(t *testing.T, op, repeated, emptyMore string, call func(*Client) error) {
	t.Helper()
	for _, tc := range []struct{ name, page, reason string }{
		{"a page that repeats", repeated, "the same 2 records"},
		{"an empty page whose more flag says 1", emptyMore, "empty page"},
	} {
		for _, inFlight := range []int{1, soap.DefaultMaxConcurrentRequests} {
			t.Run(fmt.Sprintf("%s, %d in flight", tc.name, inFlight), func(t *testing.T) {
				fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK(op, ok100+tc.page)) })
				c := fs.clientInFlight(t, inFlight)
				err := call(c)
				var pe *PagingError
				if !errors.As(err, &pe) || pe.Operation != op || !regexp.MustCompile(tc.reason).MatchString(pe.Reason) {
					t.Fatalf("err = %v", err)
				}
				most := 2
				if inFlight > 1 {
					most = 1 + inFlight
				}
				if n := len(fs.snapshot()); n > most {
					t.Errorf("kept paging: %d calls", n)
				}
			})
		}
	}
}

// expectBatchSizes checks how many station IDs each recorded request carried.
func expectBatchSizes(t *testing.T, fs *fakeServer, want ...int) {
	t.Helper()
	var sizes []int
	for _, r := range fs.requests {
		sizes = append(sizes, len(requestedIDs(r.body)))
	}
	if !slices.Equal(sizes, want) {
		t.Errorf("batch sizes %v, want %v", sizes, want)
	}
}

func TestPagingGuards(t *testing.T) {
	expectPagingGuards(t, "getPublicStations", stations("1:1", "1:2")+"<moreFlag>1</moreFlag>", "<moreFlag>1</moreFlag>",
		func(c *Client) error {
			_, err := c.GetPublicStations(context.Background(), StationSearchRequest{})
			return err
		})
}
