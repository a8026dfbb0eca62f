package simulator

import (
	"strconv"
	"strings"
)

// getPublicStations (5.1): public stations matching a stationSearchRequest, paged with startRecord and
// numStations, with moreFlag.

type getPublicStationsResponse struct {
	ResponseCode string        `xml:"responseCode"`
	ResponseText string        `xml:"responseText,omitempty"`
	StationData  []wireStation `xml:"stationData"`
	MoreFlag     *int          `xml:"moreFlag"`
}

// stationSearch is the decoded stationSearchRequest. A nil pointer means "element absent".
type stationSearch struct {
	StationID, Manufacturer, Model, Name, SerialNumber *string
	Address, City, State, Country, PostalCode          *string
	Proximity                                          *float64
	ProximityUnit                                      *string
	Connector, Voltage, Current, Power                 *string
	DemoSerials                                        []string
	Reservable                                         *bool
	Geo                                                *geoQuery
	Level, Mode                                        *string
	Pricing                                            *pricingQuery
	StartRecord, NumStations                           *int
}

func (q *stationSearch) fields() fields {
	return fields{
		"stationID":           stringField(&q.StationID),
		"stationManufacturer": stringField(&q.Manufacturer),
		"stationModel":        stringField(&q.Model),
		"stationName":         stringField(&q.Name),
		"serialNumber":        stringField(&q.SerialNumber),
		"Address":             stringField(&q.Address),
		"City":                stringField(&q.City),
		"State":               stringField(&q.State),
		"Country":             stringField(&q.Country),
		"postalCode":          stringField(&q.PostalCode),
		"Proximity":           doubleField(&q.Proximity),
		"proximityUnit":       stringField(&q.ProximityUnit),
		"Connector":           stringField(&q.Connector),
		"Voltage":             stringField(&q.Voltage),
		"Current":             stringField(&q.Current),
		"Power":               stringField(&q.Power),
		"demoSerialNumber":    serialNumbersField(&q.DemoSerials),
		"Reservable":          boolField(&q.Reservable),
		"Geo":                 geoField(&q.Geo),
		"Level":               stringField(&q.Level),
		"Mode":                stringField(&q.Mode),
		"Pricing":             pricingField(&q.Pricing),
		"startRecord":         intField(&q.StartRecord),
		"numStations":         intField(&q.NumStations),
	}
}

// defaultProximity is ChargePoint's documented default radius, in proximityUnit.
const defaultProximity = 5

func (s *Server) getPublicStations(req *element) (any, error) {
	var q stationSearch
	if err := requiredChild(req, "searchQuery", q.fields()); err != nil {
		return nil, err
	}
	unit := "M" // the XSD default, also for an empty <proximityUnit/>
	if q.ProximityUnit != nil && *q.ProximityUnit != "" {
		unit = normalizeUnit(*q.ProximityUnit)
		if !ValidUnit(unit) {
			return &getPublicStationsResponse{ResponseCode: codeInvalidProximityUnit,
				ResponseText: "Invalid proximityUnit " + strconv.Quote(*q.ProximityUnit) + ". Valid values are M, N, K, F and I."}, nil
		}
	}
	match, ok := q.matcher(unit)
	if !ok {
		return noStation(), nil
	}
	var hits []int
	for i := range s.data.stations {
		if match(&s.data.stations[i], s.data.points[i]) {
			hits = append(hits, i)
		}
	}
	first, size := 1, s.maxPageSize
	if q.StartRecord != nil && *q.StartRecord > 1 {
		first = *q.StartRecord
	}
	if q.NumStations != nil && *q.NumStations > 0 && *q.NumStations < size {
		size = *q.NumStations
	}
	if first > len(hits) {
		return noStation(), nil
	}
	last := min(first+size-1, len(hits)) // 1-based, inclusive
	resp := &getPublicStationsResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, MoreFlag: moreFlag(last < len(hits))}
	resp.StationData = make([]wireStation, 0, last-first+1)
	for n := first; n <= last; n++ {
		st := &s.data.stations[hits[n-1]]
		resp.StationData = append(resp.StationData, toWireStation(st, n, q.estimate(st)))
	}
	return resp, nil
}

func noStation() *getPublicStationsResponse {
	return &getPublicStationsResponse{ResponseCode: codeNoStation, ResponseText: textNoStation}
}

