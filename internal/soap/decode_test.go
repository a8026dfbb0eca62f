package soap

import (
	"encoding/xml"
	"reflect"
	"strings"
	"testing"
)

// decodeDoc decodes the root element of doc into out with decodeElement.
func decodeDoc(t *testing.T, doc string, out any) error {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	for {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		if start, ok := tok.(xml.StartElement); ok {
			return decodeElement(dec, start, out)
		}
	}
}

// wrapped is a ListUnmarshaler: <ids><id>…</id>…</ids>.
type wrapped []text

func (w *wrapped) AppendItemText(b []byte) { *w = append(*w, text(b)) }

// TestDecodeElementMatchesEncodingXML: on every field shape the decoder knows (a text field, a>b paths,
// embedded structs, slices, pointers, a list of texts), it reads what encoding/xml reads, unknown
// children skipped, CDATA joined and surrounding whitespace handed to UnmarshalText.
// (cpapi/decode_equivalence_test.go compares the two on every response type of cpapi.)
func TestDecodeElementMatchesEncodingXML(t *testing.T) {
	type inner struct {
		A text `xml:"a"`
	}
	type embedded struct {
		E text `xml:"e"`
	}
	type doc struct {
		embedded
		Code    text     `xml:"responseCode"`
		Deep    text     `xml:"outer>deep"`
		Items   []inner  `xml:"item"`
		Pointer *inner   `xml:"pointer"`
		IDs     wrapped  `xml:"ids"`
		Flags   []flag   `xml:"flag"`
		Skipped text     `xml:"-"`
		Paths   []text   `xml:"list>entry"`
		Nested  []*inner `xml:"nested"`
	}
	const data = `<r><e>E</e><responseCode> 100 </responseCode><unknown><stationData>x</stationData></unknown>` +
		`<outer><deep><![CDATA[a <b>]]> c</deep><other/></outer><item><a>1</a></item><item><a>2</a><b/></item>` +
		`<pointer><a>p</a></pointer><ids><id> x </id><id>y</id></ids><flag>1</flag><flag> 0 </flag>` +
		`<list><entry>1</entry><entry>2</entry></list><nested><a>n</a></nested></r>`
	var got doc
	if err := decodeDoc(t, data, &got); err != nil {
		t.Fatal(err)
	}
	want := doc{embedded: embedded{E: "E"}, Code: " 100 ", Deep: "a <b> c", Items: []inner{{"1"}, {"2"}}, Pointer: &inner{"p"},
		IDs: wrapped{" x ", "y"}, Flags: []flag{true, false}, Paths: []text{"1", "2"}, Nested: []*inner{{"n"}}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
	// encoding/xml reads the same, but for the list of texts, which it has no rule for.
	var std doc
	if err := xml.Unmarshal([]byte(data), &std); err != nil {
		t.Fatal(err)
	}
	std.IDs = want.IDs
	if !reflect.DeepEqual(std, want) {
		t.Fatalf("encoding/xml read %+v", std)
	}
}

func TestDecodeElementReportsBadText(t *testing.T) {
	var got stationsResponse
	if err := decodeDoc(t, `<r><moreFlag>maybe</moreFlag></r>`, &got); err == nil || err.Error() != `element moreFlag: "maybe" is not a 0/1 flag` {
		t.Fatalf("err = %v", err)
	}
}

func TestDecodeElementRejectsMismatchedEndTags(t *testing.T) {
	for _, doc := range []string{
		`<r><responseCode>100</responseText></r>`,
		`<r><stationData><stationID>1</stationID></moreFlag></r>`,
		`<r><unknown><a></b></unknown></r>`,
	} {
		var got stationsResponse
		if err := decodeDoc(t, doc, &got); err == nil || !strings.Contains(err.Error(), "closed by") {
			t.Errorf("%s: err = %v, want a mismatched end tag", doc, err)
		}
	}
}
