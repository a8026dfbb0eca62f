package tfreflect

import (
	"math"
	"strings"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// NonFinite counts, per attribute path (list indexes left out: "stations.ports.power"), the NaN and ±Inf
// numbers that were turned into null, since Terraform numbers cannot hold them.
type NonFinite map[string]int

// number is the one rule by which a valid cpapi.Float becomes a Terraform number, in the value tree
// (Value) and in MessagePack (msgpack.go) alike: its decimal as ChargePoint sent it (plain notation,
// kept exact) when it has one, else its float64. finite is false for NaN and ±Inf, which Terraform
// numbers cannot hold: the number is null, and counted in nf (when nf is not nil) at path.
func (nf *NonFinite) number(x cpapi.Float, path []string) (decimal string, f float64, finite bool) {
	if d := x.Decimal(); d != "" { // a plain decimal is finite
		return d, x.Value, true
	}
	if math.IsNaN(x.Value) || math.IsInf(x.Value, 0) {
		if nf != nil {
			if *nf == nil {
				*nf = NonFinite{}
			}
			(*nf)[strings.Join(path, ".")]++
		}
		return "", x.Value, false
	}
	return "", x.Value, true
}
