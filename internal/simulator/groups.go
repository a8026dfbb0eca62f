package simulator

import (
	"slices"
	"strings"
)

// Group is a custom station group of an organization. Groups nest: a child group's stations are also
// in its parent.
type Group struct {
	ID             int
	OrgID          string
	Name           string   // unique across the data set
	ParentID       int      // 0 for a top-level group
	StationIDs     []string // sorted by ID
	RightsProfiles []string // the API key's station rights profiles on the group, sorted
}

// Two facts tests and examples rely on, for every seed and size: UnreachableGroupID ("Garage West")
// holds the seed station, whose port 2 is UNREACHABLE; every port of every station in HealthyGroupID
// ("Bay Area Fleet") is AVAILABLE or INUSE. The latter holds every such ChargePoint station (64 in the
// default data set), so it is empty only in a data set of a few stations.
const (
	UnreachableGroupID = 20002
	HealthyGroupID     = 20006
)

// groupSpecs are the groups (without stations), sorted by ID. Stations join them in groupIDsFor.
var groupSpecs = []Group{
	{ID: 20001, OrgID: chargePointOrgID, Name: "Campbell HQ", RightsProfiles: []string{profileNetworkManager, profileStationViewer}},
	{ID: 20002, OrgID: chargePointOrgID, Name: "Garage West", ParentID: 20001, RightsProfiles: []string{profileNetworkManager}},
	{ID: 20003, OrgID: chargePointOrgID, Name: "Garage East", ParentID: 20001, RightsProfiles: []string{profileNetworkManager}},
	{ID: 20004, OrgID: chargePointOrgID, Name: "San Jose Downtown", RightsProfiles: []string{profileNetworkManager}},
	{ID: 20005, OrgID: chargePointOrgID, Name: "San Jose Visitor Parking", ParentID: 20004, RightsProfiles: []string{profileNetworkManager}},
	{ID: 20006, OrgID: chargePointOrgID, Name: "Bay Area Fleet", RightsProfiles: []string{profileNetworkManager}},
	{ID: 20007, OrgID: chargePointOrgID, Name: "Garage West Level 2", ParentID: 20002, RightsProfiles: []string{profileNetworkManager}},
	{ID: 20101, OrgID: goldenGateOrgID, Name: "San Francisco Garages", RightsProfiles: []string{profileStationViewer}},
	{ID: 20102, OrgID: goldenGateOrgID, Name: "SoMa", ParentID: 20101, RightsProfiles: []string{profileStationViewer}},
	{ID: 20103, OrgID: goldenGateOrgID, Name: "Seattle Garages", RightsProfiles: []string{profileStationViewer}},
	{ID: 20104, OrgID: goldenGateOrgID, Name: "Pike Place", ParentID: 20103, RightsProfiles: []string{profileStationViewer}},
	{ID: 20201, OrgID: continentalOrgID, Name: "Austin Stations", RightsProfiles: []string{profileStationViewer}},
	{ID: 20202, OrgID: continentalOrgID, Name: "Austin Airport", ParentID: 20201, RightsProfiles: []string{profileStationViewer}},
	{ID: 20203, OrgID: continentalOrgID, Name: "New York Stations", RightsProfiles: []string{profileStationViewer}},
	{ID: 20204, OrgID: continentalOrgID, Name: "Hudson Yards", ParentID: 20203, RightsProfiles: []string{profileStationViewer}},
	{ID: 20301, OrgID: mapleLeafOrgID, Name: "Vancouver Stations", RightsProfiles: []string{profileNetworkManager}},
	{ID: 20302, OrgID: mapleLeafOrgID, Name: "Gastown", ParentID: 20301, RightsProfiles: []string{profileNetworkManager}},
	{ID: 20401, OrgID: europaOrgID, Name: "Berlin Stations", RightsProfiles: []string{profileNetworkManager}},
	{ID: 20402, OrgID: europaOrgID, Name: "Berlin Mitte", ParentID: 20401, RightsProfiles: []string{profileNetworkManager}},
	{ID: 20403, OrgID: europaOrgID, Name: "Amsterdam Stations", RightsProfiles: []string{profileNetworkManager}},
	{ID: 20404, OrgID: europaOrgID, Name: "Amsterdam Centrum", ParentID: 20403, RightsProfiles: []string{profileNetworkManager}},
}

