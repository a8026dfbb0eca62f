package provider

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// NewServer returns the provider server factory that main serves and the acceptance tests use: the
// framework's server, with ReadDataSource answered at the protocol level. Every other RPC (schemas,
// validation, provider configuration, functions) stays with the framework. A data source read skips
// the framework's state post-processing, which does nothing for these schemas (no blocks, no custom
// types: TestFastReadMatchesFramework and TestSchemasHaveNoBlocksOrCustomTypes keep it so) but cost
// most of the CPU of a large read.
func NewServer(version string) func() (tfprotov6.ProviderServer, error) {
	return func() (tfprotov6.ProviderServer, error) {
		p := &chargePointProvider{version: version}
		fw, err := providerserver.NewProtocol6WithError(p)()
		if err != nil {
			return nil, err
		}
		return newServer(fw, p), nil
	}
}

// server wraps the framework's server; each server has its own provider, and so its own client.
type server struct {
	tfprotov6.ProviderServer
	provider *chargePointProvider
	// readers, by data source type name, read for every request: a reader holds no client (it is
	// passed on each read), so one value serves concurrent reads.
	readers map[string]stateReader

	schemaMu    sync.Mutex
	schemaTypes map[string]tftypes.Type // nil until the framework's schema was read without error
}

func newServer(fw tfprotov6.ProviderServer, p *chargePointProvider) *server {
	s := &server{ProviderServer: fw, provider: p, readers: map[string]stateReader{}}
	for _, newDataSource := range dataSources {
		ds := newDataSource()
		var meta datasource.MetadataResponse
		ds.Metadata(context.Background(), datasource.MetadataRequest{ProviderTypeName: "chargepoint"}, &meta)
		if r, ok := ds.(stateReader); ok {
			s.readers[meta.TypeName] = r
		}
	}
	return s
}

// ReadDataSource reads on the protocol-level path when the provider is configured; otherwise (not
// configured, or configuration deferred) the framework answers: a deferred response, or the error
// that the provider is not configured (addNotConfigured). A panic anywhere in a read becomes an error
// diagnostic, with the stack in the logs, instead of a crashed plugin.
func (s *server) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (resp *tfprotov6.ReadDataSourceResponse, err error) {
	defer func() {
		if r := recover(); r != nil {
			tflog.Error(ctx, "panic in ReadDataSource", map[string]any{"data_source": req.TypeName, "panic": fmt.Sprint(r), "stack": string(debug.Stack())})
			resp, err = &tfprotov6.ReadDataSourceResponse{State: req.Config, Diagnostics: []*tfprotov6.Diagnostic{{
				Severity: tfprotov6.DiagnosticSeverityError,
				Summary:  "Internal error in the ChargePoint provider, please report",
				Detail: fmt.Sprintf("Reading %s failed with an internal error: %v\n\nThe stack trace is in the provider's log (TF_LOG=ERROR). "+
					"Please report it at https://github.com/chargepoint-community/terraform-provider-chargepoint/issues.", req.TypeName, r),
			}}}, nil
		}
	}()
	reader, ok := s.readers[req.TypeName]
	client := s.provider.client.Load()
	if !ok || client == nil {
		return s.ProviderServer.ReadDataSource(ctx, req)
	}
	if req.Config == nil {
		return &tfprotov6.ReadDataSourceResponse{Diagnostics: []*tfprotov6.Diagnostic{{
			Severity: tfprotov6.DiagnosticSeverityError, Summary: "Unable to read configuration", Detail: "Terraform sent no configuration for " + req.TypeName + ".",
		}}}, nil
	}
	typ, err := s.schemaType(ctx, req.TypeName)
	if err != nil {
		return nil, err
	}
	config, err := req.Config.Unmarshal(typ)
	if err != nil {
		return &tfprotov6.ReadDataSourceResponse{State: req.Config, Diagnostics: []*tfprotov6.Diagnostic{{
			Severity: tfprotov6.DiagnosticSeverityError, Summary: "Unable to read configuration", Detail: err.Error(),
		}}}, nil
	}
	state, diags := reader.readState(ctx, client, config)
	resp = &tfprotov6.ReadDataSourceResponse{State: req.Config, Diagnostics: toProtoDiagnostics(diags)}
	if !diags.HasError() {
		resp.State = &tfprotov6.DynamicValue{MsgPack: state}
	}
	return resp, nil
}

// schemaType returns the value type of a data source's schema, from the framework's own schema, read
// once; a failure is not kept, so the next read asks again.
func (s *server) schemaType(ctx context.Context, typeName string) (tftypes.Type, error) {
	s.schemaMu.Lock()
	defer s.schemaMu.Unlock()
	if s.schemaTypes == nil {
		resp, err := s.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
		if err != nil {
			return nil, err
		}
		for _, d := range resp.Diagnostics {
			if d.Severity == tfprotov6.DiagnosticSeverityError {
				return nil, fmt.Errorf("reading the provider schema: %s: %s", d.Summary, d.Detail)
			}
		}
		types := make(map[string]tftypes.Type, len(resp.DataSourceSchemas))
		for name, sch := range resp.DataSourceSchemas {
			types[name] = sch.ValueType()
		}
		s.schemaTypes = types
	}
	typ, ok := s.schemaTypes[typeName]
	if !ok {
		return nil, fmt.Errorf("no schema for data source %s", typeName)
	}
	return typ, nil
}

// toProtoDiagnostics converts the diagnostics of a read, which carry no attribute paths.
func toProtoDiagnostics(diags diag.Diagnostics) []*tfprotov6.Diagnostic {
	var out []*tfprotov6.Diagnostic
	for _, d := range diags {
		severity := tfprotov6.DiagnosticSeverityError
		if d.Severity() == diag.SeverityWarning {
			severity = tfprotov6.DiagnosticSeverityWarning
		}
		out = append(out, &tfprotov6.Diagnostic{Severity: severity, Summary: d.Summary(), Detail: d.Detail()})
	}
	return out
}
