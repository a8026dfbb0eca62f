package provider

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/tfreflect"
)

// stateReader is a data source's read, as the server answers ReadDataSource (server.go): from the
// configuration to the state's MessagePack, with its diagnostics. The client is the caller's: a data
// source holds none, so the one value the server keeps per data source serves concurrent reads.
type stateReader interface {
	readState(ctx context.Context, client *cpapi.Client, config tftypes.Value) ([]byte, diag.Diagnostics)
}

var (
	_ stateReader = (*listDataSource[struct{}, struct{}])(nil)
	_ stateReader = (*singleDataSource[struct{}, struct{}])(nil)
)

func (d *listDataSource[Q, T]) readState(ctx context.Context, client *cpapi.Client, config tftypes.Value) ([]byte, diag.Diagnostics) {
	var diags diag.Diagnostics
	items, ok := d.read(ctx, client, config, &diags)
	return writeState(&diags, ok, d.name, d.operation, func(nf *tfreflect.NonFinite) ([]byte, error) {
		return tfreflect.AppendObjectMsgpack(nil, config, d.output, reflect.ValueOf(items), nf)
	})
}

func (d *singleDataSource[Q, T]) readState(ctx context.Context, client *cpapi.Client, config tftypes.Value) ([]byte, diag.Diagnostics) {
	var diags diag.Diagnostics
	item, ok := d.read(ctx, client, config, &diags)
	return writeState(&diags, ok, d.name, d.operation, func(nf *tfreflect.NonFinite) ([]byte, error) {
		return tfreflect.AppendItemObjectMsgpack(nil, config, reflect.ValueOf(item).Elem(), nf)
	})
}

// writeState ends a read that found what it asked for (ok): the state that write encodes, or the error
// that kept it from being written, and a warning per attribute whose numbers became null.
func writeState(diags *diag.Diagnostics, ok bool, name, operation string, write func(*tfreflect.NonFinite) ([]byte, error)) ([]byte, diag.Diagnostics) {
	if !ok {
		return nil, *diags
	}
	var nf tfreflect.NonFinite
	state, err := write(&nf)
	if err != nil {
		diags.AddError("Unable to build state", err.Error())
		return nil, *diags
	}
	warnNonFinite(diags, name, operation, nf)
	return state, *diags
}

// read is a list data source's read up to its Go values: the items, in their stable order.
func (d *listDataSource[Q, T]) read(ctx context.Context, client *cpapi.Client, config tftypes.Value, diags *diag.Diagnostics) ([]T, bool) {
	items, _, ok := fetchFromConfig(ctx, client, d.name, d.operation, d.fetch, d.stations, config, diags)
	if ok && d.sort != nil {
		d.sort(items)
	}
	return items, ok
}

// read is a single data source's read up to its Go value: the one item the query matched.
func (d *singleDataSource[Q, T]) read(ctx context.Context, client *cpapi.Client, config tftypes.Value, diags *diag.Diagnostics) (*T, bool) {
	items, inputs, ok := fetchFromConfig(ctx, client, d.name, d.operation, d.fetch, d.stations, config, diags)
	if !ok {
		return nil, false
	}
	if len(items) != 1 {
		diags.AddError(fmt.Sprintf("Expected exactly one %s, found %d", d.noun, len(items)),
			fmt.Sprintf("chargepoint_%s must match exactly one %s; the query %s matched %d. Check the arguments, or use the plural data source to list several.",
				d.name, d.noun, askedFor(inputs), len(items)))
		return nil, false
	}
	return &items[0], true
}

// fetchFromConfig is the first half of every read: decode the configuration into the query, call the
// API and turn its error into one diagnostic naming the query; then warn about the station IDs asked for
// that did not come back (stations, may be nil) and the values a derived attribute could not hold. It
// returns the arguments the query set; ok is false when an error was added.
func fetchFromConfig[Q, T any](ctx context.Context, client *cpapi.Client, name, operation string,
	fetch func(*cpapi.Client, context.Context, Q) ([]T, error), stations *stationRecords[T], config tftypes.Value, diags *diag.Diagnostics,
) (items []T, inputs []tfreflect.SetInput, ok bool) {
	var query Q
	if err := tfreflect.Decode(config, &query); err != nil {
		diags.AddError("Invalid chargepoint_"+name+" arguments", err.Error())
		return nil, nil, false
	}
	inputs = tfreflect.SetInputs(reflect.ValueOf(query))
	items, err := fetch(client, ctx, query)
	if err != nil {
		addAPIError(diags, "chargepoint_"+name, askedFor(inputs), err)
		return nil, inputs, false
	}
	stations.warnMissing(diags, name, operation, inputs, items)
	warnUnparsed(diags, name, operation, items)
	return items, inputs, true
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
