package cpapi

import (
	"context"
	"net/http"
	"testing"
)

// station_ids = [] (say, the IDs of an empty group) matches nothing: every operation that takes a
// station ID list returns an empty result without a request. An unset list is no filter: one search.
func TestEmptyStationIDsMakeNoCall(t *testing.T) {
	ctx := context.Background()
	empty := WrappedList[StationIDItem]{}
	for _, tc := range []struct {
		op string
		// call runs the operation with an empty (ids non-nil) or unset (nil) station ID list and returns
		// how many items it found.
		call func(c *Client, ids WrappedList[StationIDItem]) (found int, isNil bool, err error)
	}{
		{"getChargingSessionData", func(c *Client, ids WrappedList[StationIDItem]) (int, bool, error) {
			got, err := c.GetChargingSessionData(ctx, SessionSearchRequest{StationIDs: ids})
			return len(got), got == nil, err
		}},
		{"getAlarms", func(c *Client, ids WrappedList[StationIDItem]) (int, bool, error) {
			got, err := c.GetAlarms(ctx, AlarmsQuery{StationIDs: ids})
			return len(got), got == nil, err
		}},
		{"getStationStatus", func(c *Client, ids WrappedList[StationIDItem]) (int, bool, error) {
			got, err := c.GetStationStatus(ctx, StatusSearchRequest{StationIDs: ids})
			return len(got), got == nil, err
		}},
		{"getPublicStationStatus", func(c *Client, ids WrappedList[StationIDItem]) (int, bool, error) {
			got, err := c.GetPublicStationStatus(ctx, StatusSearchRequest{StationIDs: ids})
			return len(got), got == nil, err
		}},
		{"getStationActiveFaults", func(c *Client, ids WrappedList[StationIDItem]) (int, bool, error) {
			got, err := c.GetStationActiveFaults(ctx, ActiveFaultsQuery{StationIDs: ids})
			return len(got), got == nil, err
		}},
	} {
		t.Run(tc.op, func(t *testing.T) {
			fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
				write(w, 200, soapOK(tc.op, ok100+"<moreFlag>0</moreFlag>"))
			})
			c := fs.client(t)
			n, isNil, err := tc.call(c, empty)
			if err != nil || n != 0 || isNil {
				t.Errorf("empty list: %d items (nil %v), %v; want a non-nil empty result", n, isNil, err)
			}
			if len(fs.requests) != 0 {
				t.Errorf("empty list: %d requests, want none", len(fs.requests))
			}
			_, _, err = tc.call(c, nil)
			if tc.op == "getStationActiveFaults" {
				// station_ids is required there: unset cannot mean "every station".
				if err == nil || len(fs.requests) != 0 {
					t.Errorf("unset list: %v after %d requests, want an error and no request", err, len(fs.requests))
				}
				return
			}
			if err != nil || len(fs.requests) != 1 {
				t.Errorf("unset list: %v after %d requests, want one search without IDs", err, len(fs.requests))
			}
		})
	}
}
