package simulator

import (
	"strconv"
	"strings"
	"time"
)

// The station searches of getPublicStations, getStations, getStationStatus, getPublicStationStatus and
// getStationRights share one decoded query type; each operation accepts only the children its XSD
// type has (see the *Fields methods).

// stationSearch is a decoded station search query. A nil pointer means "element absent".
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

	// getStations (stationSearchRequestExtended)
	OrgID, CompanyID, OrganizationName *string
	SgID, RadioGroupID, SgName         *string
	ActivationDate                     *time.Time
	WarrantyService                    *string

	// getStationStatus and getPublicStationStatus (statusSearchdata)
	StationIDs  []string
	PortDetails *bool
	Status      *int

	// getStationRights (stationRightsSearchRequest); its org and group filters are on rightsQuery
	ProvisionFrom, ProvisionTo                                      *time.Time
	CurrentFault, PortStatus, AdminStatus, NetworkStatus, Provision *string
}

// filterFields are the children of stationSearchRequest, without paging.
func (q *stationSearch) filterFields() fields {
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
	}
}

func (q *stationSearch) pagingFields() fields {
	return fields{"startRecord": intField(&q.StartRecord), "numStations": intField(&q.NumStations)}
}

// fields are the children of stationSearchRequest (getPublicStations).
func (q *stationSearch) fields() fields { return merge(q.filterFields(), q.pagingFields()) }

// extendedFields are the children of stationSearchRequestExtended (getStations).
func (q *stationSearch) extendedFields() fields {
	return merge(q.filterFields(), q.pagingFields(), fields{
		"orgID":                 stringField(&q.OrgID),
		"companyID":             stringField(&q.CompanyID),
		"organizationName":      stringField(&q.OrganizationName),
		"sgID":                  stringField(&q.SgID),
		"radioGroupID":          stringField(&q.RadioGroupID),
		"sgName":                stringField(&q.SgName),
		"stationActivationDate": dateTimeField(&q.ActivationDate),
		"warrantyService":       stringField(&q.WarrantyService),
	})
}

// statusFields are the children of statusSearchdata (getPublicStationStatus); with paging, those of
// statusSearchdataForGetStations (getStationStatus).
func (q *stationSearch) statusFields(paging bool) fields {
	f := merge(q.filterFields(), fields{
		"stationIDs":  stationIDsField(&q.StationIDs),
		"portDetails": boolField(&q.PortDetails),
		"Status":      portStatusCodeField(&q.Status),
	})
	delete(f, "serialNumber")
	if paging {
		f = merge(f, q.pagingFields())
	}
	return f
}

// rightsFields are the station filters of stationRightsSearchRequest (getStationRights).
func (q *stationSearch) rightsFields() fields {
	return merge(q.filterFields(), fields{
		"provisionDateRange": func(e *element, path string) error {
			return decodeAll(e, path, fields{"startDate": dateField(&q.ProvisionFrom), "endDate": dateField(&q.ProvisionTo)})
		},
		"currentFault":    stringField(&q.CurrentFault),
		"portStatus":      stringField(&q.PortStatus),
		"adminStatus":     stringField(&q.AdminStatus),
		"networkStatus":   stringField(&q.NetworkStatus),
		"provisionStatus": stringField(&q.Provision),
	})
}

func merge(all ...fields) fields {
	out := fields{}
	for _, f := range all {
		for k, v := range f {
			out[k] = v
		}
	}
	return out
}

// Status codes of statusSearchdata's Status filter (the WSDL: "1 is Available, 2 is InUse, 3 is
// Unknown"). 3 also matches UNREACHABLE ports, whose state is unknown.
var portStatusCodes = map[int][]string{1: {"AVAILABLE"}, 2: {"INUSE"}, 3: {"UNKNOWN", "UNREACHABLE"}}

func portStatusCodeField(dst **int) fieldDecoder {
	return func(e *element, path string) error {
		if err := intField(dst)(e, path); err != nil {
			return err
		}
		if _, ok := portStatusCodes[**dst]; !ok {
			return clientFault("%s: %d is not a port status code (1 Available, 2 InUse, 3 Unknown)", path, **dst)
		}
		return nil
	}
}

// defaultProximity is ChargePoint's documented default radius, in proximityUnit.
const defaultProximity = 5

// search returns the indexes (into the data set's stations) of the stations that match q and keep (if
// not nil), in ID order. When the query cannot be answered with stations, code and text are the
// responseCode and responseText to send instead: 145 for a bad proximityUnit, 102 when the query's
// address is not in the gazetteer or nothing matched.
func (s *Server) search(q *stationSearch, keep func(*Station) bool) (hits []int, code, text string) {
	unit := "M" // the XSD default, also for an empty <proximityUnit/>
	if q.ProximityUnit != nil && *q.ProximityUnit != "" {
		unit = normalizeUnit(*q.ProximityUnit)
		if !ValidUnit(unit) {
			return nil, codeInvalidProximityUnit,
				"Invalid proximityUnit " + strconv.Quote(*q.ProximityUnit) + ". Valid values are M, N, K, F and I."
		}
	}
	match, ok := q.matcher(s.data, unit)
	if !ok {
		return nil, codeNoStation, textNoStation
	}
	for i := range s.data.stations {
		st := &s.data.stations[i]
		if (keep == nil || keep(st)) && match(st, s.data.points[i]) {
			hits = append(hits, i)
		}
	}
	if len(hits) == 0 {
		return nil, codeNoStation, textNoStation
	}
	return hits, "", ""
}

