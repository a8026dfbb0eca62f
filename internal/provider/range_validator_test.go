package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestTimeWindow(t *testing.T) {
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"from": schema.StringAttribute{Optional: true},
		"to":   schema.StringAttribute{Optional: true},
	}}
	unknown := tftypes.NewValue(tftypes.String, tftypes.UnknownValue)
	null := tftypes.NewValue(tftypes.String, nil)
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	for name, tc := range map[string]struct {
		from, to tftypes.Value
		err      string
	}{
		"ordered":               {str("2026-11-13T12:00:00Z"), str("2026-11-20T12:00:00Z"), ""},
		"one instant":           {str("2026-11-20T12:00:00Z"), str("2026-11-20T12:00:00Z"), ""},
		"same instant, offsets": {str("2026-11-20T13:00:00+01:00"), str("2026-11-20T12:00:00Z"), ""},
		"reversed":              {str("2026-11-20T12:00:01Z"), str("2026-11-20T12:00:00Z"), "from (2026-11-20T12:00:01Z) is after to (2026-11-20T12:00:00Z)"},
		"reversed by offsets":   {str("2026-11-20T12:30:00+00:00"), str("2026-11-20T13:00:00+01:00"), "from (2026-11-20T12:30:00Z) is after to"},
		"from null":             {null, str("2026-11-20T12:00:00Z"), ""},
		"to null":               {str("2026-11-20T12:00:00Z"), null, ""},
		"from unknown":          {unknown, str("2000-01-01T00:00:00Z"), ""},
		"to unknown":            {str("2026-11-20T12:00:00Z"), unknown, ""},
		// A malformed value is the RFC 3339 attribute validator's to report, once.
		"malformed": {str("tomorrow"), str("2000-01-01T00:00:00Z"), ""},
	} {
		t.Run(name, func(t *testing.T) {
			config := tfsdk.Config{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(context.Background()),
				map[string]tftypes.Value{"from": tc.from, "to": tc.to})}
			var resp datasource.ValidateConfigResponse
			timeWindow("from", "to").ValidateDataSource(context.Background(), datasource.ValidateConfigRequest{Config: config}, &resp)
			switch {
			case tc.err == "" && resp.Diagnostics.HasError():
				t.Errorf("unexpected error: %v", resp.Diagnostics)
			case tc.err != "" && (resp.Diagnostics.ErrorsCount() != 1 || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), tc.err)):
				t.Errorf("diagnostics %v, want one error containing %q", resp.Diagnostics, tc.err)
			}
		})
	}
}

func TestDateRange(t *testing.T) {
	rangeType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"start_date": tftypes.String, "end_date": tftypes.String}}
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"r": schema.SingleNestedAttribute{Optional: true, Attributes: map[string]schema.Attribute{
			"start_date": schema.StringAttribute{Optional: true},
			"end_date":   schema.StringAttribute{Optional: true},
		}},
	}}
	null := tftypes.NewValue(tftypes.String, nil)
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	dates := func(start, end tftypes.Value) tftypes.Value {
		return tftypes.NewValue(rangeType, map[string]tftypes.Value{"start_date": start, "end_date": end})
	}
	for name, tc := range map[string]struct {
		r   tftypes.Value
		err string
	}{
		"ordered":    {dates(str("2024-01-01"), str("2024-12-31")), ""},
		"one day":    {dates(str("2024-01-31"), str("2024-01-31")), ""},
		"reversed":   {dates(str("2024-02-01"), str("2024-01-31")), "r.start_date (2024-02-01) is after r.end_date (2024-01-31): the range would be empty."},
		"open end":   {dates(str("2024-02-01"), null), ""},
		"malformed":  {dates(str("2024-13-01"), str("2024-01-31")), ""},
		"range null": {tftypes.NewValue(rangeType, nil), ""},
	} {
		t.Run(name, func(t *testing.T) {
			config := tfsdk.Config{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(context.Background()),
				map[string]tftypes.Value{"r": tc.r})}
			var resp datasource.ValidateConfigResponse
			dateRange("r").ValidateDataSource(context.Background(), datasource.ValidateConfigRequest{Config: config}, &resp)
			switch {
			case tc.err == "" && resp.Diagnostics.HasError():
				t.Errorf("unexpected error: %v", resp.Diagnostics)
			case tc.err != "" && (resp.Diagnostics.ErrorsCount() != 1 || resp.Diagnostics.Errors()[0].Detail() != tc.err):
				t.Errorf("diagnostics %v, want one error %q", resp.Diagnostics, tc.err)
			}
		})
	}
}
