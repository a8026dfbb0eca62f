package simulator

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A fieldDecoder decodes one child element of a request container into its destination.
type fieldDecoder func(e *element, path string) error

// fields maps the (case-sensitive) local names a container accepts to their decoders.
type fields map[string]fieldDecoder

// decodeAll decodes the children of an xsd:all container strictly: each child must be known and appear
// at most once, and every name in required must be present. Children are unqualified on the wire
// (elementFormDefault is unqualified); qualified ones in ChargePoint's namespace are accepted too.
func decodeAll(container *element, path string, f fields, required ...string) error {
	seen := make(map[string]bool, len(container.Children))
	for _, c := range container.Children {
		childPath := path + "/" + c.Name.Local
		if c.Name.Space != "" && c.Name.Space != nsCP {
			return clientFault("unexpected element %s in %s", describe(c.Name), path)
		}
		decode, ok := f[c.Name.Local]
		if !ok {
			return clientFault("unknown element %s in %s (element names are case-sensitive)", c.Name.Local, path)
		}
		if seen[c.Name.Local] {
			return clientFault("element %s appears more than once", childPath)
		}
		seen[c.Name.Local] = true
		if err := decode(c, childPath); err != nil {
			return err
		}
	}
	for _, name := range required {
		if !seen[name] {
			return clientFault("missing required element %s/%s", path, name)
		}
	}
	return nil
}

// requiredSearchQuery decodes op's single, required searchQuery child with f, or returns a Client fault.
func requiredSearchQuery(op *element, f fields) error {
	return decodeAll(op, op.Name.Local, fields{"searchQuery": func(e *element, path string) error {
		return decodeAll(e, path, f)
	}}, "searchQuery")
}

func leafText(e *element, path string) (string, error) {
	if len(e.Children) > 0 {
		return "", clientFault("%s must hold text, not elements", path)
	}
	return e.Text, nil
}

// stringField stores the element's text, surrounding white space removed. An empty element counts as
// present (it sets "").
func stringField(dst **string) fieldDecoder {
	return func(e *element, path string) error {
		s, err := leafText(e, path)
		if err != nil {
			return err
		}
		s = strings.TrimSpace(s)
		*dst = &s
		return nil
	}
}

// doubleField parses an xsd:double; it must be finite here.
func doubleField(dst **float64) fieldDecoder {
	return func(e *element, path string) error {
		s, err := leafText(e, path)
		if err != nil {
			return err
		}
		v, perr := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if perr != nil || math.IsInf(v, 0) || math.IsNaN(v) {
			return clientFault("%s: %q is not a valid number (xsd:double)", path, s)
		}
		*dst = &v
		return nil
	}
}

// intField parses an xsd:int.
func intField(dst **int) fieldDecoder {
	return func(e *element, path string) error {
		s, err := leafText(e, path)
		if err != nil {
			return err
		}
		v, perr := strconv.ParseInt(strings.TrimSpace(s), 10, 32)
		if perr != nil {
			return clientFault("%s: %q is not a valid integer (xsd:int)", path, s)
		}
		n := int(v)
		*dst = &n
		return nil
	}
}

// boolField parses an xsd:boolean: true, false, 1 or 0.
func boolField(dst **bool) fieldDecoder {
	return func(e *element, path string) error {
		s, err := leafText(e, path)
		if err != nil {
			return err
		}
		var v bool
		switch strings.TrimSpace(s) {
		case "true", "1":
			v = true
		case "false", "0":
		default:
			return clientFault("%s: %q is not a valid xsd:boolean (true, false, 1 or 0)", path, s)
		}
		*dst = &v
		return nil
	}
}

