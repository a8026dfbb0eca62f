package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func newStationGroupDataSource() datasource.DataSource {
	return &singleDataSource[cpapi.StationGroupDetailsRequest, cpapi.StationGroupDetails]{
		name:      "station_group",
		operation: "getStationGroupDetails",
		description: "One custom station group: its name, child groups and stations (ChargePoint `getStationGroupDetails`). " +
			"An unknown `sg_id` is an error.",
		noun:  "station group",
		fetch: getStationGroupDetails,
		stations: stationsListed(func(g cpapi.StationGroupDetails) []cpapi.StationGroupStation { return g.Stations },
			func(s cpapi.StationGroupStation) cpapi.String { return s.StationID }, "sg_id"),
	}
}

// getStationGroupDetails adapts the one-group answer to singleDataSource.
func getStationGroupDetails(c *cpapi.Client, ctx context.Context, q cpapi.StationGroupDetailsRequest) ([]cpapi.StationGroupDetails, error) {
	g, err := c.GetStationGroupDetails(ctx, q)
	if err != nil {
		return nil, err
	}
	return []cpapi.StationGroupDetails{g}, nil
}
