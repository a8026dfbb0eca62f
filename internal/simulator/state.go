package simulator

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The write operations (shedLoad, clearShedState, add/update/deleteFleetVehicle,
// create/removeLoadShedEvent, clearAlarms) change a Server's writeState. It is built from the activity
// data on first use and guarded by Server.mu; the generated data set and activity stay immutable.

// Shed is the shed state of one port, as getLoad reports it (shedState 1 with allowedLoad or
// percentShed).
type Shed struct {
	ByPercent   bool    // shed by percentage (PercentShed); else by allowed load (AllowedLoad)
	AllowedLoad float64 // kW; 0 when ByPercent
	PercentShed int     // 0 to 100; 0 unless ByPercent
	// PerPort says the limit came from a Port of shedStation (allowedLoadPerPort or
	// percentShedPerPort); else it is the station's (allowedLoadPerStation or percentShedPerStation,
	// of the station or of its group), and an allowed load is shared by the station's charging ports
	// that it covers.
	PerPort bool
	GroupID int       // the group whose shedLoad set it; 0 when it was set for the station itself
	Until   time.Time // when it expires (shedLoad timeInterval); zero: until cleared
}

// GroupShed is the group-level shedLoad in force on a station group: the last shedGroup request,
// until clearShedState on the group or its timeInterval ends it. Later station-level writes change
// the stations' ports (see StationShed), not this record.
type GroupShed struct {
	SgID        int
	ByPercent   bool
	AllowedLoad float64 // kW per station; 0 when ByPercent
	PercentShed int
	Until       time.Time // zero: until cleared
}

// LoadShedEvent is a scheduled load shed event (createLoadShedEvent). The API has no operation that
// reads events back; LoadShedEvents shows them to tests.
type LoadShedEvent struct {
	ID          int
	StationID   string // one of StationID and SgID is set
	SgID        string
	Start       time.Time
	Duration    int  // minutes (eventDuration)
	AllowOptOut bool // false when allowOptOut was not sent
	// Exactly one of the two limits is set.
	AllowedLoadPerPort    *float64 // kW
	PercentShedPerStation *float64
	Created               time.Time // the simulator's clock when it was created
}

// ClearedAlarm is an alarm cleared by clearAlarms; getAlarms no longer returns it.
type ClearedAlarm struct {
	Alarm
	Reason    string    // clearReason, "" when not sent
	ClearedAt time.Time // the simulator's clock
}

// IDs of what the write operations create. Added fleet vehicles are numbered from FV900001 (above
// every generated one) and events from 4001; IDs are never reused.
const (
	firstAddedVehicle = 900001
	firstEventID      = 4001
)

type writeState struct {
	shed        map[portRef]Shed
	groupShed   map[int]GroupShed
	vehicles    []FleetVehicle // in ID order: added vehicles get ever larger IDs
	nextVehicle int
	cleared     map[int]ClearedAlarm // by index into activity.alarms
	events      map[int]LoadShedEvent
	nextEvent   int
}

type lazyState struct {
	once sync.Once
	data *writeState
}

// state returns the write state, building it on first use. Callers hold s.mu (RLock to read, Lock
// to change) while they use it.
func (s *Server) state() *writeState {
	s.stateData.once.Do(func() { s.stateData.data = newWriteState(s.activity(), s.data) })
	return s.stateData.data
}

func newWriteState(a *activity, d *Dataset) *writeState {
	w := &writeState{
		shed:        map[portRef]Shed{},
		groupShed:   map[int]GroupShed{},
		vehicles:    slices.Clone(a.vehicles),
		nextVehicle: firstAddedVehicle,
		cleared:     map[int]ClearedAlarm{},
		events:      map[int]LoadShedEvent{},
		nextEvent:   firstEventID,
	}
	for id, percent := range a.shedPercent { // the generated sheds: every port, by percentage, until cleared
		st, _ := d.Station(id)
		for _, p := range st.Ports {
			w.shed[portRef{id, p.Number}] = Shed{ByPercent: true, PercentShed: percent}
		}
	}
	for _, v := range w.vehicles {
		if n, err := strconv.Atoi(strings.TrimPrefix(v.ID, "FV")); err == nil && n >= w.nextVehicle {
			w.nextVehicle = n + 1
		}
	}
	return w
}

// --- the clock ---

// Clock returns the simulator's clock: the time at which write operations take effect (a shed's
// timeInterval, a vehicle's create and modify times, an event's creation). It starts at Now and moves
// only through SetClock and AdvanceClock; the generated activity stays at Now, and the response
// Timestamp follows the wall clock.
func (s *Server) Clock() time.Time {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.clock
}

// SetClock sets the simulator's clock (see Clock), e.g. past a shed's end so it has expired.
func (s *Server) SetClock(t time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.clock = t.UTC()
}

// AdvanceClock moves the simulator's clock by d and returns the new time.
func (s *Server) AdvanceClock(d time.Duration) time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.clock = s.clock.Add(d)
	return s.clock
}

