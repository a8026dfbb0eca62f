package cpapi

import (
	"context"
	"errors"
	"fmt"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
)

// Demand response writes: shedLoad and clearShedState (API guide §6.1, §6.2), which set a state and
// are retried like reads, and createLoadShedEvent / removeLoadShedEvent, a scheduled event, which are
// never repeated once they may have reached ChargePoint (soap.AmbiguousWriteError).
//
// shedLoad and clearShedState take a group branch or a station branch: only the one in use is sent,
// because an empty other branch is refused with 187 (reference §5.9, §6 quirk 4).

var (
	opShedLoad = operation{name: "shedLoad", write: true, idempotent: true, hints: map[string]string{
		"172": "a mandatory field is missing: set sg_id or station_id, and allowed_load_kw or percent_shed (on the station or on each port)",
		"187": "shed either a station group (sg_id) or a station (station_id), not both",
	}}
	opClearShedState = operation{name: "clearShedState", write: true, idempotent: true, hints: map[string]string{
		"184": "set exactly one of sg_id and station_id",
	}}
	opCreateLoadShedEvent = operation{name: "createLoadShedEvent", write: true}
	opRemoveLoadShedEvent = operation{name: "removeLoadShedEvent", write: true}
)

// ShedLoadRequest is what shedLoad sets: the shed state of one station group or one station (or some
// of its ports). It is sent as shedQuery with only the branch in use (shedGroup or shedStation).
type ShedLoadRequest struct {
	SgID        Int        `xml:"sgID" desc:"Custom station group to shed. Exactly one of sg_id and station_id is required."`
	StationID   String     `xml:"stationID" validate:"stationid" desc:"Station to shed, \"CPNID:StationIdentifier\". Exactly one of sg_id and station_id is required."`
	AllowedLoad Float      `xml:"allowedLoadPerStation" tf:"allowed_load_kw" desc:"Maximum load allowed per station, kW (not negative). Exactly one of allowed_load_kw and percent_shed, unless every port sets its own."`
	PercentShed Int        `xml:"percentShedPerStation" tf:"percent_shed" desc:"Percentage of each station's load to shed, 0 to 100. Exactly one of allowed_load_kw and percent_shed, unless every port sets its own."`
	Ports       []ShedPort `xml:"Ports>Port" tf:"ports" desc:"Ports of the station to shed, each with its own limit (only with station_id); unset sheds the whole station."`
	// TimeInterval is sent always (the XSD requires it): 0, or null, means until cleared.
	TimeInterval Int `xml:"timeInterval" tf:"duration_minutes" desc:"How long the shed lasts, minutes; 0 or unset: until it is cleared."`
}

// ShedPort is one port of a station shed (shedLoadStationInputData's Port).
type ShedPort struct {
	PortNumber  String `xml:"portNumber" tf:",required" desc:"Port number (1-based)."`
	AllowedLoad Float  `xml:"allowedLoadPerPort" tf:"allowed_load_kw" desc:"Maximum load allowed on the port, kW (not negative). Exactly one of allowed_load_kw and percent_shed."`
	PercentShed Int    `xml:"percentShedPerPort" tf:"percent_shed" desc:"Percentage of the port's load to shed, 0 to 100. Exactly one of allowed_load_kw and percent_shed."`
}

// shedLoadWire is shedLoad's request: shedQuery with one branch (nil pointers are not written).
type shedLoadWire struct {
	Query struct {
		Group        *shedLoadGroup   `xml:"shedGroup"`
		Station      *shedLoadStation `xml:"shedStation"`
		TimeInterval int64            `xml:"timeInterval"`
	} `xml:"shedQuery"`
}

type shedLoadGroup struct {
	SgID        Int   `xml:"sgID"`
	AllowedLoad Float `xml:"allowedLoadPerStation"`
	PercentShed Int   `xml:"percentShedPerStation"`
}

type shedLoadStation struct {
	StationID   String     `xml:"stationID"`
	AllowedLoad Float      `xml:"allowedLoadPerStation"`
	PercentShed Int        `xml:"percentShedPerStation"`
	Ports       *shedPorts `xml:"Ports"`
}

type shedPorts struct {
	Port []ShedPort `xml:"Port"`
}

