package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
)

func TestResolvePaging(t *testing.T) {
	env := func(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }
	for _, tc := range []struct {
		name              string
		cfg               providerModel
		vars              map[string]string
		concurrent, recs  int64
		wantErr, errNames string
	}{
		{name: "defaults", concurrent: soap.DefaultMaxConcurrentRequests, recs: cpapi.DefaultMaxRecords},
		{name: "from the environment", vars: map[string]string{envMaxConcurrentRequests: "8", envMaxRecords: "200000"}, concurrent: 8, recs: 200000},
		{
			name: "attributes win over the environment",
			cfg:  providerModel{MaxConcurrentRequests: types.Int64Value(1), MaxRecords: types.Int64Value(5)},
			vars: map[string]string{envMaxConcurrentRequests: "8", envMaxRecords: "200000"}, concurrent: 1, recs: 5,
		},
		{name: "not a number", vars: map[string]string{envMaxConcurrentRequests: "four"}, wantErr: `CHARGEPOINT_MAX_CONCURRENT_REQUESTS="four" is not a whole number`, errNames: "(it sets max_concurrent_requests)"},
		{name: "records not a number", vars: map[string]string{envMaxRecords: "1e6"}, wantErr: `CHARGEPOINT_MAX_RECORDS="1e6" is not a whole number`, errNames: "(it sets max_records)"},
		{name: "zero in flight", vars: map[string]string{envMaxConcurrentRequests: "0"}, wantErr: "max_concurrent_requests is 0", errNames: "between 1 and 32"},
		{name: "too many in flight", cfg: providerModel{MaxConcurrentRequests: types.Int64Value(33)}, wantErr: "max_concurrent_requests is 33", errNames: "between 1 and 32"},
		{name: "no records", cfg: providerModel{MaxRecords: types.Int64Value(0)}, wantErr: "max_records is 0", errNames: "at least 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := resolvePaging(tc.cfg, env(tc.vars))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), tc.errNames) {
					t.Fatalf("err = %v, want %q and %q", err, tc.wantErr, tc.errNames)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if int64(got.MaxConcurrentRequests) != tc.concurrent || got.MaxRecords != tc.recs {
				t.Errorf("got %d in flight, %d records; want %d, %d", got.MaxConcurrentRequests, got.MaxRecords, tc.concurrent, tc.recs)
			}
		})
	}
}
