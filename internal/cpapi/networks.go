package cpapi

import "context"

// ChargePoint network instances: getCPNInstances (API guide §4.1), the one response without a
// responseCode.

var opGetCPNInstances = operation{name: "getCPNInstances"}

// CPNInstancesRequest is the empty getCPNInstances request.
type CPNInstancesRequest struct{}

// Network is ocpninstances: one ChargePoint network (CPN), whose ID prefixes station and org IDs.
type Network struct {
	CpnID          String `xml:"cpnID" desc:"Network ID: the CPNID prefix of station and organization IDs (for example \"1\" in \"1:81203\")."`
	CpnName        String `xml:"cpnName" desc:"Network name, for example \"NA\"."`
	CpnDescription String `xml:"cpnDescription" desc:"Network description, for example \"ChargePoint Operations\"."`
}

type getCPNInstancesResponse struct {
	Networks []Network `xml:"CPN"`
}

// GetCPNInstances lists the ChargePoint networks.
func (c *Client) GetCPNInstances(ctx context.Context, q CPNInstancesRequest) ([]Network, error) {
	var resp getCPNInstancesResponse
	if err := c.call(ctx, opGetCPNInstances, q, &resp); err != nil {
		return nil, err
	}
	return resp.Networks, nil
}