// ShedLoadResult is shedLoadResponse without its responseCode and Success: what ChargePoint says it set.
type ShedLoadResult struct {
	SgID        Int        `xml:"sgID" desc:"Station group shed."`
	StationID   String     `xml:"stationID" desc:"Station shed."`
	AllowedLoad Float      `xml:"allowedLoadPerStation" tf:"allowed_load_kw" desc:"Maximum load allowed per station, kW."`
	PercentShed Int        `xml:"percentShedPerStation" tf:"percent_shed" desc:"Percentage of the load shed."`
	Ports       []ShedPort `xml:"Ports>Port" tf:"ports" desc:"Ports shed, with their limits."`
}

type shedLoadResponse struct {
	Result
	Success Int `xml:"Success"`
	ShedLoadResult
}

func (r *shedLoadResponse) success() Int { return r.Success }

// wire checks that r names exactly one target and builds the request with only its branch.
func (r ShedLoadRequest) wire() (shedLoadWire, error) {
	var w shedLoadWire
	switch {
	case r.SgID.Valid && r.StationID.Valid:
		return w, errors.New("shedLoad: set sg_id or station_id, not both (ChargePoint refuses both with responseCode 187)")
	case r.SgID.Valid:
		if len(r.Ports) > 0 {
			return w, errors.New("shedLoad: ports are for a station (station_id), not for a station group")
		}
		w.Query.Group = &shedLoadGroup{SgID: r.SgID, AllowedLoad: r.AllowedLoad, PercentShed: r.PercentShed}
	case r.StationID.Valid:
		w.Query.Station = &shedLoadStation{StationID: r.StationID, AllowedLoad: r.AllowedLoad, PercentShed: r.PercentShed}
		if len(r.Ports) > 0 {
			w.Query.Station.Ports = &shedPorts{Port: r.Ports}
		}
	default:
		return w, errors.New("shedLoad: set sg_id or station_id")
	}
	if r.AllowedLoad.Valid && r.PercentShed.Valid {
		return w, errors.New("shedLoad: set allowed_load_kw or percent_shed, not both")
	}
	for _, p := range r.Ports {
		if p.AllowedLoad.Valid && p.PercentShed.Valid {
			return w, fmt.Errorf("shedLoad: port %s: set allowed_load_kw or percent_shed, not both", p.PortNumber.Value)
		}
	}
	if r.TimeInterval.Valid {
		w.Query.TimeInterval = r.TimeInterval.Value
	}
	return w, nil
}

// ShedLoad sheds the load of the group or station r names. A request naming both or neither, or both
// limits at one level, is an error without a call. Retried like a read: it sets a state.
func (c *Client) ShedLoad(ctx context.Context, r ShedLoadRequest) (ShedLoadResult, error) {
	w, err := r.wire()
	if err != nil {
		return ShedLoadResult{}, err
	}
	var resp shedLoadResponse
	if err := c.call(ctx, opShedLoad, w, &resp); err != nil {
		return ShedLoadResult{}, err
	}
	return resp.ShedLoadResult, nil
}

// ClearShedStateRequest names the group or the station whose shed state to clear (a whole station:
// ChargePoint clears only entire stations, so the XSD's port list is not offered).
type ClearShedStateRequest struct {
	SgID      Int    `xml:"sgID" desc:"Custom station group to clear. Exactly one of sg_id and station_id is required."`
	StationID String `xml:"stationID" validate:"stationid" desc:"Station to clear, \"CPNID:StationIdentifier\". Exactly one of sg_id and station_id is required."`
}

type clearShedStateWire struct {
	Query struct {
		Group *struct {
			SgID Int `xml:"sgID"`
		} `xml:"shedGroup"`
		Station *struct {
			StationID String `xml:"stationID"`
		} `xml:"shedStation"`
	} `xml:"shedQuery"`
}

type clearShedStateResponse struct {
	Result
	Success   Int    `xml:"Success"`
	SgID      Int    `xml:"sgID"`
	StationID String `xml:"stationID"`
}

func (r *clearShedStateResponse) success() Int { return r.Success }