// --- shed state ---

// in force at now: not expired.
func inForce(until, now time.Time) bool { return until.IsZero() || now.Before(until) }

// portShed returns the port's shed state in force at the clock. The caller holds s.mu.
func (s *Server) portShed(w *writeState, ref portRef) (Shed, bool) {
	sh, ok := w.shed[ref]
	if !ok || !inForce(sh.Until, s.clock) {
		return Shed{}, false
	}
	return sh, true
}

// ShedState returns the shed state of a station's port in force at the simulator's clock (false
// when the port is not shed, the shed has expired, or there is no such port).
func (s *Server) ShedState(stationID string, port int) (Shed, bool) {
	w := s.state()
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.portShed(w, portRef{stationID, port})
}

// StationShed returns the shed ports of a station, by port number (empty when none is shed).
func (s *Server) StationShed(stationID string) map[int]Shed {
	w := s.state()
	st, _ := s.data.Station(stationID)
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := map[int]Shed{}
	for _, p := range st.Ports {
		if sh, ok := s.portShed(w, portRef{stationID, p.Number}); ok {
			out[p.Number] = sh
		}
	}
	return out
}

// GroupShed returns the group-level shed in force on a station group (see GroupShed).
func (s *Server) GroupShed(sgID int) (GroupShed, bool) {
	w := s.state()
	s.mu.RLock()
	defer s.mu.RUnlock()
	g, ok := w.groupShed[sgID]
	if !ok || !inForce(g.Until, s.clock) {
		return GroupShed{}, false
	}
	return g, true
}

// SetPortShed sheds one port as if someone had done it outside the API client under test (in the
// portal): drift for a test to find. It fails for an unknown station or port.
func (s *Server) SetPortShed(stationID string, port int, sh Shed) error {
	st, ok := s.data.Station(stationID)
	if !ok || !slices.ContainsFunc(st.Ports, func(p Port) bool { return p.Number == port }) {
		return fmt.Errorf("no port %d on station %q", port, stationID)
	}
	if sh.PercentShed < 0 || sh.PercentShed > 100 || sh.AllowedLoad < 0 {
		return fmt.Errorf("shed %+v: percent must be 0 to 100 and the allowed load not negative", sh)
	}
	w := s.state()
	s.mu.Lock()
	defer s.mu.Unlock()
	w.shed[portRef{stationID, port}] = sh
	return nil
}

// ClearShed clears every port of a station, as clearShedState or the portal would. It reports
// whether the station exists.
func (s *Server) ClearShed(stationID string) bool {
	st, ok := s.data.Station(stationID)
	if !ok {
		return false
	}
	w := s.state()
	s.mu.Lock()
	defer s.mu.Unlock()
	w.clearStation(&st)
	return true
}

// ClearGroupShed clears a group's shed record and every port of its stations, as clearShedState on
// the group does. It reports whether the group exists.
func (s *Server) ClearGroupShed(sgID int) bool {
	g, ok := s.data.Group(sgID)
	if !ok {
		return false
	}
	w := s.state()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.clearGroupLocked(w, &g)
	return true
}

func (w *writeState) clearStation(st *Station) {
	for _, p := range st.Ports {
		delete(w.shed, portRef{st.ID, p.Number})
	}
}

func (s *Server) clearGroupLocked(w *writeState, g *Group) {
	delete(w.groupShed, g.ID)
	for _, id := range g.StationIDs {
		st, _ := s.data.Station(id)
		w.clearStation(&st)
	}
}

// --- fleet vehicles ---

// FleetVehicles returns every fleet vehicle as getFleetVehicles lists them (added ones included,
// deleted ones not), sorted by ID.
func (s *Server) FleetVehicles() []FleetVehicle {
	w := s.state()
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]FleetVehicle, len(w.vehicles))
	for i := range w.vehicles {
		out[i] = w.vehicles[i].clone()
	}
	return out
}

// FleetVehicle returns the fleet vehicle with the given fleetVehicleID.
func (s *Server) FleetVehicle(id string) (FleetVehicle, bool) {
	w := s.state()
	s.mu.RLock()
	defer s.mu.RUnlock()
	i := w.vehicleIndex(id)
	if i < 0 {
		return FleetVehicle{}, false
	}
	return w.vehicles[i].clone(), true
}

