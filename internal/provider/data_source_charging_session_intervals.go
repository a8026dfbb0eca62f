package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func newChargingSessionIntervalsDataSource() datasource.DataSource {
	return &singleDataSource[cpapi.SessionIntervalsRequest, cpapi.SessionIntervals]{
		name:      "charging_session_intervals",
		operation: "get15minChargingSessionData",
		description: "Energy and power of one charging session in 15-minute intervals (ChargePoint `get15minChargingSessionData`). " +
			"An unknown session is an error.",
		noun:  "session",
		fetch: get15minChargingSessionData,
	}
}

func get15minChargingSessionData(c *cpapi.Client, ctx context.Context, q cpapi.SessionIntervalsRequest) ([]cpapi.SessionIntervals, error) {
	s, err := c.Get15minChargingSessionData(ctx, q)
	if err != nil {
		return nil, err
	}
	return []cpapi.SessionIntervals{s}, nil
}
