package simulator

import (
	"bytes"
	"testing"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/xsdtest"
)

// TestResponsesValidAgainstXSD validates the body element of responses to varied queries against
// ChargePoint's 5.1 schema (element order, types, unqualified children).
func TestResponsesValidAgainstXSD(t *testing.T) {
	s, url := startServer(t, Options{Stations: 1000})
	var multi, twoPricing, europe string
	for _, st := range s.Dataset().Stations() {
		if !st.Public {
			continue
		}
		for _, p := range st.Ports {
			if len(p.Connectors) > 1 && multi == "" {
				multi = st.ID
			}
		}
		if len(st.Pricing) == 2 && twoPricing == "" {
			twoPricing = st.ID
		}
		if st.Country == "Germany" && europe == "" {
			europe = st.ID
		}
	}
	if multi == "" || twoPricing == "" || europe == "" {
		t.Fatalf("data set lacks a multi-connector (%q), two-pricing (%q) or European (%q) station", multi, twoPricing, europe)
	}
	pricing := `<Pricing><startTime>08:00:00</startTime><Duration>90</Duration><energyRequired>20</energyRequired><vehiclePower>7.2</vehiclePower></Pricing>`
	cases := []struct {
		name, envelope, mustContain string
	}{
		{"guide request", guideRequest, "<stationName>CHARGEPOINT / HQ 5</stationName>"},
		{"multi-connector port", publicStationsRequest("<stationID>" + multi + "</stationID>"), "<Connectors><Connector><connectorLabel>"},
		{"two pricing blocks", publicStationsRequest("<stationID>" + twoPricing + "</stationID>"), "</Pricing><Pricing>"},
		{"estimatedCost from Pricing input", publicStationsRequest("<stationID>" + twoPricing + "</stationID>" + pricing), "<estimatedCost>"},
		{"European station (Mode)", publicStationsRequest("<stationID>" + europe + "</stationID>"), "<Mode>"},
		{"full page", publicStationsRequest("<numStations>500</numStations>" + pricing), "<moreFlag>1</moreFlag>"},
		{"102 no station", publicStationsRequest("<stationID>0:0</stationID>"), "<responseCode>102</responseCode>"},
		{"145 bad unit", publicStationsRequest("<City>Seattle</City><proximityUnit>Q</proximityUnit>"), "<responseCode>145</responseCode>"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := post(t, url, c.envelope)
			if res.Status != 200 || !bytes.Contains(res.Body, []byte(c.mustContain)) {
				t.Fatalf("HTTP %d, want %s in\n%s", res.Status, c.mustContain, res.Body)
			}
			xsdtest.Validate(t, xsdtest.BodyElement(t, res.Body))
		})
	}
}

// TestXSDValidationCanFail makes sure the validation above is not vacuous: a response with its
// elements out of order must be rejected.
func TestXSDValidationCanFail(t *testing.T) {
	_, url := startServer(t, Options{})
	res := post(t, url, guideRequest)
	swapped := bytes.Replace(res.Body, []byte("<numPorts>2</numPorts><mainPhone>(888) 758-4389</mainPhone>"),
		[]byte("<mainPhone>(888) 758-4389</mainPhone><numPorts>2</numPorts>"), 1)
	if bytes.Equal(swapped, res.Body) {
		t.Fatal("fixture did not change")
	}
	ft := &fakeT{TB: t}
	func() {
		defer func() { _ = recover() }()
		xsdtest.Validate(ft, xsdtest.BodyElement(t, swapped))
	}()
	if ft.skipped {
		t.Skip("schema validation unavailable")
	}
	if !ft.failed {
		t.Fatal("out-of-order response passed schema validation")
	}
}

// fakeT records Fatal/Skip instead of stopping the real test.
type fakeT struct {
	testing.TB
	failed, skipped bool
}

func (f *fakeT) Helper()               {}
func (f *fakeT) TempDir() string       { return f.TB.TempDir() }
func (f *fakeT) Fatalf(string, ...any) { f.failed = true; panic("fatal") }
func (f *fakeT) Skip(...any)           { f.skipped = true; panic("skip") }
func (f *fakeT) Skipf(string, ...any)  { f.skipped = true; panic("skip") }
