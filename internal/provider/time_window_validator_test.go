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
