// Package provider implements the chargepoint Terraform provider on terraform-plugin-framework.
package provider

import (
	"context"
	"fmt"
	"os"
	"sort"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

var _ provider.ProviderWithFunctions = (*chargePointProvider)(nil)

// New returns a constructor for the provider at the given version (set by the release build).
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &chargePointProvider{version: version} }
}

type chargePointProvider struct {
	version string
	// client is the one the last Configure built, for the protocol-level read path (server.go).
	client atomic.Pointer[cpapi.Client]
}

type providerModel struct {
	LicenseKey types.String `tfsdk:"license_key"`
	Password   types.String `tfsdk:"password"`
	Region     types.String `tfsdk:"region"`
	Endpoint   types.String `tfsdk:"endpoint"`

	MaxRetries     types.Int64  `tfsdk:"max_retries"`
	RequestTimeout types.String `tfsdk:"request_timeout"`
	CACertFile     types.String `tfsdk:"ca_cert_file"`
	CACertPEM      types.String `tfsdk:"ca_cert_pem"`

	MaxConcurrentRequests types.Int64 `tfsdk:"max_concurrent_requests"`
	MaxRecords            types.Int64 `tfsdk:"max_records"`
}

// Environment variables read when the matching attribute is not set.
const (
	envLicenseKey = "CHARGEPOINT_LICENSE_KEY"
	envPassword   = "CHARGEPOINT_PASSWORD"
	envRegion     = "CHARGEPOINT_REGION"
	envEndpoint   = "CHARGEPOINT_ENDPOINT"
)

func (p *chargePointProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "chargepoint"
	resp.Version = p.version
}

func (p *chargePointProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Reads charging-station data from the ChargePoint Web Services API 5.1 (SOAP). " +
			"Authenticate with an API license key and its generated API password (ChargePoint portal: Organizations > API Info). " +
			"Requests go through the proxy named by the `HTTPS_PROXY` (or `https_proxy`) environment variable, except to the hosts " +
			"listed in `NO_PROXY`; to trust a proxy's own CA, set `ca_cert_file` or `ca_cert_pem`.",
		Attributes: map[string]schema.Attribute{
			"license_key": schema.StringAttribute{
				MarkdownDescription: "API license key (the WS-Security username). Defaults to the `" + envLicenseKey + "` environment variable.",
				Optional:            true,
				Sensitive:           true,
			},
			"password": schema.StringAttribute{
				MarkdownDescription: "API password generated for the license key. Defaults to the `" + envPassword + "` environment variable.",
				Optional:            true,
				Sensitive:           true,
			},
			"region": schema.StringAttribute{
				MarkdownDescription: "ChargePoint region whose Web Services host to use: `NA` (default, webservices.chargepoint.com), " +
					"`CA` (webservices-ca.chargepoint.com) or `EU` (webservices-eu.chargepoint.com). Credentials are per region. " +
					"Defaults to the `" + envRegion + "` environment variable. Conflicts with `endpoint`.",
				Optional: true,
				Validators: []validator.String{
					stringvalidator.OneOf(cpapi.RegionCodes()...),
					stringvalidator.ConflictsWith(path.MatchRoot("endpoint")),
				},
			},
			"endpoint": schema.StringAttribute{
				MarkdownDescription: "Full URL of the 5.1 SOAP endpoint, overriding `region`. Must be `https://`; plain `http://` is " +
					"accepted only for loopback hosts (a local simulator), because the credentials travel in the request body. " +
					"Defaults to the `" + envEndpoint + "` environment variable.",
				Optional:   true,
				Validators: []validator.String{endpointValidator},
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: "How many times a failed request is retried (the provider only reads, so a retry is always safe). " +
					"Default `3`; `0` turns retries off. Retried: network errors (connection reset or refused, a connection closed " +
					"before the response ended), HTTP 429, 502, 503 and 504, an HTTP 500 without a SOAP fault, and SOAP `Server` faults. " +
					"The wait before retry n is exponential with jitter (0.5–1 s, 1–2 s, 2–4 s, then at most 8 s), or the server's " +
					"`Retry-After` (seconds or an HTTP date, at most 20 s). Never retried: authentication faults, SOAP `Client` faults, " +
					"ChargePoint responseCodes, TLS and certificate errors, a `request_timeout` and cancellation (Ctrl-C). One call, " +
					"retries included, gives up after 110 s (or `request_timeout`, if longer); the error says how many attempts were made, " +
					"and each retry is logged at WARN with its reason (`TF_LOG_PROVIDER_CHARGEPOINT_API=WARN`). " +
					"Defaults to the `" + envMaxRetries + "` environment variable.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, maxMaxRetries)},
			},
			"request_timeout": schema.StringAttribute{
				MarkdownDescription: "Longest time one request may take, from sending it to the last byte of the response body, as a " +
					"duration such as `30s` or `2m`. Default `30s`. A server that stalls fails the read with an error naming the " +
					"operation; a timed-out request is not retried. Defaults to the `" + envRequestTimeout + "` environment variable.",
				Optional:   true,
				Validators: []validator.String{durationValidator},
			},
			"ca_cert_file": schema.StringAttribute{
				MarkdownDescription: "Path of a PEM file of CA certificates to trust in addition to the system roots, for example the CA " +
					"of a corporate proxy that inspects TLS. Certificates are always verified and TLS 1.2 is the minimum. " +
					"Defaults to the `" + envCACertFile + "` environment variable. (`SSL_CERT_FILE`, by contrast, replaces the system roots.)",
				Optional: true,
			},
			"ca_cert_pem": schema.StringAttribute{
				MarkdownDescription: "PEM-encoded CA certificates to trust in addition to the system roots: `ca_cert_file` inline " +
					"(for example `file(\"corp-ca.pem\")` or a variable). May be combined with `ca_cert_file`.",
				Optional:   true,
				Validators: []validator.String{pemValidator},
			},
			"max_concurrent_requests": schema.Int64Attribute{
				MarkdownDescription: pagingDescriptionConcurrent,
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(1, maxMaxConcurrentRequests)},
			},
			"max_records": schema.Int64Attribute{
				MarkdownDescription: pagingDescriptionRecords,
				Optional:            true,
				Validators:          []validator.Int64{int64validator.AtLeast(minMaxRecords)},
			},
		},
	}
}