// AddFleetVehicle stores v as a new vehicle, as if it had been added in the portal, and returns it
// with its new ID (v.ID is ignored) and create and modify times at the simulator's clock. Nothing is
// validated; OrgID's organization name and company are filled in when OrgID is known.
func (s *Server) AddFleetVehicle(v FleetVehicle) FleetVehicle {
	w := s.state()
	s.mu.Lock()
	defer s.mu.Unlock()
	v = v.clone()
	if org, ok := organization(v.OrgID); ok {
		v.OrganizationName, v.companyID = org.Name, org.CompanyID
	}
	if v.ChargingStatus == "" {
		v.ChargingStatus = "Not Plugged In"
	}
	return w.addVehicle(v, s.clock)
}

func (w *writeState) addVehicle(v FleetVehicle, now time.Time) FleetVehicle {
	v.ID = fmt.Sprintf("FV%06d", w.nextVehicle)
	w.nextVehicle++
	v.Created, v.LastModified = now, now
	w.vehicles = append(w.vehicles, v)
	return v.clone()
}

// ChangeFleetVehicle applies change to a vehicle, as an edit in the portal would (its ID cannot
// change), and sets its lastModifiedTimestamp to the simulator's clock. It reports whether the
// vehicle exists.
func (s *Server) ChangeFleetVehicle(id string, change func(v *FleetVehicle)) bool {
	w := s.state()
	s.mu.Lock()
	defer s.mu.Unlock()
	i := w.vehicleIndex(id)
	if i < 0 {
		return false
	}
	v := w.vehicles[i].clone()
	change(&v)
	v.ID, v.LastModified = id, s.clock
	if org, ok := organization(v.OrgID); ok {
		v.OrganizationName, v.companyID = org.Name, org.CompanyID
	}
	w.vehicles[i] = v
	return true
}

// DeleteFleetVehicle deletes a vehicle, as deleteFleetVehicle or the portal would. It reports whether
// the vehicle existed. The vehicle's fleet usage history stays (getFleetUsageData).
func (s *Server) DeleteFleetVehicle(id string) bool {
	w := s.state()
	s.mu.Lock()
	defer s.mu.Unlock()
	return w.deleteVehicle(id)
}

func (w *writeState) deleteVehicle(id string) bool {
	i := w.vehicleIndex(id)
	if i < 0 {
		return false
	}
	w.vehicles = slices.Delete(w.vehicles, i, i+1)
	return true
}

func (w *writeState) vehicleIndex(id string) int {
	return slices.IndexFunc(w.vehicles, func(v FleetVehicle) bool { return v.ID == id })
}

// clone copies v with its own slices.
func (v FleetVehicle) clone() FleetVehicle {
	v.CredentialIDs = slices.Clone(v.CredentialIDs)
	v.MifareIDs = slices.Clone(v.MifareIDs)
	v.PortMACs = slices.Clone(v.PortMACs)
	return v
}

// --- load shed events ---

// LoadShedEvents returns the load shed events created and not removed, sorted by ID.
func (s *Server) LoadShedEvents() []LoadShedEvent {
	w := s.state()
	s.mu.RLock()
	defer s.mu.RUnlock()
	ids := slices.Sorted(maps.Keys(w.events))
	out := make([]LoadShedEvent, len(ids))
	for i, id := range ids {
		out[i] = w.events[id]
	}
	return out
}

// LoadShedEvent returns the event with the given eventId.
func (s *Server) LoadShedEvent(id int) (LoadShedEvent, bool) {
	w := s.state()
	s.mu.RLock()
	defer s.mu.RUnlock()
	e, ok := w.events[id]
	return e, ok
}

// RemoveLoadShedEvent removes an event as if it had been cancelled in the portal. It reports whether
// the event existed.
func (s *Server) RemoveLoadShedEvent(id int) bool {
	w := s.state()
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := w.events[id]
	delete(w.events, id)
	return ok
}

// --- alarms ---

// Alarms returns the alarms getAlarms reports (every alarm not cleared), in getAlarms order (alarm
// time, station, port).
func (s *Server) Alarms() []Alarm {
	a, w := s.activity(), s.state()
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]Alarm, 0, len(a.alarms)-len(w.cleared))
	for i, al := range a.alarms {
		if _, gone := w.cleared[i]; !gone {
			out = append(out, al)
		}
	}
	return out
}

// ClearedAlarms returns the alarms clearAlarms has cleared, in getAlarms order.
func (s *Server) ClearedAlarms() []ClearedAlarm {
	w := s.state()
	s.mu.RLock()
	defer s.mu.RUnlock()
	idx := slices.Collect(maps.Keys(w.cleared))
	sort.Ints(idx)
	out := make([]ClearedAlarm, len(idx))
	for i, k := range idx {
		out[i] = w.cleared[k]
	}
	return out
}
