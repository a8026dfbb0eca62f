package simulator

import (
	"strconv"
	"strings"
	"time"
)

// shedLoad (§6.1) sets the shed state of a station group (shedGroup: every port of every station of
// the group) or of one station (shedStation: the station's limit, per port limits, or both), for
// timeInterval minutes of the simulator's clock (0: until cleared). getLoad shows it. The checks, in
// order: both branches sent (even empty) is 187; a missing or empty mandatory element (shedQuery,
// timeInterval, sgID, stationID, a Port's portNumber), no branch, no limit or both limits, an empty
// Ports or a port listed twice is 172; a negative timeInterval or allowed load is 189; an unknown
// group, station or port is 160. Malformed numbers and unknown elements are Client faults.
//
// clearShedState (§6.2) clears a group's shed (its record and every port of its stations) or a whole
// station's. Neither or both branches, or a missing or empty sgID, stationID, Ports or portNumber, is
// 184; an unknown group, station or port is 160. A Ports list is checked but the entire station is
// cleared ("only an entire station may be cleared at a time"). Clearing what is not shed succeeds.

type shedLoadResponse struct {
	ResponseCode          string         `xml:"responseCode"`
	ResponseText          string         `xml:"responseText,omitempty"`
	Success               int            `xml:"Success"`
	SgID                  *int           `xml:"sgID"`
	StationID             *string        `xml:"stationID"`
	AllowedLoadPerStation *string        `xml:"allowedLoadPerStation"`
	PercentShedPerStation *int           `xml:"percentShedPerStation"`
	Ports                 *wireShedPorts `xml:"Ports"`
}

type wireShedPorts struct {
	Port []wireShedPort `xml:"Port"`
}

type wireShedPort struct {
	PortNumber         string  `xml:"portNumber"`
	AllowedLoadPerPort *string `xml:"allowedLoadPerPort"`
	PercentShedPerPort *int    `xml:"percentShedPerPort"`
}

type clearShedStateResponse struct {
	ResponseCode string  `xml:"responseCode"`
	ResponseText string  `xml:"responseText,omitempty"`
	Success      int     `xml:"Success"`
	SgID         *int    `xml:"sgID"`
	StationID    *string `xml:"stationID"`
}

// limitPair is one allowedLoad / percentShed pair of a shedQuery; at most one is set once checked.
type limitPair struct {
	kW      *float64
	percent *int
}

func (l limitPair) count() int { return boolInt(l.kW != nil) + boolInt(l.percent != nil) }

func (l limitPair) shed() Shed {
	if l.percent != nil {
		return Shed{ByPercent: true, PercentShed: *l.percent}
	}
	return Shed{AllowedLoad: *l.kW}
}

func (l limitPair) echo() (kW *string, percent *int) {
	if l.kW != nil {
		kW = ptr(formatDecimal(*l.kW))
	}
	return kW, l.percent
}

func parseLimits(allowed, percent *string, path, allowedName, percentName string) (limitPair, error) {
	kW, err := parseDecimal(allowed, path+"/"+allowedName)
	if err != nil {
		return limitPair{}, err
	}
	p, err := parsePercent(percent, path+"/"+percentName)
	if err != nil {
		return limitPair{}, err
	}
	return limitPair{kW: kW, percent: p}, nil
}

// shedPortRequest is one Port of shedStation.
type shedPortRequest struct {
	number *string
	limit  limitPair
}

type shedRequest struct {
	group    *element
	station  *element
	interval *string

	sgID      *string
	stationID *string
	limit     limitPair
	ports     []shedPortRequest
	hasPorts  bool
}

