package tfreflect

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// station_ids = [] and an unset station_ids must stay distinguishable: [] decodes to a non-nil empty
// list ("no stations"), null to nil ("no filter").
func TestDecodeKeepsEmptyListApartFromNull(t *testing.T) {
	type query struct {
		IDs cpapi.WrappedList[cpapi.StationIDItem] `xml:"stationIDs"`
	}
	list := tftypes.List{ElementType: tftypes.String}
	obj := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"station_ids": list}}
	for name, tc := range map[string]struct {
		value   tftypes.Value
		wantNil bool
		wantLen int
	}{
		"null":  {tftypes.NewValue(list, nil), true, 0},
		"empty": {tftypes.NewValue(list, []tftypes.Value{}), false, 0},
		"one":   {tftypes.NewValue(list, []tftypes.Value{tftypes.NewValue(tftypes.String, "1:1")}), false, 1},
	} {
		var q query
		if err := Decode(tftypes.NewValue(obj, map[string]tftypes.Value{"station_ids": tc.value}), &q); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if (q.IDs == nil) != tc.wantNil || len(q.IDs) != tc.wantLen {
			t.Errorf("%s: decoded %#v", name, q.IDs)
		}
	}
}
