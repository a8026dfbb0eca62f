package cpapi

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
)

// TestLimitStopsEndlessPaging: a server that always sends new records and says more follow stops
// with a RecordLimitError naming the operation, the bound and how to raise it.
func TestLimitStopsEndlessPaging(t *testing.T) {
	for _, inFlight := range []int{1, soap.DefaultMaxConcurrentRequests} {
		t.Run(strconv.Itoa(inFlight)+" in flight", func(t *testing.T) {
			const pageLen, limit = 7, 50
			fs := newFakeServer(t, func(w http.ResponseWriter, body string) {
				start, _ := strconv.Atoi(startTagRE.FindStringSubmatch(body)[1])
				var ids []string
				for i := start; i < start+pageLen; i++ {
					ids = append(ids, "1:"+strconv.Itoa(i))
				}
				write(w, 200, soapOK("getPublicStations", ok100+stations(ids...)+"<moreFlag>1</moreFlag>"))
			})
			c, err := New(Config{Endpoint: fs.URL + ServicePath, LicenseKey: testKey, Password: testPassword, PageSize: pageLen, MaxConcurrentRequests: inFlight, MaxRecords: limit})
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.GetPublicStations(context.Background(), StationSearchRequest{})
			var le *RecordLimitError
			if !errors.As(err, &le) || le.Operation != "getPublicStations" || le.Limit != limit {
				t.Fatalf("err = %v", err)
			}
			for _, want := range []string{"getPublicStations", "more than 50 records", "max_records", "CHARGEPOINT_MAX_RECORDS"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("message lacks %q: %s", want, err)
				}
			}
			// Pages start at 1, 8, ..., 50: the eighth page reaches the bound. Nothing starts past it.
			for _, r := range fs.snapshot() {
				if start, _ := strconv.Atoi(startTagRE.FindStringSubmatch(r.body)[1]); start > limit {
					t.Errorf("asked for startRecord %d, past the bound %d", start, limit)
				}
			}
		})
	}
}

// TestLimitBoundary: exactly MaxRecords records are read; one more is an error.
func TestLimitBoundary(t *testing.T) {
	const pageLen, limit = 10, 40
	for _, tc := range []struct {
		n       int
		wantErr bool
	}{{39, false}, {40, false}, {41, true}, {45, true}} {
		t.Run(strconv.Itoa(tc.n), func(t *testing.T) {
			p := newPager("op", strconv.Itoa, 4, limit)
			var err error
			for !p.done && err == nil {
				p.launches()
				items, more := fullPages(tc.n, pageLen)(p.next)
				_, err = p.take(items, more)
			}
			var le *RecordLimitError
			if tc.wantErr != errors.As(err, &le) {
				t.Fatalf("err = %v", err)
			}
			if !tc.wantErr {
				checkAllInOrder(t, p.all, tc.n)
			}
		})
	}
}

// TestLimitDefaultAllowsLargeEstates: the default ceiling reads 200,000 records (400 pages of 500).
func TestLimitDefaultAllowsLargeEstates(t *testing.T) {
	if DefaultMaxRecords < 200_000 {
		t.Fatalf("DefaultMaxRecords = %d", DefaultMaxRecords)
	}
	const n = 200_000
	c, err := New(Config{Endpoint: "https://example.com" + ServicePath, LicenseKey: testKey, Password: testPassword})
	if err != nil {
		t.Fatal(err)
	}
	got, err := collectPages(context.Background(), c, "op", func(_ context.Context, start int64) ([]int, bool, error) {
		items, more := fullPages(n, DefaultPageSize)(start)
		return items, more, nil
	}, strconv.Itoa)
	if err != nil {
		t.Fatal(err)
	}
	checkAllInOrder(t, got, n)
}