func (s *Server) shedLoad(req *element) (any, error) {
	refuse := func(e *codeError) (any, error) {
		return &shedLoadResponse{ResponseCode: e.code, ResponseText: e.text}, nil
	}
	r, cerr, err := decodeShedLoad(req)
	if err != nil {
		return nil, err
	}
	if cerr != nil {
		return refuse(cerr)
	}
	interval, _ := strconv.Atoi(*r.interval) // checked by decodeShedLoad
	if interval < 0 {
		return refuse(invalid("timeInterval %d is negative: give the minutes the shed lasts, or 0 for until cleared", interval))
	}
	if r.limit.kW != nil && *r.limit.kW < 0 {
		return refuse(invalid("allowedLoadPerStation %s is negative", formatDecimal(*r.limit.kW)))
	}
	for _, p := range r.ports {
		if p.limit.kW != nil && *p.limit.kW < 0 {
			return refuse(invalid("allowedLoadPerPort %s of port %s is negative", formatDecimal(*p.limit.kW), *p.number))
		}
	}
	resp := &shedLoadResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, Success: 1}
	resp.AllowedLoadPerStation, resp.PercentShedPerStation = r.limit.echo()
	w := s.state()
	if r.group != nil {
		id, _ := strconv.Atoi(*r.sgID) // checked by decodeShedLoad
		g, ok := s.data.Group(id)
		if !ok {
			return refuse(notFound())
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		until := shedEnd(s.clock, interval)
		sh := r.limit.shed()
		sh.GroupID, sh.Until = g.ID, until
		for _, sid := range g.StationIDs {
			st, _ := s.data.Station(sid)
			for _, p := range st.Ports {
				w.shed[portRef{sid, p.Number}] = sh
			}
		}
		w.groupShed[g.ID] = GroupShed{SgID: g.ID, ByPercent: sh.ByPercent, AllowedLoad: sh.AllowedLoad,
			PercentShed: sh.PercentShed, Until: until}
		resp.SgID = &g.ID
		return resp, nil
	}
	st, ok := s.data.Station(*r.stationID)
	if !ok {
		return refuse(notFound())
	}
	listed := map[int]shedPortRequest{}
	for _, p := range r.ports {
		n, ok := stationPort(&st, *p.number)
		if !ok {
			return refuse(notFound())
		}
		listed[n] = p
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	until := shedEnd(s.clock, interval)
	w.clearStation(&st) // the request sets the whole station's state
	for _, port := range st.Ports {
		var sh Shed
		p, isListed := listed[port.Number]
		switch {
		case isListed && p.limit.count() == 1:
			sh = p.limit.shed()
			sh.PerPort = true
		case r.limit.count() == 1:
			sh = r.limit.shed()
		default:
			continue // neither listed nor covered by a station limit: not shed
		}
		sh.Until = until
		w.shed[portRef{st.ID, port.Number}] = sh
	}
	resp.StationID = &st.ID
	if r.hasPorts {
		resp.Ports = &wireShedPorts{}
		for _, p := range r.ports {
			kW, percent := p.limit.echo()
			resp.Ports.Port = append(resp.Ports.Port, wireShedPort{PortNumber: *p.number, AllowedLoadPerPort: kW, PercentShedPerPort: percent})
		}
	}
	return resp, nil
}

// decodeShedLoad decodes and checks a shedLoad request's shape. It returns a Client fault for what
// cannot be decoded, or a code (187, 172) for a request of the wrong shape.
func decodeShedLoad(req *element) (*shedRequest, *codeError, error) {
	var query *element
	if err := decodeAll(req, req.Name.Local, fields{"shedQuery": elementField(&query)}); err != nil {
		return nil, nil, err
	}
	if query == nil {
		return nil, mandatory(), nil
	}
	r := &shedRequest{}
	path := req.Name.Local + "/shedQuery"
	var interval *element
	err := decodeAll(query, path, fields{
		"shedGroup": elementField(&r.group), "shedStation": elementField(&r.station), "timeInterval": elementField(&interval),
	})
	if err != nil {
		return nil, nil, err
	}
	if r.group != nil && r.station != nil {
		return nil, &codeError{codeShedBoth, textShedBoth}, nil // before their content: ChargePoint answers 187 to empty branches
	}
	if interval != nil {
		if err := stringField(&r.interval)(interval, path+"/timeInterval"); err != nil {
			return nil, nil, err
		}
	}
	var allowed, percent *string
	switch {
	case r.group != nil:
		gpath := path + "/shedGroup"
		err = decodeAll(r.group, gpath, fields{"sgID": stringField(&r.sgID),
			"allowedLoadPerStation": stringField(&allowed), "percentShedPerStation": stringField(&percent)})
		if err == nil {
			r.limit, err = parseLimits(allowed, percent, gpath, "allowedLoadPerStation", "percentShedPerStation")
		}
	case r.station != nil:
		err = r.decodeStation(path+"/shedStation", &allowed, &percent)
	}
	if err != nil {
		return nil, nil, err
	}
	if cerr := r.check(); cerr != nil {
		return nil, cerr, nil
	}
	if _, err := parseInt(r.interval, path+"/timeInterval"); err != nil {
		return nil, nil, err
	}
	if r.group != nil {
		if _, err := parseInt(r.sgID, path+"/shedGroup/sgID"); err != nil {
			return nil, nil, err
		}
	}
	return r, nil, nil
}

func (r *shedRequest) decodeStation(path string, allowed, percent **string) error {
	var ports *element
	err := decodeAll(r.station, path, fields{"stationID": stringField(&r.stationID),
		"allowedLoadPerStation": stringField(allowed), "percentShedPerStation": stringField(percent),
		"Ports": elementField(&ports)})
	if err != nil {
		return err
	}
	if r.limit, err = parseLimits(*allowed, *percent, path, "allowedLoadPerStation", "percentShedPerStation"); err != nil {
		return err
	}
	if ports == nil {
		return nil
	}
	r.hasPorts = true
	for i, c := range ports.Children {
		ppath := path + "/Ports/Port[" + strconv.Itoa(i+1) + "]"
		if c.Name.Local != "Port" || (c.Name.Space != "" && c.Name.Space != nsCP) {
			return clientFault("unknown element %s in %s/Ports (expected Port)", describe(c.Name), path)
		}
		var p shedPortRequest
		var kW, pct *string
		if err := decodeAll(c, ppath, fields{"portNumber": stringField(&p.number),
			"allowedLoadPerPort": stringField(&kW), "percentShedPerPort": stringField(&pct)}); err != nil {
			return err
		}
		if p.limit, err = parseLimits(kW, pct, ppath, "allowedLoadPerPort", "percentShedPerPort"); err != nil {
			return err
		}
		r.ports = append(r.ports, p)
	}
	return nil
}

// check applies the 172 rules: mandatory values, exactly one limit where one is needed, sensible Ports.
func (r *shedRequest) check() *codeError {
	oneLimit := &codeError{codeMandatory, textOneLimit}
	switch {
	case r.group == nil && r.station == nil, !given(r.interval):
		return mandatory()
	case r.group != nil:
		if !given(r.sgID) {
			return mandatory()
		}
		if r.limit.count() != 1 {
			return oneLimit
		}
		return nil
	}
	if !given(r.stationID) || r.hasPorts && len(r.ports) == 0 {
		return mandatory()
	}
	if r.limit.count() > 1 {
		return oneLimit
	}
	seen := map[string]bool{}
	for _, p := range r.ports {
		if !given(p.number) {
			return mandatory()
		}
		if n := p.limit.count(); n > 1 || n == 0 && r.limit.count() == 0 {
			return oneLimit
		}
		key := *p.number
		if n, err := strconv.Atoi(key); err == nil {
			key = strconv.Itoa(n) // "01" is port 1
		}
		if seen[key] {
			return &codeError{codeMandatory, "Port " + *p.number + " is listed more than once."}
		}
		seen[key] = true
	}
	if len(r.ports) == 0 && r.limit.count() == 0 {
		return oneLimit
	}
	return nil
}

// stationPort returns the number of the station's port written as number ("1", "01"), if it has one.
func stationPort(st *Station, number string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(number))
	if err != nil {
		return 0, false
	}
	for _, p := range st.Ports {
		if p.Number == n {
			return n, true
		}
	}
	return 0, false
}

