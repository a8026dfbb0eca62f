package simulator

import (
	"strconv"
	"time"
)

// createLoadShedEvent schedules a load shed event (shedEvent, an xsd:sequence: stationID or sgID,
// eventStartTime, eventDuration in minutes, allowOptOut, allowedLoadPerPort or percentShedPerStation)
// and answers its new eventId (4001 upwards). The simulator keeps the event (LoadShedEvents) but does
// not act on it: getLoad does not show it. Checks, in order: no shedEvent, eventStartTime or
// eventDuration (or sent empty), neither stationID nor sgID, or neither or both limits is 172; both
// stationID and sgID is 187 (as shedLoad's two levels); an eventDuration under 1, an allowed load
// under 0, a percentage outside 0 to 100, or an event that would end at or before the simulator's
// clock is 189; an unknown station or group is 160.
//
// removeLoadShedEvent removes one (eventId): missing or empty is 172, unknown 160 (also when removed
// already). The answer's response is "Success".

type createLoadShedEventResponse struct {
	ResponseCode string `xml:"responseCode"`
	ResponseText string `xml:"responseText,omitempty"`
	EventID      *int   `xml:"eventId"`
}

type removeLoadShedEventResponse struct {
	ResponseCode string `xml:"responseCode"`
	ResponseText string `xml:"responseText,omitempty"`
	Response     string `xml:"response,omitempty"`
}

func (s *Server) createLoadShedEvent(req *element) (any, error) {
	refuse := func(e *codeError) (any, error) {
		return &createLoadShedEventResponse{ResponseCode: e.code, ResponseText: e.text}, nil
	}
	var event *element
	if err := decodeSequence(req, req.Name.Local, []seqField{{name: "shedEvent", decode: elementField(&event)}}); err != nil {
		return nil, err
	}
	if event == nil {
		return refuse(mandatory())
	}
	path := req.Name.Local + "/shedEvent"
	var stationID, sgID *string
	var start, duration, optOut, allowed, percent *element
	err := decodeSequence(event, path, []seqField{
		{name: "stationID", decode: stringField(&stationID)},
		{name: "sgID", decode: stringField(&sgID)},
		{name: "eventStartTime", decode: elementField(&start)},
		{name: "eventDuration", decode: elementField(&duration)},
		{name: "allowOptOut", decode: elementField(&optOut)},
		{name: "allowedLoadPerPort", decode: elementField(&allowed)},
		{name: "percentShedPerStation", decode: elementField(&percent)},
	})
	if err != nil {
		return nil, err
	}
	// Decode the optional values (malformed: a Client fault), then check the mandatory ones.
	e := LoadShedEvent{}
	if optOut != nil {
		var b *bool
		if err := boolField(&b)(optOut, path+"/allowOptOut"); err != nil {
			return nil, err
		}
		e.AllowOptOut = *b
	}
	if allowed != nil {
		if err := doubleField(&e.AllowedLoadPerPort)(allowed, path+"/allowedLoadPerPort"); err != nil {
			return nil, err
		}
	}
	if percent != nil {
		if err := doubleField(&e.PercentShedPerStation)(percent, path+"/percentShedPerStation"); err != nil {
			return nil, err
		}
	}
	if stationID != nil && sgID != nil {
		return refuse(&codeError{codeShedBoth, textShedBoth})
	}
	if !given(stationID) && !given(sgID) || !hasText(start) || !hasText(duration) {
		return refuse(mandatory())
	}
	if (e.AllowedLoadPerPort == nil) == (e.PercentShedPerStation == nil) {
		return refuse(&codeError{codeMandatory, textOneLimit})
	}
	var at *time.Time
	var minutes *int
	if err := dateTimeField(&at)(start, path+"/eventStartTime"); err != nil {
		return nil, err
	}
	if err := intField(&minutes)(duration, path+"/eventDuration"); err != nil {
		return nil, err
	}
	e.Start, e.Duration = *at, *minutes
	switch {
	case e.Duration < 1:
		return refuse(invalid("Invalid eventDuration %d: give the event's length in minutes, at least 1.", e.Duration))
	case e.AllowedLoadPerPort != nil && *e.AllowedLoadPerPort < 0:
		return refuse(invalid("Invalid allowedLoadPerPort %s: it must not be negative.", formatDecimal(*e.AllowedLoadPerPort)))
	case e.PercentShedPerStation != nil && (*e.PercentShedPerStation < 0 || *e.PercentShedPerStation > 100):
		return refuse(invalid("Invalid percentShedPerStation %s: give a percentage from 0 to 100.", formatDecimal(*e.PercentShedPerStation)))
	}
	if stationID != nil {
		if _, ok := s.data.Station(*stationID); !ok {
			return refuse(notFound())
		}
		e.StationID = *stationID
	} else {
		id, err := strconv.Atoi(*sgID)
		if _, ok := s.data.Group(id); err != nil || !ok {
			return refuse(notFound())
		}
		e.SgID = *sgID
	}
	w := s.state()
	s.mu.Lock()
	defer s.mu.Unlock()
	if end := e.Start.Add(time.Duration(e.Duration) * time.Minute); !end.After(s.clock) {
		return refuse(invalid("The event would end at %s, which is not after the current time %s.",
			formatDateTime(end), formatDateTime(s.clock)))
	}
	e.ID, e.Created = w.nextEvent, s.clock
	w.nextEvent++
	w.events[e.ID] = e
	return &createLoadShedEventResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, EventID: &e.ID}, nil
}

func hasText(e *element) bool { return e != nil && len(e.Children) == 0 && e.value() != "" }

func (s *Server) removeLoadShedEvent(req *element) (any, error) {
	var idElement *element
	if err := decodeSequence(req, req.Name.Local, []seqField{{name: "eventId", decode: elementField(&idElement)}}); err != nil {
		return nil, err
	}
	if !hasText(idElement) {
		if idElement != nil && len(idElement.Children) > 0 {
			return nil, clientFault("%s/eventId must hold text, not elements", req.Name.Local)
		}
		return &removeLoadShedEventResponse{ResponseCode: codeMandatory, ResponseText: textMandatory}, nil
	}
	var id *int
	if err := intField(&id)(idElement, req.Name.Local+"/eventId"); err != nil {
		return nil, err
	}
	w := s.state()
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := w.events[*id]; !ok {
		return &removeLoadShedEventResponse{ResponseCode: codeNoLoadData, ResponseText: textNoLoadData}, nil
	}
	delete(w.events, *id)
	return &removeLoadShedEventResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, Response: "Success"}, nil
}