// ClearShedState clears the shed state of the group or station r names. Retried like a read.
func (c *Client) ClearShedState(ctx context.Context, r ClearShedStateRequest) error {
	var w clearShedStateWire
	switch {
	case r.SgID.Valid && r.StationID.Valid:
		return errors.New("clearShedState: set sg_id or station_id, not both (ChargePoint refuses that with responseCode 184)")
	case r.SgID.Valid:
		w.Query.Group = &struct {
			SgID Int `xml:"sgID"`
		}{r.SgID}
	case r.StationID.Valid:
		w.Query.Station = &struct {
			StationID String `xml:"stationID"`
		}{r.StationID}
	default:
		return errors.New("clearShedState: set sg_id or station_id")
	}
	var resp clearShedStateResponse
	return c.call(ctx, opClearShedState, w, &resp)
}

// LoadShedEvent is createLoadShedEvent's shedEvent, a scheduled shed. An xsd:sequence: the field order
// is the wire order.
type LoadShedEvent struct {
	StationID      String `xml:"stationID" validate:"stationid" desc:"Station the event sheds, \"CPNID:StationIdentifier\". Exactly one of station_id and sg_id."`
	SgID           String `xml:"sgID" desc:"Station group the event sheds. Exactly one of station_id and sg_id."`
	EventStartTime Time   `xml:"eventStartTime" tf:",required" desc:"Start of the event, RFC 3339 (sent in UTC)."`
	EventDuration  Int    `xml:"eventDuration" tf:",required" desc:"Duration of the event, minutes."`
	AllowOptOut    Bool   `xml:"allowOptOut" desc:"Whether drivers may opt out of the event."`
	AllowedLoad    Float  `xml:"allowedLoadPerPort" tf:"allowed_load_kw" desc:"Maximum load allowed per port during the event, kW. Exactly one of allowed_load_kw and percent_shed."`
	PercentShed    Float  `xml:"percentShedPerStation" tf:"percent_shed" desc:"Percentage of each station's load to shed during the event, 0 to 100. Exactly one of allowed_load_kw and percent_shed."`
}

type createLoadShedEventResponse struct {
	Result
	EventID Int `xml:"eventId"`
}

// EventNotRepeatedError is a createLoadShedEvent that may have created the event although its answer
// was lost. It is never sent again (a second event would be created), and the API cannot list events.
type EventNotRepeatedError struct {
	Event LoadShedEvent
	Err   *soap.AmbiguousWriteError
}

func (e *EventNotRepeatedError) Error() string {
	target := "station " + e.Event.StationID.Value
	if !e.Event.StationID.Valid {
		target = "station group " + e.Event.SgID.Value
	}
	return fmt.Sprintf("%v. createLoadShedEvent is never repeated after such a failure, since a second event would be created, "+
		"and the API cannot list events: check in the ChargePoint portal whether a load shed event for %s starting %s exists; "+
		"if it does, remove it there (or by its ID) before applying again, or the shed will happen twice",
		e.Err, target, e.Event.EventStartTime.String())
}

func (e *EventNotRepeatedError) Unwrap() error { return e.Err }

// CreateLoadShedEvent schedules e and returns its event ID. After an ambiguous failure it returns an
// *EventNotRepeatedError and does not send it again.
func (c *Client) CreateLoadShedEvent(ctx context.Context, e LoadShedEvent) (Int, error) {
	if e.StationID.Valid == e.SgID.Valid {
		return Int{}, errors.New("createLoadShedEvent: set exactly one of station_id and sg_id")
	}
	var resp createLoadShedEventResponse
	err := c.call(ctx, opCreateLoadShedEvent, struct {
		Event LoadShedEvent `xml:"shedEvent"`
	}{e}, &resp)
	var amb *soap.AmbiguousWriteError
	switch {
	case errors.As(err, &amb):
		return Int{}, &EventNotRepeatedError{Event: e, Err: amb}
	case err != nil:
		return Int{}, err
	case !resp.EventID.Valid:
		return Int{}, &EventNotRepeatedError{Event: e, Err: &soap.AmbiguousWriteError{Operation: opCreateLoadShedEvent.name, Attempts: 1,
			Err: errors.New("responseCode 100 without an eventId")}}
	}
	return resp.EventID, nil
}

type removeLoadShedEventResponse struct {
	Result
	Response String `xml:"response"`
}

// RemoveLoadShedEvent removes the scheduled event eventID.
func (c *Client) RemoveLoadShedEvent(ctx context.Context, eventID int64) error {
	var resp removeLoadShedEventResponse
	return c.call(ctx, opRemoveLoadShedEvent, struct {
		EventID int64 `xml:"eventId"`
	}{eventID}, &resp)
}
