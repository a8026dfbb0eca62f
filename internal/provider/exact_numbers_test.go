package provider

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// TestAccExactNumbers sums and divides last week's session energies (decimals of up to 6 places, as
// the simulator writes them) read through chargepoint_charging_sessions, beside the same arithmetic
// over the same decimals written as HCL literals. The results must be equal, and equal to the exact
// decimal arithmetic at Terraform's precision (512 bits); and the plan right after apply must be
// empty: Terraform 1.11 plans a change to an output computed from float64s, because it holds the
// numbers it reads back from state at full precision.
func TestAccExactNumbers(t *testing.T) {
	testAccPreCheck(t)
	sim := startSimulator(t, simulator.Options{})
	week := sessionsWhere(sim, func(s simulator.Session) bool { return startedIn(s, lastWeek) })
	decimals := make([]string, len(week))
	for i, s := range week {
		decimals[i] = strconv.FormatFloat(s.Energy, 'f', -1, 64) // the simulator's wire text (formatEnergy)
	}
	if n := fractionalWithDigits(decimals, 6); len(week) < 100 || n < 10 {
		t.Fatalf("%d sessions, %d energies with 6 decimal places: the test needs at least 100 and some of 6 places", len(week), n)
	}
	sum, mean := terraformSum(decimals)
	exact := exactSum(decimals)
	if diff := new(big.Float).Sub(sum, exact); diff.Abs(diff).Cmp(big.NewFloat(1e-100)) > 0 {
		t.Fatalf("the expected sum %s is not the exact decimal sum %s", sum.Text('g', 30), exact.Text('g', 30))
	}
	literals := "[" + strings.Join(decimals, ", ") + "]"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProviders,
		Steps: []resource.TestStep{{
			Config: sim.providerConfig() + fmt.Sprintf(`
data "chargepoint_charging_sessions" "week" {
  from_time_stamp = %q
  to_time_stamp   = %q
}

locals {
  energies = [for s in data.chargepoint_charging_sessions.week.sessions : s.energy]
  literals = %s
}

output "sum" {
  value = sum(local.energies)
}

output "mean" {
  value = sum(local.energies) / length(local.energies)
}

output "same_as_literals" {
  value = sum(local.energies) == sum(local.literals) && sum(local.energies) / length(local.energies) == sum(local.literals) / length(local.literals)
}
`, rfc3339(lastWeek[0]), rfc3339(lastWeek[1]), literals),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("sum", knownvalue.NumberExact(sum)),
				statecheck.ExpectKnownOutputValue("mean", knownvalue.NumberExact(mean)),
				statecheck.ExpectKnownOutputValue("same_as_literals", knownvalue.Bool(true)),
			},
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
			},
		}},
	})
}

// terraformSum computes what Terraform's sum() and "/" give for the decimals written as literals: each
// parsed at 512 bits, added in order, divided by their count.
func terraformSum(decimals []string) (sum, mean *big.Float) {
	sum = new(big.Float)
	for _, d := range decimals {
		n, _, err := big.ParseFloat(d, 10, 512, big.ToNearestEven)
		if err != nil {
			panic(err)
		}
		sum = new(big.Float).Add(sum, n)
	}
	mean = new(big.Float).Quo(sum, new(big.Float).SetInt64(int64(len(decimals))))
	return sum, mean
}

// exactSum is the decimals' sum in exact rational arithmetic.
func exactSum(decimals []string) *big.Float {
	sum := new(big.Rat)
	for _, d := range decimals {
		r, ok := new(big.Rat).SetString(d)
		if !ok {
			panic(d)
		}
		sum.Add(sum, r)
	}
	return new(big.Float).SetPrec(512).SetRat(sum)
}

func fractionalWithDigits(decimals []string, digits int) int {
	n := 0
	for _, d := range decimals {
		if _, frac, ok := strings.Cut(d, "."); ok && len(frac) == digits {
			n++
		}
	}
	return n
}