var xsdTime = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])?$`)

// timeField checks an xsd:time such as 08:30:00 and stores it as written.
func timeField(dst **string) fieldDecoder {
	return func(e *element, path string) error {
		s, err := leafText(e, path)
		if err != nil {
			return err
		}
		s = strings.TrimSpace(s)
		if !xsdTime.MatchString(s) {
			return clientFault("%s: %q is not a valid xsd:time (HH:MM:SS)", path, s)
		}
		*dst = &s
		return nil
	}
}

// geoQuery is a request's Geo (geoData: Lat and Long, both required, strings holding decimal degrees).
type geoQuery struct{ Lat, Long float64 }

func geoField(dst **geoQuery) fieldDecoder {
	return func(e *element, path string) error {
		var lat, long *float64
		if err := decodeAll(e, path, fields{"Lat": doubleField(&lat), "Long": doubleField(&long)}, "Lat", "Long"); err != nil {
			return err
		}
		if *lat < -90 || *lat > 90 || *long < -180 || *long > 180 {
			return clientFault("%s: (%v, %v) is not a valid latitude/longitude", path, *lat, *long)
		}
		*dst = &geoQuery{Lat: *lat, Long: *long}
		return nil
	}
}

// pricingQuery is a request's Pricing (pricingOptions, every child required): the inputs of a cost
// estimate. Duration is in minutes (the WSDL's unit), energy in kWh and power in kW.
type pricingQuery struct {
	StartTime      string
	Duration       int
	EnergyRequired float64
	VehiclePower   float64
}

func pricingField(dst **pricingQuery) fieldDecoder {
	return func(e *element, path string) error {
		var (
			start           *string
			duration        *int
			energy, vehicle *float64
		)
		err := decodeAll(e, path, fields{
			"startTime":      timeField(&start),
			"Duration":       intField(&duration),
			"energyRequired": doubleField(&energy),
			"vehiclePower":   doubleField(&vehicle),
		}, "startTime", "Duration", "energyRequired", "vehiclePower")
		if err != nil {
			return err
		}
		*dst = &pricingQuery{StartTime: *start, Duration: *duration, EnergyRequired: *energy, VehiclePower: *vehicle}
		return nil
	}
}

// serialNumbersField decodes serialNumberData: one or more serialNumber elements (a sequence).
func serialNumbersField(dst *[]string) fieldDecoder {
	return func(e *element, path string) error {
		var list []string
		for _, c := range e.Children {
			if c.Name.Local != "serialNumber" || (c.Name.Space != "" && c.Name.Space != nsCP) {
				return clientFault("unknown element %s in %s (expected serialNumber)", describe(c.Name), path)
			}
			s, err := leafText(c, path+"/serialNumber")
			if err != nil {
				return err
			}
			list = append(list, strings.TrimSpace(s))
		}
		if len(list) == 0 {
			return clientFault("%s needs at least one serialNumber", path)
		}
		*dst = list
		return nil
	}
}

// longField parses an xsd:long.
func longField(dst **int64) fieldDecoder {
	return func(e *element, path string) error {
		s, err := leafText(e, path)
		if err != nil {
			return err
		}
		v, perr := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if perr != nil {
			return clientFault("%s: %q is not a valid integer (xsd:long)", path, s)
		}
		*dst = &v
		return nil
	}
}

// dateTimeField parses an xsd:dateTime; without a time zone it is taken as UTC.
func dateTimeField(dst **time.Time) fieldDecoder {
	return func(e *element, path string) error {
		s, err := leafText(e, path)
		if err != nil {
			return err
		}
		s = strings.TrimSpace(s)
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999"} {
			if t, perr := time.Parse(layout, s); perr == nil {
				t = t.UTC()
				*dst = &t
				return nil
			}
		}
		return clientFault("%s: %q is not a valid xsd:dateTime (e.g. 2024-01-31T08:00:00Z)", path, s)
	}
}

// dateField parses an xsd:date (with or without a time zone) as midnight UTC of that day.
func dateField(dst **time.Time) fieldDecoder {
	return func(e *element, path string) error {
		s, err := leafText(e, path)
		if err != nil {
			return err
		}
		s = strings.TrimSpace(s)
		for _, layout := range []string{"2006-01-02", "2006-01-02Z07:00"} {
			if t, perr := time.Parse(layout, s); perr == nil {
				d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
				*dst = &d
				return nil
			}
		}
		return clientFault("%s: %q is not a valid xsd:date (e.g. 2024-01-31)", path, s)
	}
}

// stationIDsField decodes a stationIdList or stationIdListBound: one or more stationID elements. The
// bound of the latter is not checked here: the operation answers a longer list with a responseCode.
func stationIDsField(dst *[]string) fieldDecoder {
	return func(e *element, path string) error {
		var list []string
		for _, c := range e.Children {
			if c.Name.Local != "stationID" || (c.Name.Space != "" && c.Name.Space != nsCP) {
				return clientFault("unknown element %s in %s (expected stationID)", describe(c.Name), path)
			}
			s, err := leafText(c, path+"/stationID")
			if err != nil {
				return err
			}
			list = append(list, strings.TrimSpace(s))
		}
		if len(list) == 0 {
			return clientFault("%s needs at least one stationID", path)
		}
		*dst = list
		return nil
	}
}

// seqField is one element of an xsd:sequence request element (the operations that are not wrapped in
// a searchQuery).
type seqField struct {
	name     string
	decode   fieldDecoder
	required bool
}

// decodeSequence decodes the children of an xsd:sequence: each known, at most once, in the declared
// order, the required ones present.
func decodeSequence(container *element, path string, seq []seqField) error {
	last := -1
	present := make([]bool, len(seq))
	for _, c := range container.Children {
		if c.Name.Space != "" && c.Name.Space != nsCP {
			return clientFault("unexpected element %s in %s", describe(c.Name), path)
		}
		i := slices.IndexFunc(seq, func(f seqField) bool { return f.name == c.Name.Local })
		switch {
		case i < 0:
			return clientFault("unknown element %s in %s (element names are case-sensitive)", c.Name.Local, path)
		case i <= last:
			return clientFault("element %s/%s is out of order or repeated (expected order: %s)", path, c.Name.Local, seqNames(seq))
		}
		last, present[i] = i, true
	}
	for i, f := range seq {
		if f.required && !present[i] {
			return clientFault("missing required element %s/%s", path, f.name)
		}
	}
	for _, c := range container.Children {
		i := slices.IndexFunc(seq, func(f seqField) bool { return f.name == c.Name.Local })
		if err := seq[i].decode(c, path+"/"+c.Name.Local); err != nil {
			return err
		}
	}
	return nil
}

func seqNames(seq []seqField) string {
	names := make([]string, len(seq))
	for i, f := range seq {
		names[i] = f.name
	}
	return strings.Join(names, ", ")
}
