package provider

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/tfreflect"
)

// stateReader is a data source that can answer ReadDataSource at the protocol level (server.go): from
// the configuration to the state's MessagePack, with the diagnostics the framework path would give.
type stateReader interface {
	readState(ctx context.Context, client *cpapi.Client, config tftypes.Value) ([]byte, diag.Diagnostics)
}

var (
	_ stateReader = (*listDataSource[struct{}, struct{}])(nil)
	_ stateReader = (*singleDataSource[struct{}, struct{}])(nil)
)

func (d *listDataSource[Q, T]) readState(ctx context.Context, client *cpapi.Client, config tftypes.Value) ([]byte, diag.Diagnostics) {
	var diags diag.Diagnostics
	items, ok := fetchFromConfig(ctx, client, d.name, d.operation, d.fetch, d.stations, config, &diags)
	if !ok {
		return nil, diags
	}
	if d.sort != nil {
		d.sort(items)
	}
	var attrs map[string]tftypes.Value
	if err := config.As(&attrs); err != nil {
		diags.AddError("Unable to build state", err.Error())
		return nil, diags
	}
	objType, ok := config.Type().(tftypes.Object)
	if !ok {
		diags.AddError("Unable to build state", fmt.Sprintf("configuration of %s is a %s, not an object", d.name, config.Type()))
		return nil, diags
	}
	var nf tfreflect.NonFinite
	state, err := tfreflect.AppendObjectMsgpack(nil, objType, attrs, d.output, reflect.ValueOf(items), &nf)
	if err != nil {
		diags.AddError("Unable to build state", err.Error())
		return nil, diags
	}
	warnNonFinite(&diags, d.name, d.operation, nf)
	return state, diags
}

func (d *singleDataSource[Q, T]) readState(ctx context.Context, client *cpapi.Client, config tftypes.Value) ([]byte, diag.Diagnostics) {
	var diags diag.Diagnostics
	state, ok := d.read(ctx, client, config, &diags)
	if !ok {
		return nil, diags
	}
	dv, err := tfprotov6.NewDynamicValue(config.Type(), state)
	if err != nil {
		diags.AddError("Unable to build state", err.Error())
		return nil, diags
	}
	return dv.MsgPack, diags
}

// warnNonFinite adds one warning per attribute whose numbers were NaN or infinite and became null.
func warnNonFinite(diags *diag.Diagnostics, name, operation string, nf tfreflect.NonFinite) {
	paths := make([]string, 0, len(nf))
	for p := range nf {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		diags.AddWarning(fmt.Sprintf("ChargePoint %s sent numbers Terraform cannot hold", operation),
			fmt.Sprintf("chargepoint_%s: %d value(s) of %s were not finite numbers (NaN or Infinity); they are null in the state.",
				name, nf[p], strings.ReplaceAll(p, ".", " > ")))
	}
}
