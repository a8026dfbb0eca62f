package cpapi

import (
	"encoding/xml"
	"testing"
	"time"
)

func TestDateWire(t *testing.T) {
	type holder struct {
		D Date `xml:"d"`
	}
	for in, want := range map[string]Date{
		"<holder><d>2024-02-29</d></holder>":       DateOf(time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)),
		"<holder><d>2024-02-29Z</d></holder>":      DateOf(time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)),
		"<holder><d>2024-02-29-08:00</d></holder>": DateOf(time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)),
		"<holder><d></d></holder>":                 {},
		"<holder></holder>":                        {},
	} {
		var h holder
		if err := xml.Unmarshal([]byte(in), &h); err != nil || h.D != want {
			t.Errorf("%s: %v, %v", in, h.D, err)
		}
	}
	for _, bad := range []string{"2024-02-30", "2024-02-29T10:00:00Z", "29/02/2024", "2024-02-29+8"} {
		var h holder
		if err := xml.Unmarshal([]byte("<holder><d>"+bad+"</d></holder>"), &h); err == nil {
			t.Errorf("%s decoded as %v", bad, h.D)
		}
	}
	for d, want := range map[Date]string{DateOf(time.Date(2024, 2, 29, 23, 0, 0, 0, time.FixedZone("", -8*3600))): "<holder><d>2024-02-29</d></holder>", {}: "<holder></holder>"} {
		if out, err := xml.Marshal(holder{d}); err != nil || string(out) != want {
			t.Errorf("marshal %v = %s, %v", d, out, err)
		}
	}
}
