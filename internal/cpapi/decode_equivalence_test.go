package cpapi

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
)

// Every response type, so that the decoder is checked against encoding/xml on each field shape.
var responseTypes = []any{
	&getStationActiveFaultsResponse{}, &getAlarmsResponse{}, &getChargingSessionDataResponse{},
	&get15minChargingSessionDataResponse{}, &getCustomGroupStationsResponse{}, &getFleetVehiclesResponse{},
	&getFleetUsageDataResponse{}, &getLoadResponse{}, &getCPNInstancesResponse{}, &getOrgsAndStationGroupsResponse{},
	&getPublicStationsResponse{}, &getStationGroupsResponse{}, &getStationGroupDetailsResponse{},
	&getStationRightsResponse{}, &getStationRightsProfileResponse{}, &getStationStatusResponse{},
	&getPublicStationStatusResponse{}, &getStationsResponse{}, &getTransactionDataResponse{}, &getUsersResponse{},
}

// TestDecodeElementMatchesEncodingXML fills every response type with random values, marshals it with
// encoding/xml and checks that a call decodes it (soap's decoder) exactly as xml.Unmarshal does.
func TestDecodeElementMatchesEncodingXML(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var doc []byte
	c := answering(t, &doc)
	calls := 0
	for _, proto := range responseTypes {
		typ := reflect.TypeOf(proto).Elem()
		op := strings.TrimSuffix(typ.Name(), "Response")
		t.Run(typ.Name(), func(t *testing.T) {
			for range 20 {
				in := reflect.New(typ)
				fill(rng, in.Elem(), 0)
				var element bytes.Buffer
				if err := xml.NewEncoder(&element).EncodeElement(in.Interface(), xml.StartElement{Name: xml.Name{Space: ServiceNS, Local: typ.Name()}}); err != nil {
					t.Fatal(err)
				}
				want := reflect.New(typ)
				if err := xml.Unmarshal(element.Bytes(), want.Interface()); err != nil {
					t.Fatal(err)
				}
				doc = []byte(`<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>` +
					element.String() + `</soapenv:Body></soapenv:Envelope>`)
				got := reflect.New(typ)
				calls++
				if err := c.decodeAnswer(op, calls, got.Interface()); err != nil {
					t.Fatalf("decoding: %v\n%s", err, doc)
				}
				if !reflect.DeepEqual(got.Interface(), want.Interface()) {
					t.Fatalf("the call and encoding/xml decode differently\n%s\ngot  %+v\nwant %+v", doc, got.Elem(), want.Elem())
				}
			}
		})
	}
}

// fill sets every field reachable from v to a random valid value (lists of 0 to 2 items).
func fill(rng *rand.Rand, v reflect.Value, depth int) {
	switch x := v.Addr().Interface().(type) {
	case *String:
		*x = StringOf(fmt.Sprintf("s%d & <%d>", rng.IntN(100), rng.IntN(9)))
		return
	case *Float:
		*x = FloatOf(float64(rng.IntN(100000)) / 64)
		return
	case *Int:
		*x = IntOf(rng.Int64N(1 << 40))
		return
	case *Bool:
		*x = BoolOf(rng.IntN(2) == 1)
		return
	case *Time:
		*x = TimeOf(time.Unix(rng.Int64N(2e9), 0).UTC())
		return
	case *Date:
		*x = DateOf(time.Unix(rng.Int64N(2e9), 0).UTC().Truncate(24 * time.Hour))
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() && v.Type().Field(i).Tag.Get("xml") != "-" {
				fill(rng, v.Field(i), depth+1)
			}
		}
	case reflect.Pointer:
		if rng.IntN(3) > 0 {
			v.Set(reflect.New(v.Type().Elem()))
			fill(rng, v.Elem(), depth+1)
		}
	case reflect.Slice:
		n := rng.IntN(3)
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			fill(rng, s.Index(i), depth+1)
		}
		v.Set(s)
	}
}

// UnmarshalXML lets encoding/xml read a WrappedList the way decodeElement does (textList), so that
// the equivalence test can compare the two; production decodes through decodeElement only.
func (l *WrappedList[N]) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	var items struct {
		Items []String `xml:",any"`
	}
	if err := d.DecodeElement(&items, &start); err != nil {
		return err
	}
	*l = append(*l, items.Items...)
	return nil
}
