package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func newLoadDataSource() datasource.DataSource {
	return &singleDataSource[cpapi.LoadQuery, cpapi.Load]{
		name:      "load",
		operation: "getLoad",
		description: "Live load and shed state of a custom station group, a station or the station of a charging session, " +
			"with the load of each port (ChargePoint `getLoad`). Set exactly one of `sg_id`, `station_id` and `session_id`. " +
			"Group-level attributes are null or empty unless the query is by `sg_id`. An unknown group, station or session is an error.",
		noun:  "load report",
		fetch: getLoad,
		stations: stationsListed(func(l cpapi.Load) []cpapi.LoadStation { return l.Stations },
			func(s cpapi.LoadStation) cpapi.String { return s.StationID }),
		// ChargePoint answers 182 unless exactly one selector is set; say so before any call.
		configValidators: []datasource.ConfigValidator{
			datasourcevalidator.ExactlyOneOf(path.MatchRoot("sg_id"), path.MatchRoot("station_id"), path.MatchRoot("session_id")),
		},
	}
}

func getLoad(c *cpapi.Client, ctx context.Context, q cpapi.LoadQuery) ([]cpapi.Load, error) {
	load, err := c.GetLoad(ctx, q)
	if err != nil {
		return nil, err
	}
	return []cpapi.Load{load}, nil
}