func (p *chargePointProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if unknown := unknownAttributes(cfg); len(unknown) > 0 {
		if req.ClientCapabilities.DeferralAllowed {
			resp.Deferred = &provider.Deferred{Reason: provider.DeferredReasonProviderConfigUnknown}
			return
		}
		for _, name := range unknown {
			resp.Diagnostics.AddAttributeError(path.Root(name), "Unknown ChargePoint provider "+name,
				"The provider cannot create the ChargePoint client because "+name+" depends on a value that is not known until apply. "+
					"Set it from a value known at plan time (a literal, a variable or its environment variable), or apply the resource it comes from first (-target).")
		}
		return
	}

	settings := resolveSettings(cfg, os.Getenv)
	for _, missing := range settings.missing() {
		resp.Diagnostics.AddAttributeError(path.Root(missing.attribute), "Missing ChargePoint "+missing.attribute,
			fmt.Sprintf("Set %s in the provider block or the %s environment variable. %s", missing.attribute, missing.env, credentialsHint))
	}
	if resp.Diagnostics.HasError() {
		return
	}
	endpoint, err := settings.endpoint()
	if err != nil {
		resp.Diagnostics.AddError("Invalid ChargePoint endpoint", err.Error())
		return
	}
	resilience, err := resolveResilience(cfg, os.Getenv, os.ReadFile) // MaxRetries, RequestTimeout, RootCAs
	if err != nil {
		resp.Diagnostics.AddError("Invalid ChargePoint provider configuration", err.Error())
		return
	}
	pagingSettings, err := resolvePaging(cfg, os.Getenv) // MaxConcurrentRequests, MaxRecords
	if err != nil {
		resp.Diagnostics.AddError("Invalid ChargePoint provider configuration", err.Error())
		return
	}
	client, err := cpapi.New(cpapi.Config{
		Endpoint:       endpoint,
		LicenseKey:     settings.licenseKey,
		Password:       settings.password,
		UserAgent:      cpapi.UserAgent(req.TerraformVersion, p.version),
		MaxRetries:     resilience.MaxRetries,
		RequestTimeout: resilience.RequestTimeout,
		RootCAs:        resilience.RootCAs,

		MaxConcurrentRequests: pagingSettings.MaxConcurrentRequests,
		MaxRecords:            pagingSettings.MaxRecords,
	})
	if err != nil {
		resp.Diagnostics.AddError("Unable to create the ChargePoint client", err.Error())
		return
	}
	// The server reads every data source with this client (server.go): no data source is handed one.
	// Resources, actions and list resources are the framework's, and get it from their Configure.
	p.client.Store(client)
	resp.ResourceData, resp.ActionData, resp.ListResourceData = client, client, client
}

const credentialsHint = "Use the API license key and its generated API password from Organizations > API Info in the ChargePoint portal."

func unknownAttributes(cfg providerModel) []string {
	var names []string
	for name, v := range map[string]types.String{"license_key": cfg.LicenseKey, "password": cfg.Password, "region": cfg.Region, "endpoint": cfg.Endpoint,
		"request_timeout": cfg.RequestTimeout, "ca_cert_file": cfg.CACertFile, "ca_cert_pem": cfg.CACertPEM} {
		if v.IsUnknown() {
			names = append(names, name)
		}
	}
	if cfg.MaxRetries.IsUnknown() {
		names = append(names, "max_retries")
	}
	if cfg.MaxConcurrentRequests.IsUnknown() {
		names = append(names, "max_concurrent_requests")
	}
	if cfg.MaxRecords.IsUnknown() {
		names = append(names, "max_records")
	}
	sort.Strings(names)
	return names
}

func (p *chargePointProvider) Resources(context.Context) []func() resource.Resource { return resources }

func (p *chargePointProvider) DataSources(context.Context) []func() datasource.DataSource {
	return dataSources
}

func (p *chargePointProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{newDistanceFunction}
}
