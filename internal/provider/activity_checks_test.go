package provider

import (
	"fmt"
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/simulator"
)

// Helpers of the users, transactions, fleet vehicles and fleet usage acceptance tests.

// attrPath builds a state path from attribute names and list indexes: attrPath("users", 0, "user_id").
func attrPath(steps ...any) tfjsonpath.Path {
	p := tfjsonpath.New(steps[0].(string))
	for _, s := range steps[1:] {
		switch s := s.(type) {
		case int:
			p = p.AtSliceIndex(s)
		case string:
			p = p.AtMapKey(s)
		}
	}
	return p
}

// timestamp is the RFC 3339 state value of a simulator time; the zero time is absent (null).
func timestamp(t time.Time) knownvalue.Check {
	if t.IsZero() {
		return knownvalue.Null()
	}
	return knownvalue.StringExact(t.UTC().Format(time.RFC3339))
}

// optional is a string the simulator leaves out when it is empty.
func optional(s string) knownvalue.Check {
	if s == "" {
		return knownvalue.Null()
	}
	return knownvalue.StringExact(s)
}

// decimals is the number a value sent with a fixed number of decimals reads back as (money: 2).
func decimals(v float64, n int) knownvalue.Check {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', n, 64), 64)
	return knownvalue.Float64Exact(f)
}

func seconds(d time.Duration) knownvalue.Check {
	return knownvalue.Int64Exact(int64(math.Round(d.Seconds())))
}

// pageSizes returns a page size that makes the last of several pages exactly full, and one that leaves
// it short, for n records (n >= 3): at least three pages each when n allows it.
func pageSizes(t *testing.T, n int) (exact, short int) {
	if n < 3 {
		t.Fatalf("%d records are too few for a paging test", n)
	}
	for exact = n / 3; n%exact != 0; exact-- {
	}
	short = n - 1 // two pages, the second of one record, when no smaller size leaves a remainder
	for p := (n - 1) / 2; p >= 1; p-- {
		if n%p != 0 {
			short = p
			break
		}
	}
	return exact, short
}

// testAccPaging reads a data source whose query matches every record through the simulator with
// small pages (one size whose last page is exactly full, one whose last page is not) and checks that
// the list holds every record, in order. want gives the expected id attribute values, in order.
func testAccPaging(t *testing.T, dataSource, op, output, idAttr string, want func(*testSim) []knownvalue.Check) {
	n := len(want(startSimulator(t, simulator.Options{Stations: 20})))
	exact, short := pageSizes(t, n)
	for _, size := range []int{exact, short} {
		t.Run(fmt.Sprintf("pages of %d", size), func(t *testing.T) {
			sim := startSimulator(t, simulator.Options{Stations: 20, MaxPageSize: size})
			ids := want(sim)
			address := "data.chargepoint_" + dataSource + ".x"
			checks := []statecheck.StateCheck{statecheck.ExpectKnownValue(address, attrPath(output), knownvalue.ListSizeExact(len(ids)))}
			for i, id := range ids {
				checks = append(checks, statecheck.ExpectKnownValue(address, attrPath(output, i, idAttr), id))
			}
			pages := (n + size - 1) / size
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProviders,
				Steps: []resource.TestStep{{
					Config:            sim.sequentialProviderConfig() + "data \"chargepoint_" + dataSource + "\" \"x\" {}\n",
					ConfigStateChecks: checks,
					Check: func(*terraform.State) error {
						// Terraform reads the data source more than once; each read must cost exactly `pages` calls.
						if calls := sim.Calls(op); calls < pages || calls%pages != 0 {
							return fmt.Errorf("%d %s calls for %d records in pages of %d: want a multiple of %d", calls, op, n, size, pages)
						}
						return nil
					},
				}},
			})
		})
	}
}

func TestPageSizes(t *testing.T) {
	for n, want := range map[int][2]int{3: {1, 2}, 5: {1, 2}, 6: {2, 5}, 30: {10, 14}, 40: {10, 19}} {
		if exact, short := pageSizes(t, n); exact != want[0] || short != want[1] {
			t.Errorf("pageSizes(%d) = %d, %d; want %v", n, exact, short, want)
		}
	}
}
