package provider

import (
	"context"
	"fmt"
	"math"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ function.Function = distanceFunction{}

// earthRadiusKm is the IUGG mean Earth radius R1 = (2a + b) / 3 of WGS 84, the radius that best
// fits a sphere for great-circle distances.
const earthRadiusKm = 6371.0088

// geoPointAttributeTypes is the shape of every `geo` attribute (cpapi.GeoPoint), so a port's or a
// station's geo can be passed as it is. Terraform drops any other attributes of an object argument
// while converting it to this type, so {name = "HQ", lat = ..., long = ...} works too.
var geoPointAttributeTypes = map[string]attr.Type{
	"lat":  types.Float64Type,
	"long": types.Float64Type,
}

type geoPointArgument struct {
	Lat  types.Float64 `tfsdk:"lat"`
	Long types.Float64 `tfsdk:"long"`
}

func newDistanceFunction() function.Function { return distanceFunction{} }

type distanceFunction struct{}

func (distanceFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "distance"
}

func (distanceFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	point := func(name string) function.ObjectParameter {
		return function.ObjectParameter{
			Name:           name,
			AttributeTypes: geoPointAttributeTypes,
			MarkdownDescription: "A point: an object with `lat` (latitude, -90 to 90) and `long` (longitude, -180 to 180) " +
				"in decimal degrees, such as a port's or a station's `geo`. Other attributes are ignored.",
		}
	}
	resp.Definition = function.Definition{
		Summary: "Great-circle distance in kilometres between two points",
		MarkdownDescription: "Returns the great-circle distance in kilometres between two points on the Earth, " +
			"computed with the haversine formula on a sphere of radius 6371.0088 km (the IUGG mean Earth radius). " +
			"Like any spherical model it can differ from the distance on the WGS 84 ellipsoid by up to about 0.5%. Multiply by 0.621371 for statute miles.",
		Parameters: []function.Parameter{point("a"), point("b")},
		Return:     function.Float64Return{},
	}
}

func (distanceFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var a, b geoPointArgument
	resp.Error = function.ConcatFuncErrors(req.Arguments.Get(ctx, &a, &b))
	if resp.Error != nil {
		return
	}
	latA, longA, err := a.degrees(0)
	if err != nil {
		resp.Error = err
		return
	}
	latB, longB, err := b.degrees(1)
	if err != nil {
		resp.Error = err
		return
	}
	resp.Error = resp.Result.Set(ctx, haversineKm(latA, longA, latB, longB))
}

// degrees returns the point's latitude and longitude, or an error naming the argument at index.
func (p geoPointArgument) degrees(index int64) (lat, long float64, err *function.FuncError) {
	name := [...]string{"a", "b"}[index]
	if p.Lat.IsNull() || p.Long.IsNull() {
		return 0, 0, function.NewArgumentFuncError(index, fmt.Sprintf("%s.lat and %s.long must not be null", name, name))
	}
	lat, long = p.Lat.ValueFloat64(), p.Long.ValueFloat64()
	if lat < -90 || lat > 90 {
		return 0, 0, function.NewArgumentFuncError(index, fmt.Sprintf("%s.lat must be between -90 and 90 degrees, got %v", name, lat))
	}
	if long < -180 || long > 180 {
		return 0, 0, function.NewArgumentFuncError(index, fmt.Sprintf("%s.long must be between -180 and 180 degrees, got %v", name, long))
	}
	return lat, long, nil
}

// haversineKm is the great-circle distance between two points given in decimal degrees.
func haversineKm(lat1, long1, lat2, long2 float64) float64 {
	phi1, phi2 := lat1*math.Pi/180, lat2*math.Pi/180
	dPhi, dLambda := phi2-phi1, (long2-long1)*math.Pi/180
	h := math.Pow(math.Sin(dPhi/2), 2) + math.Cos(phi1)*math.Cos(phi2)*math.Pow(math.Sin(dLambda/2), 2)
	// Rounding can push h a hair above 1 for antipodal points; asin would then return NaN.
	return 2 * earthRadiusKm * math.Asin(math.Sqrt(math.Min(1, h)))
}