// cityGroups: the group every station of a city joins, and the child group a share of them also joins.
// Campbell is laid out in groupIDsFor.
var cityGroups = map[string]struct {
	top, child int
	share      float64
}{
	"San Jose":      {20004, 20005, 0.35},
	"San Francisco": {20101, 20102, 0.4},
	"Seattle":       {20103, 20104, 0.4},
	"Austin":        {20201, 20202, 0.4},
	"New York":      {20203, 20204, 0.4},
	"Vancouver":     {20301, 20302, 0.4},
	"Berlin":        {20401, 20402, 0.4},
	"Amsterdam":     {20403, 20404, 0.4},
}

// groupIDsFor returns the sorted IDs of the groups a generated station joins.
func groupIDsFor(s *Station, r *rng) []int {
	var ids []int
	west, level2, child := r.chance(0.5), r.chance(0.4), r.float()
	if s.City == "Campbell" {
		ids = append(ids, 20001)
		switch {
		case west && level2:
			ids = append(ids, 20002, 20007)
		case west:
			ids = append(ids, 20002)
		default:
			ids = append(ids, 20003)
		}
	} else if g, ok := cityGroups[s.City]; ok {
		ids = append(ids, g.top)
		if child < g.share {
			ids = append(ids, g.child)
		}
	}
	if s.OrgID == chargePointOrgID && healthy(s) {
		ids = append(ids, HealthyGroupID)
	}
	slices.Sort(ids)
	return ids
}

// healthy reports whether every port of s is AVAILABLE or INUSE.
func healthy(s *Station) bool {
	for _, p := range s.Ports {
		if p.Status != "AVAILABLE" && p.Status != "INUSE" {
			return false
		}
	}
	return true
}

// buildGroups fills the groups' station lists from the stations (sorted by ID), so they come out sorted.
func buildGroups(stations []Station) ([]Group, map[int]int) {
	groups := slices.Clone(groupSpecs)
	index := make(map[int]int, len(groups))
	for i, g := range groups {
		index[g.ID] = i
	}
	for i := range stations {
		for _, id := range stations[i].groupIDs {
			g := &groups[index[id]]
			g.StationIDs = append(g.StationIDs, stations[i].ID)
		}
	}
	return groups, index
}

// Groups returns every station group, sorted by ID. The StationIDs slices are shared with the data set
// and must not be modified.
func (d *Dataset) Groups() []Group { return slices.Clone(d.groups) }

// Group returns the group with the given ID.
func (d *Dataset) Group(id int) (Group, bool) {
	i, ok := d.groupIndex[id]
	if !ok {
		return Group{}, false
	}
	return d.groups[i], true
}

// GroupsOf returns the groups the station is in, sorted by ID (none for an unknown station).
func (d *Dataset) GroupsOf(stationID string) []Group {
	i, ok := d.byID[stationID]
	if !ok {
		return nil
	}
	var out []Group
	for _, id := range d.stations[i].groupIDs {
		out = append(out, d.groups[d.groupIndex[id]])
	}
	return out
}

// ChildGroups returns the groups whose parent is id, sorted by ID.
func (d *Dataset) ChildGroups(id int) []Group {
	var out []Group
	for _, g := range d.groups {
		if g.ParentID == id {
			out = append(out, g)
		}
	}
	return out
}

// groupIDsNamed returns the IDs of the groups called name (case-insensitive).
func (d *Dataset) groupIDsNamed(name string) []int {
	var ids []int
	for _, g := range d.groups {
		if strings.EqualFold(g.Name, strings.TrimSpace(name)) {
			ids = append(ids, g.ID)
		}
	}
	return ids
}
