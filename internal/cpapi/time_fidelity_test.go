package cpapi

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"
)

// dateTime values keep the fractional seconds they were sent with.
func TestTimeKeepsFractionalSecondsAsSent(t *testing.T) {
	for sent, want := range map[string]string{
		"2016-11-07T19:19:19.773Z":       "2016-11-07T19:19:19.773Z",
		"2016-11-07T19:19:19Z":           "2016-11-07T19:19:19Z",
		"2016-11-07T19:19:19.500Z":       "2016-11-07T19:19:19.500Z", // trailing zeros as sent
		"2016-11-07T19:19:19.0Z":         "2016-11-07T19:19:19.0Z",
		"2016-11-07T19:19:19.123456789Z": "2016-11-07T19:19:19.123456789Z",
		"2016-11-07T11:19:19.25-08:00":   "2016-11-07T11:19:19.25-08:00",
		"2016-11-07T19:19:19+00:00":      "2016-11-07T19:19:19Z",     // a zero offset is written Z
		"2016-11-07T19:19:19.773":        "2016-11-07T19:19:19.773Z", // no zone: UTC
		"2016-11-07":                     "2016-11-07T00:00:00Z",
	} {
		var got struct {
			T Time `xml:"t"`
		}
		if err := xml.Unmarshal([]byte("<r><t> "+sent+" </t></r>"), &got); err != nil {
			t.Errorf("%s: %v", sent, err)
			continue
		}
		if !got.T.Valid || got.T.String() != want {
			t.Errorf("%s decoded to %q (valid %v), want %q", sent, got.T.String(), got.T.Valid, want)
		}
		var direct Time
		if err := direct.UnmarshalText([]byte(sent)); err != nil || direct != got.T {
			t.Errorf("UnmarshalText(%q) = %+v, %v; encoding/xml gave %+v", sent, direct, err, got.T)
		}
	}
}

func TestTimeFromConfigIsRFC3339(t *testing.T) {
	whole := TimeOf(time.Date(2026, 1, 31, 8, 0, 0, 0, time.FixedZone("", -8*3600)))
	if got := whole.String(); got != "2026-01-31T08:00:00-08:00" {
		t.Errorf("String() = %q", got)
	}
	if got := whole.wireString(); got != "2026-01-31T16:00:00Z" {
		t.Errorf("requests are sent in UTC: %q", got)
	}
	frac := TimeOf(time.Date(2026, 1, 31, 8, 0, 0, 250e6, time.UTC))
	if got := frac.String(); got != "2026-01-31T08:00:00.25Z" {
		t.Errorf("String() = %q", got)
	}
	// A decoded whole-second time equals the same instant built with TimeOf.
	var decoded Time
	if err := decoded.UnmarshalText([]byte("2026-01-31T16:00:00Z")); err != nil || decoded != TimeOf(time.Date(2026, 1, 31, 16, 0, 0, 0, time.UTC)) {
		t.Errorf("decoded %+v, %v", decoded, err)
	}
}

// A request carries a decoded time's fraction as sent, in UTC.
func TestTimeRequestEncodingKeepsFraction(t *testing.T) {
	var v Time
	if err := v.UnmarshalText([]byte("2016-11-07T11:19:19.770-08:00")); err != nil {
		t.Fatal(err)
	}
	out, err := xml.Marshal(struct {
		XMLName xml.Name `xml:"q"`
		T       Time     `xml:"t"`
	}{T: v})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "<t>2016-11-07T19:19:19.770Z</t>") {
		t.Errorf("encoded %s", out)
	}
}

func TestTimeRejectsGarbage(t *testing.T) {
	var v Time
	if err := v.UnmarshalText([]byte("yesterday")); err == nil || v.Valid {
		t.Errorf("accepted: %+v", v)
	}
}
