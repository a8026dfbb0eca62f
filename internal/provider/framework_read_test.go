package provider

import (
	"context"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/tfreflect"
)

// The framework path, the oracle of the protocol-level read: the framework's own ReadDataSource, with
// data sources whose Read builds the state as a tftypes value tree (tfreflect.Value) and leaves its
// conversion to the framework (state post-processing, then terraform-plugin-go's MessagePack). Production
// reads on the protocol-level path (read.go); TestFastReadMatchesFramework and its siblings require
// the two paths to give the same state and the same diagnostics.

// frameworkPath returns the framework's own server for srv's provider, configured with srv's client,
// whose data sources read on the framework path.
func frameworkPath(t testing.TB, srv *server) tfprotov6.ProviderServer {
	t.Helper()
	client := srv.provider.client.Load()
	if client == nil {
		t.Fatal("frameworkPath: the server is not configured")
	}
	fw, err := providerserver.NewProtocol6WithError(&frameworkProvider{chargePointProvider: srv.provider, client: client})()
	if err != nil {
		t.Fatal(err)
	}
	configureProvider(t, fw, nil)
	return fw
}

// frameworkProvider is the provider whose data sources read on the framework path, with a client
// already built.
type frameworkProvider struct {
	*chargePointProvider
	client *cpapi.Client
}

func (p *frameworkProvider) Configure(_ context.Context, _ provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	resp.DataSourceData = p.client
}

func (p *frameworkProvider) DataSources(context.Context) []func() datasource.DataSource {
	out := make([]func() datasource.DataSource, len(dataSources))
	for i, newDataSource := range dataSources {
		out[i] = func() datasource.DataSource {
			ds := newDataSource()
			return &frameworkDataSource{DataSourceWithConfigValidators: ds.(datasource.DataSourceWithConfigValidators), reader: ds.(frameworkReader)}
		}
	}
	return out
}

// frameworkReader is a data source's read on the framework path: the state as a value tree.
type frameworkReader interface {
	frameworkRead(ctx context.Context, client *cpapi.Client, config tftypes.Value, diags *diag.Diagnostics) (tftypes.Value, bool)
}

// frameworkDataSource is a production data source (Metadata, Schema, ConfigValidators) with the
// framework path's Configure and Read.
type frameworkDataSource struct {
	datasource.DataSourceWithConfigValidators
	reader frameworkReader
	client *cpapi.Client
}

func (d *frameworkDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, _ *datasource.ConfigureResponse) {
	d.client, _ = req.ProviderData.(*cpapi.Client)
}

func (d *frameworkDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if d.client == nil {
		addNotConfigured(&resp.Diagnostics)
		return
	}
	if state, ok := d.reader.frameworkRead(ctx, d.client, req.Config.Raw, &resp.Diagnostics); ok {
		resp.State.Raw = state
	}
}

// frameworkRead: the configuration as given, with the output attribute set to the items.
func (d *listDataSource[Q, T]) frameworkRead(ctx context.Context, client *cpapi.Client, config tftypes.Value, diags *diag.Diagnostics) (tftypes.Value, bool) {
	items, ok := d.read(ctx, client, config, diags)
	if !ok {
		return tftypes.Value{}, false
	}
	var attrs map[string]tftypes.Value
	if err := config.As(&attrs); err != nil {
		diags.AddError("Unable to build state", err.Error())
		return tftypes.Value{}, false
	}
	var nf tfreflect.NonFinite
	attrs[d.output] = tfreflect.Value(reflect.ValueOf(items), &nf, d.output)
	warnNonFinite(diags, d.name, d.operation, nf)
	return tftypes.NewValue(config.Type(), attrs), true
}

// frameworkRead: the configuration as given, with the one item's attributes filled in where the
// configuration leaves them null.
func (d *singleDataSource[Q, T]) frameworkRead(ctx context.Context, client *cpapi.Client, config tftypes.Value, diags *diag.Diagnostics) (tftypes.Value, bool) {
	item, ok := d.read(ctx, client, config, diags)
	if !ok {
		return tftypes.Value{}, false
	}
	var attrs, itemAttrs map[string]tftypes.Value
	if err := config.As(&attrs); err != nil {
		diags.AddError("Unable to build state", err.Error())
		return tftypes.Value{}, false
	}
	var nf tfreflect.NonFinite
	if err := tfreflect.Value(reflect.ValueOf(*item), &nf).As(&itemAttrs); err != nil {
		diags.AddError("Unable to build state", err.Error())
		return tftypes.Value{}, false
	}
	for name, v := range itemAttrs {
		if attrs[name].IsNull() { // an input the user set keeps its configured value
			attrs[name] = v
		}
	}
	warnNonFinite(diags, d.name, d.operation, nf)
	return tftypes.NewValue(config.Type(), attrs), true
}
