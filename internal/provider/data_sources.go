package provider

import "github.com/hashicorp/terraform-plugin-framework/datasource"

// dataSources lists every data source the provider serves.
var dataSources = []func() datasource.DataSource{
	newPublicStationsDataSource,
}