func shedEnd(now time.Time, minutes int) time.Time {
	if minutes == 0 {
		return time.Time{}
	}
	return now.Add(time.Duration(minutes) * time.Minute)
}

func (s *Server) clearShedState(req *element) (any, error) {
	refuse := func(e *codeError) (any, error) {
		return &clearShedStateResponse{ResponseCode: e.code, ResponseText: e.text}, nil
	}
	shape := &codeError{codeClearShape, textClearShape}
	var query, group, station *element
	if err := decodeAll(req, req.Name.Local, fields{"shedQuery": elementField(&query)}); err != nil {
		return nil, err
	}
	if query == nil {
		return refuse(shape)
	}
	path := req.Name.Local + "/shedQuery"
	if err := decodeAll(query, path, fields{"shedGroup": elementField(&group), "shedStation": elementField(&station)}); err != nil {
		return nil, err
	}
	if (group == nil) == (station == nil) {
		return refuse(shape)
	}
	w := s.state()
	if group != nil {
		var sgID *string
		if err := decodeSequence(group, path+"/shedGroup", []seqField{{name: "sgID", decode: stringField(&sgID)}}); err != nil {
			return nil, err
		}
		if !given(sgID) {
			return refuse(shape)
		}
		id, err := parseInt(sgID, path+"/shedGroup/sgID")
		if err != nil {
			return nil, err
		}
		g, ok := s.data.Group(*id)
		if !ok {
			return refuse(notFound())
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		s.clearGroupLocked(w, &g)
		return &clearShedStateResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, Success: 1, SgID: &g.ID}, nil
	}
	var stationID *string
	var ports *element
	spath := path + "/shedStation"
	if err := decodeAll(station, spath, fields{"stationID": stringField(&stationID), "Ports": elementField(&ports)}); err != nil {
		return nil, err
	}
	var numbers []*string
	if ports != nil {
		for _, c := range ports.Children {
			if c.Name.Local != "Port" || (c.Name.Space != "" && c.Name.Space != nsCP) {
				return nil, clientFault("unknown element %s in %s/Ports (expected Port)", describe(c.Name), spath)
			}
			var n *string
			if err := decodeSequence(c, spath+"/Ports/Port", []seqField{{name: "portNumber", decode: stringField(&n)}}); err != nil {
				return nil, err
			}
			numbers = append(numbers, n)
		}
	}
	if !given(stationID) || ports != nil && len(numbers) == 0 {
		return refuse(shape)
	}
	for _, n := range numbers {
		if !given(n) {
			return refuse(shape)
		}
	}
	st, ok := s.data.Station(*stationID)
	if !ok {
		return refuse(notFound())
	}
	for _, n := range numbers {
		if _, ok := stationPort(&st, *n); !ok {
			return refuse(notFound())
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	w.clearStation(&st) // a Ports list clears the entire station all the same
	return &clearShedStateResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, Success: 1, StationID: &st.ID}, nil
}
