package cpapi

import (
	"encoding/xml"
	"fmt"
	"time"
)

// DateLayout is how an xsd:date is written: a calendar day without a time or zone.
const DateLayout = "2006-01-02"

// Date is a nullable xsd:date, exposed as "YYYY-MM-DD" (a day, not an instant: never shifted to UTC).
type Date struct {
	Value time.Time
	Valid bool
}

func DateOf(v time.Time) Date { return Date{Value: v, Valid: true} }

func (d Date) String() string { return d.Value.Format(DateLayout) }

// ParseDate parses "YYYY-MM-DD"; xsd:date's optional zone suffix ("Z", "-08:00") is accepted and dropped.
func ParseDate(s string) (time.Time, error) {
	if len(s) > len(DateLayout) {
		if _, err := time.Parse("Z07:00", s[len(DateLayout):]); err != nil {
			return time.Time{}, fmt.Errorf("%q is not an xsd:date (YYYY-MM-DD)", s)
		}
		s = s[:len(DateLayout)]
	}
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not an xsd:date (YYYY-MM-DD)", s)
	}
	return t, nil
}

func (d *Date) UnmarshalText(b []byte) error {
	*d = Date{}
	s := trimmedText(b)
	if s == "" {
		return nil
	}
	v, err := ParseDate(s)
	*d = Date{Value: v, Valid: err == nil}
	return err
}

func (d Date) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return encodeScalar(e, start, d.Valid, d.String())
}
