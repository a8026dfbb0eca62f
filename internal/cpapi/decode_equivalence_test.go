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

// Every response type, so that decodeElement is checked against encoding/xml on each field shape.
var responseTypes = []any{
	&getStationActiveFaultsResponse{}, &getAlarmsResponse{}, &getChargingSessionDataResponse{},
	&get15minChargingSessionDataResponse{}, &getCustomGroupStationsResponse{}, &getFleetVehiclesResponse{},
	&getFleetUsageDataResponse{}, &getLoadResponse{}, &getCPNInstancesResponse{}, &getOrgsAndStationGroupsResponse{},
	&getPublicStationsResponse{}, &getStationGroupsResponse{}, &getStationGroupDetailsResponse{},
	&getStationRightsResponse{}, &getStationRightsProfileResponse{}, &getStationStatusResponse{},
	&getPublicStationStatusResponse{}, &getStationsResponse{}, &getTransactionDataResponse{}, &getUsersResponse{},
}

// TestDecodeElementMatchesEncodingXML fills every response type with random values, marshals it with
// encoding/xml and checks that decodeElement reads back exactly what xml.Unmarshal reads.
func TestDecodeElementMatchesEncodingXML(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, proto := range responseTypes {
		typ := reflect.TypeOf(proto).Elem()
		t.Run(typ.Name(), func(t *testing.T) {
			for range 20 {
				in := reflect.New(typ)
				fill(rng, in.Elem(), 0)
				data, err := xml.Marshal(in.Interface())
				if err != nil {
					t.Fatal(err)
				}
				want := reflect.New(typ)
				if err := xml.Unmarshal(data, want.Interface()); err != nil {
					t.Fatal(err)
				}
				got := reflect.New(typ)
				dec := xml.NewDecoder(bytes.NewReader(data))
				start, err := firstStart(dec)
				if err != nil {
					t.Fatal(err)
				}
				if err := decodeElement(dec, start, got.Interface()); err != nil {
					t.Fatalf("decodeElement: %v\n%s", err, data)
				}
				if !reflect.DeepEqual(got.Interface(), want.Interface()) {
					t.Fatalf("decodeElement and encoding/xml differ for\n%s\ngot  %+v\nwant %+v", data, got.Elem(), want.Elem())
				}
			}
		})
	}
}

func TestDecodeElementSkipsUnknownAndKeepsStringSpace(t *testing.T) {
	data := `<r><responseCode> 100 </responseCode><unknown><stationData>x</stationData></unknown>` +
		`<responseText><![CDATA[a <b>]]> c</responseText><moreFlag> 1 </moreFlag></r>`
	var got getStationsResponse
	dec := xml.NewDecoder(bytes.NewReader([]byte(data)))
	start, _ := firstStart(dec)
	if err := decodeElement(dec, start, &got); err != nil {
		t.Fatal(err)
	}
	if got.ResponseCode != StringOf(" 100 ") || got.ResponseText != StringOf("a <b> c") || got.MoreFlag != BoolOf(true) || len(got.Stations) != 0 {
		t.Fatalf("got %+v", got)
	}
}

func TestDecodeElementReportsBadScalar(t *testing.T) {
	var got getStationsResponse
	dec := xml.NewDecoder(bytes.NewReader([]byte(`<r><moreFlag>maybe</moreFlag></r>`)))
	start, _ := firstStart(dec)
	if err := decodeElement(dec, start, &got); err == nil || err.Error() != `element moreFlag: "maybe" is not a 0/1 or true/false flag` {
		t.Fatalf("err = %v", err)
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

func TestDecodeElementRejectsMismatchedEndTags(t *testing.T) {
	for _, doc := range []string{
		`<r><responseCode>100</responseText></r>`,
		`<r><stationData><stationID>1</stationID></moreFlag></r>`,
		`<r><unknown><a></b></unknown></r>`,
	} {
		var got getStationsResponse
		dec := xml.NewDecoder(bytes.NewReader([]byte(doc)))
		start, _ := firstStart(dec)
		if err := decodeElement(dec, start, &got); err == nil || !strings.Contains(err.Error(), "closed by") {
			t.Errorf("%s: err = %v, want a mismatched end tag", doc, err)
		}
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