// pageBounds returns the 1-based first and last (inclusive) record of the page asked for among total
// records: from startRecord (default 1) at most size records, where size is numStations capped at
// maxPage (numStations nil or below 1 means maxPage). ok is false when startRecord is past the end.
func pageBounds(total, maxPage int, startRecord int64, numStations *int) (first, last int, ok bool) {
	first, size := 1, maxPage
	if startRecord > 1 {
		if startRecord > int64(total) {
			return 0, 0, false
		}
		first = int(startRecord)
	}
	if numStations != nil && *numStations > 0 && *numStations < size {
		size = *numStations
	}
	if first > total {
		return 0, 0, false
	}
	return first, min(first+size-1, total), true
}

func startOf(p *int) int64 {
	if p == nil {
		return 1
	}
	return int64(*p)
}

// matcher compiles the query into a predicate. ok is false when the query's location is not in the
// gazetteer, so nothing can match.
func (q *stationSearch) matcher(d *Dataset, unit string) (match func(s *Station, at geoPoint) bool, ok bool) {
	var preds []func(s *Station, at geoPoint) bool
	add := func(p func(s *Station, at geoPoint) bool) { preds = append(preds, p) }
	addString := func(want *string, get func(s *Station) string) {
		if want != nil {
			w := *want
			add(func(s *Station, _ geoPoint) bool { return strings.EqualFold(get(s), w) })
		}
	}

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

	addString(q.StationID, func(s *Station) string { return s.ID })
	addString(q.Manufacturer, func(s *Station) string { return s.Manufacturer })
	addString(q.Model, func(s *Station) string { return s.Model })
	if q.Name != nil {
		pattern := strings.ToLower(*q.Name)
		add(func(s *Station, _ geoPoint) bool { return wildcardMatch(pattern, strings.ToLower(s.Name)) })
	}
	addString(q.SerialNumber, func(s *Station) string { return s.SerialNum })
	if q.DemoSerials != nil {
		add(func(s *Station, _ geoPoint) bool { return containsFold(q.DemoSerials, s.SerialNum) })
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
		add(func(s *Station, _ geoPoint) bool { return anyPort(s, port) })
	}

	addString(q.OrgID, func(s *Station) string { return s.OrgID })
	addString(q.CompanyID, func(s *Station) string { return s.CompanyID })
	addString(q.OrganizationName, func(s *Station) string { return s.OrganizationName })
	addString(q.RadioGroupID, func(s *Station) string { return s.RadioGroupID })
	addString(q.WarrantyService, func(s *Station) string { return s.WarrantyService })
	if q.SgID != nil {
		id, err := strconv.Atoi(strings.TrimSpace(*q.SgID))
		add(func(s *Station, _ geoPoint) bool { return err == nil && inGroup(s, id) })
	}
	if q.SgName != nil {
		ids := d.groupIDsNamed(*q.SgName)
		add(func(s *Station, _ geoPoint) bool {
			for _, id := range ids {
				if inGroup(s, id) {
					return true
				}
			}
			return false
		})
	}
	if q.ActivationDate != nil {
		from := *q.ActivationDate
		add(func(s *Station, _ geoPoint) bool { return !s.ActivationDate.Before(from) })
	}
	if q.StationIDs != nil {
		add(func(s *Station, _ geoPoint) bool { return containsFold(q.StationIDs, s.ID) })
	}

	if q.ProvisionFrom != nil || q.ProvisionTo != nil {
		add(func(s *Station, _ geoPoint) bool {
			day := s.ActivationDate.Truncate(24 * time.Hour)
			return (q.ProvisionFrom == nil || !day.Before(*q.ProvisionFrom)) && (q.ProvisionTo == nil || !day.After(*q.ProvisionTo))
		})
	}
	if q.CurrentFault != nil {
		want := *q.CurrentFault
		add(func(s *Station, _ geoPoint) bool {
			for _, f := range s.Faults {
				if strings.EqualFold(f.Code, want) || strings.EqualFold(f.Name, want) {
					return true
				}
			}
			return false
		})
	}
	if q.PortStatus != nil {
		want := *q.PortStatus
		add(func(s *Station, _ geoPoint) bool {
			return anyPort(s, func(p *Port) bool { return strings.EqualFold(p.Status, want) })
		})
	}
	addString(q.AdminStatus, func(s *Station) string { return s.AdminStatus })
	addString(q.NetworkStatus, func(s *Station) string { return s.NetworkStatus })
	addString(q.Provision, func(s *Station) string { return s.ProvisionStatus })

	return func(s *Station, at geoPoint) bool {
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
	if q.Status != nil {
		want := portStatusCodes[*q.Status]
		preds = append(preds, func(p *Port) bool { return containsFold(want, p.Status) })
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

func anyPort(s *Station, pred func(p *Port) bool) bool {
	for i := range s.Ports {
		if pred(&s.Ports[i]) {
			return true
		}
	}
	return false
}

func inGroup(s *Station, id int) bool {
	for _, g := range s.groupIDs {
		if g == id {
			return true
		}
	}
	return false
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
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