// matcher compiles the query into a predicate. ok is false when the query's location is not in the
// gazetteer, so nothing can match.
func (q *stationSearch) matcher(unit string) (match func(s *Station, at geoPoint) bool, ok bool) {
	var preds []func(s *Station, at geoPoint) bool
	add := func(p func(s *Station, at geoPoint) bool) { preds = append(preds, p) }

	// Location: Geo, else the address through the gazetteer, else none (no distance filter). State on its
	// own is a filter, not a location.
	var centre *geoPoint
	switch {
	case q.Geo != nil:
		c := newGeoPoint(q.Geo.Lat, q.Geo.Long)
		centre = &c
	case q.Address != nil || q.City != nil || q.PostalCode != nil:
		lat, long, found := Geocode(deref(q.Address), deref(q.City), deref(q.State), deref(q.PostalCode))
		if !found {
			return nil, false
		}
		c := newGeoPoint(lat, long)
		centre = &c
	}
	if centre != nil {
		radius := float64(defaultProximity)
		if q.Proximity != nil {
			radius = *q.Proximity
		}
		radiusKm := radius * kmPerUnit[unit]
		add(func(_ *Station, at geoPoint) bool { return withinKm(*centre, at, radiusKm) })
	}

	if q.StationID != nil {
		add(func(s *Station, _ geoPoint) bool { return strings.EqualFold(s.ID, *q.StationID) })
	}
	if q.Manufacturer != nil {
		add(func(s *Station, _ geoPoint) bool { return strings.EqualFold(s.Manufacturer, *q.Manufacturer) })
	}
	if q.Model != nil {
		add(func(s *Station, _ geoPoint) bool { return strings.EqualFold(s.Model, *q.Model) })
	}
	if q.Name != nil {
		pattern := strings.ToLower(*q.Name)
		add(func(s *Station, _ geoPoint) bool { return wildcardMatch(pattern, strings.ToLower(s.Name)) })
	}
	if q.SerialNumber != nil {
		add(func(s *Station, _ geoPoint) bool { return strings.EqualFold(s.SerialNum, *q.SerialNumber) })
	}
	if q.DemoSerials != nil {
		add(func(s *Station, _ geoPoint) bool {
			for _, sn := range q.DemoSerials {
				if strings.EqualFold(s.SerialNum, sn) {
					return true
				}
			}
			return false
		})
	}
	if q.Country != nil {
		want := canonicalCountry(*q.Country)
		add(func(s *Station, _ geoPoint) bool { return canonicalCountry(s.Country) == want })
	}
	if q.State != nil {
		want := canonicalState(*q.State)
		add(func(s *Station, _ geoPoint) bool { return canonicalState(s.State) == want })
	}
	if port := q.portMatcher(); port != nil {
		add(func(s *Station, _ geoPoint) bool {
			for i := range s.Ports {
				if port(&s.Ports[i]) {
					return true
				}
			}
			return false
		})
	}
	return func(s *Station, at geoPoint) bool {
		if !s.Public {
			return false
		}
		for _, p := range preds {
			if !p(s, at) {
				return false
			}
		}
		return true
	}, true
}

// portMatcher returns a predicate for the port-level filters (all on the same port), or nil if none.
func (q *stationSearch) portMatcher() func(p *Port) bool {
	var preds []func(p *Port) bool
	if q.Connector != nil {
		want := *q.Connector
		preds = append(preds, func(p *Port) bool {
			for _, c := range strings.Split(p.Connector, ",") {
				if strings.EqualFold(strings.TrimSpace(c), want) {
					return true
				}
			}
			return false
		})
	}
	for _, f := range []struct {
		want *string
		get  func(p *Port) string
	}{
		{q.Voltage, func(p *Port) string { return p.Voltage }},
		{q.Current, func(p *Port) string { return p.Current }},
		{q.Power, func(p *Port) string { return p.Power }},
	} {
		if f.want != nil {
			want, get := *f.want, f.get
			preds = append(preds, func(p *Port) bool { return sameQuantity(get(p), want) })
		}
	}
	if q.Level != nil {
		want := normalizeLevel(*q.Level)
		preds = append(preds, func(p *Port) bool { return p.Level != "" && p.Level == want })
	}
	if q.Mode != nil {
		want := normalizeMode(*q.Mode)
		preds = append(preds, func(p *Port) bool { return p.Mode != "" && p.Mode == want })
	}
	if q.Reservable != nil {
		want := *q.Reservable
		preds = append(preds, func(p *Port) bool { return p.Reservable == want })
	}
	if len(preds) == 0 {
		return nil
	}
	return func(p *Port) bool {
		for _, pred := range preds {
			if !pred(p) {
				return false
			}
		}
		return true
	}
}

// estimate is a port's estimatedCost: with Pricing inputs, the station's first pricing block applied to
// them (hourly price x hours + per-session price + per-kWh price x energy, at least minPrice);
// otherwise 0.
func (q *stationSearch) estimate(s *Station) float64 {
	if q.Pricing == nil || len(s.Pricing) == 0 {
		return 0
	}
	p := s.Pricing[0]
	cost := p.UnitPricePerHour*float64(q.Pricing.Duration)/60 + p.UnitPricePerSession + p.UnitPricePerKWh*q.Pricing.EnergyRequired
	return round(max(cost, p.MinPrice), 2)
}

// sameQuantity compares Voltage/Current/Power values numerically when both are numbers ("7.2" equals
// "7.20"), else case-insensitively.
func sameQuantity(have, want string) bool {
	h, herr := strconv.ParseFloat(strings.TrimSpace(have), 64)
	w, werr := strconv.ParseFloat(strings.TrimSpace(want), 64)
	if herr == nil && werr == nil {
		return h == w
	}
	return strings.EqualFold(strings.TrimSpace(have), strings.TrimSpace(want))
}

// normalizeLevel accepts L1/L2/DC and the guide's numeric codes (1, 2, 3 or 4 = DC fast).
func normalizeLevel(s string) string {
	switch v := strings.ToUpper(strings.TrimSpace(s)); v {
	case "1":
		return "L1"
	case "2":
		return "L2"
	case "3", "4":
		return "DC"
	default:
		return v
	}
}

// normalizeMode accepts "3" and "Mode 3" alike.
func normalizeMode(s string) string {
	v := strings.ToLower(strings.TrimSpace(s))
	return strings.TrimSpace(strings.TrimPrefix(v, "mode"))
}

// wildcardMatch matches name against pattern, where * stands for any run of characters.
func wildcardMatch(pattern, name string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == name
	}
	if !strings.HasPrefix(name, parts[0]) {
		return false
	}
	name = name[len(parts[0]):]
	for _, part := range parts[1 : len(parts)-1] {
		i := strings.Index(name, part)
		if i < 0 {
			return false
		}
		name = name[i+len(part):]
	}
	return strings.HasSuffix(name, parts[len(parts)-1])
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
