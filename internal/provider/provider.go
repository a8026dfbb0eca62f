// Package provider implements the chargepoint Terraform provider on terraform-plugin-framework.
package provider

import (
	"context"
	"fmt"
	"os"
	"sort"

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
}

type providerModel struct {
	LicenseKey types.String `tfsdk:"license_key"`
	Password   types.String `tfsdk:"password"`
	Region     types.String `tfsdk:"region"`
	Endpoint   types.String `tfsdk:"endpoint"`
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
			"Authenticate with an API license key and its generated API password (ChargePoint portal: Organizations > API Info).",
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
				Validators: []validator.String{endpointValidator{}},
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
	client, err := cpapi.New(cpapi.Config{
		Endpoint:   endpoint,
		LicenseKey: settings.licenseKey,
		Password:   settings.password,
		UserAgent:  fmt.Sprintf("terraform-provider-chargepoint/%s terraform/%s", p.version, req.TerraformVersion),
	})
	if err != nil {
		resp.Diagnostics.AddError("Unable to create the ChargePoint client", err.Error())
		return
	}
	resp.DataSourceData = client
	resp.ResourceData = client
}

const credentialsHint = "Use the API license key and its generated API password from Organizations > API Info in the ChargePoint portal."

func unknownAttributes(cfg providerModel) []string {
	var names []string
	for name, v := range map[string]types.String{"license_key": cfg.LicenseKey, "password": cfg.Password, "region": cfg.Region, "endpoint": cfg.Endpoint} {
		if v.IsUnknown() {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

func (p *chargePointProvider) Resources(context.Context) []func() resource.Resource { return nil }

func (p *chargePointProvider) DataSources(context.Context) []func() datasource.DataSource {
	return dataSources
}

func (p *chargePointProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{newDistanceFunction}
}
