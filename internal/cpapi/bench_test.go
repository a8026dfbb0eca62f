package cpapi

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// A full 500-station page, the largest getPublicStations answer, with two ports and a pricing block each.
func fullPage() []byte {
	var b strings.Builder
	b.WriteString(soapOK("getPublicStations", ok100))
	body := b.String()
	i := strings.Index(body, "</ns1:")
	var items strings.Builder
	for n := 1; n <= DefaultPageSize; n++ {
		fmt.Fprintf(&items, `<stationData><stationID>1:%d</stationID><stationManufacturer>Coulomb</stationManufacturer><stationName>ORG / S%d</stationName>`+
			`<Address>1692 Dell Ave</Address><City>Campbell</City><State>California</State><Country>United States</Country><postalCode>95008</postalCode>`+
			`<Port><portNumber>1</portNumber><Geo><Lat>37.261489868164060</Lat><Long>-121.957534790039060</Long></Geo><Reservable>0</Reservable><Status>AVAILABLE</Status><Level>L2</Level><Connector>J1772</Connector><Voltage>240</Voltage><Current>30</Current><Power>7.2</Power><estimatedCost>0.00</estimatedCost></Port>`+
			`<Port><portNumber>2</portNumber><Geo><Lat>37.261489868164060</Lat><Long>-121.957534790039060</Long></Geo><Reservable>0</Reservable><Status>INUSE</Status><Level>L2</Level><Connector>J1772</Connector><Voltage>240</Voltage><Current>30</Current><Power>7.2</Power><estimatedCost>0.00</estimatedCost></Port>`+
			`<Pricing><Type>None</Type><startTime>00:00:00</startTime><endTime>23:59:59</endTime><minPrice>0.50</minPrice><unitPricePerHour>1.50</unitPricePerHour></Pricing>`+
			`<numPorts>2</numPorts><modTimeStamp>2012-11-15T01:29:16Z</modTimeStamp><currencyCode>USD</currencyCode><recordNumber>%d</recordNumber></stationData>`, n, n, n)
	}
	return []byte(body[:i] + items.String() + "<moreFlag>0</moreFlag>" + body[i:])
}

// BenchmarkDecodeFullPage measures decoding one 500-station page (about 1 MB of XML), as a call does
// once the answer is in (the page is kept after the first call).
func BenchmarkDecodeFullPage(b *testing.B) {
	page := fullPage()
	c := answering(b, &page)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		var resp getPublicStationsResponse
		if err := c.decodeAnswer("getPublicStations", 0, &resp); err != nil || len(resp.Stations) != DefaultPageSize {
			b.Fatal(err, len(resp.Stations))
		}
	}
}

// BenchmarkTokenScanFullPage is the floor for BenchmarkDecodeFullPage: encoding/xml's tokenizer reading
// the same page and doing nothing else.
func BenchmarkTokenScanFullPage(b *testing.B) {
	page := fullPage()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		scanTokens(b, page)
	}
}

// BenchmarkStdlibDecodeFullPage decodes the same page with xml.Decoder.DecodeElement, as cpapi did before
// it had its own decoder.
func BenchmarkStdlibDecodeFullPage(b *testing.B) {
	page := fullPage()
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		var resp getPublicStationsResponse
		dec := xml.NewDecoder(bytes.NewReader(page))
		start, err := firstStart(dec)
		for err == nil && start.Name.Local != "getPublicStationsResponse" {
			start, err = firstStart(dec)
		}
		if err != nil {
			b.Fatal(err)
		}
		if err := dec.DecodeElement(&resp, &start); err != nil || len(resp.Stations) != DefaultPageSize {
			b.Fatal(err, len(resp.Stations))
		}
	}
}

// BenchmarkDecodeVsTokenScan reports decoding a 500-station page as a multiple of scanning its tokens
// with encoding/xml (the goal is at most 1.5x), both measured in this run, alternately.
func BenchmarkDecodeVsTokenScan(b *testing.B) {
	page := fullPage()
	c := answering(b, &page)
	var decode, scan time.Duration
	for b.Loop() {
		started := time.Now()
		scanTokens(b, page)
		scan += time.Since(started)
		started = time.Now()
		var resp getPublicStationsResponse
		if err := c.decodeAnswer("getPublicStations", 0, &resp); err != nil || len(resp.Stations) != DefaultPageSize {
			b.Fatal(err, len(resp.Stations))
		}
		decode += time.Since(started)
	}
	b.ReportMetric(float64(decode)/float64(scan), "decode/scan")
}

// scanTokens reads every token of page with encoding/xml's tokenizer and does nothing else.
func scanTokens(b *testing.B, page []byte) {
	dec := xml.NewDecoder(bytes.NewReader(page))
	for {
		if _, err := dec.Token(); err == io.EOF {
			return
		} else if err != nil {
			b.Fatal(err)
		}
	}
}

func firstStart(dec *xml.Decoder) (xml.StartElement, error) {
	for {
		tok, err := dec.Token()
		if err != nil {
			return xml.StartElement{}, err
		}
		if s, ok := tok.(xml.StartElement); ok {
			return s, nil
		}
	}
}
