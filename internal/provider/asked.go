package provider

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/tfreflect"
)

// What a read asked and what did not come back. The query's set arguments (tfreflect.SetInputs) name
// the query in errors; its station ID inputs (validate:"stationid") are checked against the stations a
// data source's answer shows (stationRecords). Both are called from fetchFromConfig (read.go), which
// every read goes through.

// askedFor phrases a query for a message: `for sg_id = 999`, or `with no arguments`.
func askedFor(inputs []tfreflect.SetInput) string {
	if len(inputs) == 0 {
		return "with no arguments"
	}
	return "for " + tfreflect.DescribeInputs(inputs)
}

// maxNamed bounds the values a warning names; the rest are counted.
const maxNamed = 10

// stationRecords declares that a data source's answer shows which stations came back: its items are
// stations, or list them (rights records, a group's load). The station IDs the query asked for and the
// answer lacks are then named in one warning, instead of being dropped silently. Data sources whose
// items are events (alarms, sessions) or leave stations out on purpose (active faults: only stations
// with a fault) do not declare it.
type stationRecords[T any] struct {
	// ids calls found with each station ID item shows.
	ids func(item T, found func(stationID cpapi.String))
	// notFilters are the arguments, besides the station IDs, that leave no station asked for out of the
	// answer: port_details, or the group that station_id is looked for in. Any other argument set (a
	// filter such as status) may rightly leave stations out, and then nothing is warned.
	notFilters []string
}

// eachStation declares items that are one station each, with its ID.
func eachStation[T any](id func(T) cpapi.String, notFilters ...string) *stationRecords[T] {
	return &stationRecords[T]{ids: func(item T, found func(cpapi.String)) { found(id(item)) }, notFilters: notFilters}
}

// stationsListed declares items that list stations (list), each with its ID.
func stationsListed[T, S any](list func(T) []S, id func(S) cpapi.String, notFilters ...string) *stationRecords[T] {
	return &stationRecords[T]{ids: func(item T, found func(cpapi.String)) {
		for _, s := range list(item) {
			found(id(s))
		}
	}, notFilters: notFilters}
}

// describe completes the description of a data source that declares its station records.
func (r *stationRecords[T]) describe(description string) string {
	if r == nil {
		return description
	}
	return description + " When station IDs are the only filter, the ones ChargePoint does not return are named in a warning."
}

// warnMissing adds one warning naming the station IDs asked for that the answer lacks (the first
// maxNamed, and how many in all). It says nothing when the data source does not declare its records,
// when no station ID was asked for, or when another argument may have left stations out.
func (r *stationRecords[T]) warnMissing(diags *diag.Diagnostics, name, operation string, inputs []tfreflect.SetInput, items []T) {
	if r == nil {
		return
	}
	var asked, names []string
	for _, in := range inputs {
		switch {
		case in.StationIDs != nil && len(in.StationIDs) == 0:
			return // station_ids = []: nothing was asked of ChargePoint (no_stations.go)
		case in.StationIDs != nil:
			asked, names = append(asked, in.StationIDs...), append(names, in.Name)
		case !slices.Contains(r.notFilters, in.Name):
			return
		}
	}
	if len(asked) == 0 {
		return
	}
	// ChargePoint's answer is compared without surrounding spaces, which the station ID validator
	// already warns about.
	missing := make(map[string]bool, len(asked))
	for _, id := range asked {
		missing[strings.TrimSpace(id)] = true
	}
	for _, item := range items {
		r.ids(item, func(id cpapi.String) { delete(missing, strings.TrimSpace(id.Value)) })
	}
	if len(missing) == 0 {
		return
	}
	var named []string
	unique := 0
	for _, id := range asked {
		key := strings.TrimSpace(id)
		if !missing[key] {
			continue
		}
		delete(missing, key) // name a repeated ID once
		if unique++; len(named) < maxNamed {
			named = append(named, fmt.Sprintf("%q", id))
		}
	}
	list := strings.Join(named, ", ")
	if unique > len(named) {
		list += fmt.Sprintf(", and %d more", unique-len(named))
	}
	total := distinctCount(asked)
	diags.AddWarning(fmt.Sprintf("ChargePoint %s did not return %d of the %d stations asked for", operation, unique, total),
		fmt.Sprintf("chargepoint_%s: no record came back for %d of the %d station IDs of %s: %s. "+
			"They do not exist or are not visible to the API key; the result leaves them out.",
			name, unique, total, strings.Join(names, " and "), list))
}

func distinctCount(ids []string) int {
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		seen[strings.TrimSpace(id)] = true
	}
	return len(seen)
}

// warnUnparsed adds one warning for the values ChargePoint sent that a derived attribute cannot hold
// (an sg_id part that is not a whole number: null in sg_ids), naming the first maxNamed and counting all.
func warnUnparsed[T any](diags *diag.Diagnostics, name, operation string, items []T) {
	if _, ok := any((*T)(nil)).(cpapi.UnparsedValues); !ok {
		return
	}
	var named []string
	count := 0
	for i := range items {
		u, _ := any(&items[i]).(cpapi.UnparsedValues) // *T implements it: checked above
		for _, msg := range u.UnparsedValues() {
			if count++; len(named) < maxNamed {
				named = append(named, msg)
			}
		}
	}
	if count == 0 {
		return
	}
	list := strings.Join(named, "; ")
	if count > len(named) {
		list += fmt.Sprintf("; and %d more", count-len(named))
	}
	diags.AddWarning(fmt.Sprintf("ChargePoint %s sent values the provider cannot convert", operation),
		fmt.Sprintf("chargepoint_%s: %d value(s) ChargePoint sent cannot be converted; they are null in the state, and "+
			"the attributes they come from keep them as sent. %s.", name, count, list))
}
