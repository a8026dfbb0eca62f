package soap

import (
	"encoding"
	"encoding/xml"
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// decodeElement decodes the element that starts at start (just read from d) into out, a pointer to a
// response struct. It understands the subset of encoding/xml's rules that response types use (a field
// per child local name, `a>b` paths, promoted embedded structs, slices, pointers to structs, unknown
// children skipped). A field whose pointer is an encoding.TextUnmarshaler (cpapi's nullable scalars)
// gets the element's text, as encoding/xml would give it; a ListUnmarshaler gets the text of each child.
// Any other field must be a struct, a pointer to one or a slice.
//
// Why not xml.Decoder.DecodeElement: it re-derives field information and allocates per element, and
// Token translates every name's namespace, which nothing inside a response needs (children are
// unqualified). Here field plans are built once per type and the inside of the response is read with
// RawToken, checking itself that each end tag matches its start, so a page costs little more than the
// tokenizer's own work.
func decodeElement(d *xml.Decoder, start xml.StartElement, out any) error {
	v := reflect.ValueOf(out)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("soap: decodeElement needs a pointer to a struct, got %T", out)
	}
	return planFor(v.Elem().Type()).decode(&reader{Decoder: d}, start, v.Elem())
}

// reader is the decoder with a buffer that holds the text of one element at a time.
type reader struct {
	*xml.Decoder
	text []byte
}

// node maps the local names of an element's children to what decodes them.
type node map[string]*target

// target is a struct field (index, decode) or, for the a in an `a>b` path, an intermediate element.
type target struct {
	index  []int
	decode decodeFunc
	path   node
}

type decodeFunc func(r *reader, start xml.StartElement, dst reflect.Value) error

var (
	planCache           sync.Map // reflect.Type -> node
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	listUnmarshalerType = reflect.TypeFor[ListUnmarshaler]()
)

// ListUnmarshaler is a list sent as a wrapper element whose children each carry one item as text
// (<stationIDs><stationID>…</stationID>…</stationIDs>, cpapi.WrappedList): the decoder calls
// AppendItemText with the text of each child in turn, surrounding whitespace kept. The bytes are valid
// only during the call.
type ListUnmarshaler interface{ AppendItemText(text []byte) }

func planFor(t reflect.Type) node {
	if p, ok := planCache.Load(t); ok {
		return p.(node) //nolint:forcetypeassert // the cache holds only nodes
	}
	p := node{}
	addFields(p, t, nil)
	planCache.Store(t, p)
	return p
}

func addFields(p node, t reflect.Type, prefix []int) {
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		index := append(append([]int(nil), prefix...), i)
		name, _, _ := strings.Cut(sf.Tag.Get("xml"), ",")
		if sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct && !isText(sf.Type) {
			addFields(p, sf.Type, index)
			continue
		}
		if !sf.IsExported() || name == "-" || name == "" {
			continue
		}
		parts := strings.Split(name, ">")
		at := p
		for _, parent := range parts[:len(parts)-1] {
			if at[parent] == nil {
				at[parent] = &target{path: node{}}
			}
			at = at[parent].path
		}
		at[parts[len(parts)-1]] = &target{index: index, decode: decoderFor(sf.Type)}
	}
}

// isText reports whether a value of type t is decoded from an element's text (the nullable scalars).
func isText(t reflect.Type) bool { return reflect.PointerTo(t).Implements(textUnmarshalerType) }

// decoderFor returns the decoder of one element of Go type t.
func decoderFor(t reflect.Type) decodeFunc {
	switch {
	case isText(t):
		return func(r *reader, start xml.StartElement, dst reflect.Value) error {
			text, err := r.readText(start)
			if err != nil {
				return err
			}
			u, _ := reflect.TypeAssert[encoding.TextUnmarshaler](dst.Addr()) // isText: it is one
			if err := u.UnmarshalText(text); err != nil {
				return fmt.Errorf("element %s: %w", start.Name.Local, err)
			}
			return nil
		}
	case reflect.PointerTo(t).Implements(listUnmarshalerType):
		return func(r *reader, start xml.StartElement, dst reflect.Value) error {
			list, _ := reflect.TypeAssert[ListUnmarshaler](dst.Addr())
			return r.children(start, func(child xml.StartElement) error {
				text, err := r.readText(child)
				list.AppendItemText(text)
				return err
			})
		}
	case t.Kind() == reflect.Slice:
		item := decoderFor(t.Elem())
		return func(r *reader, start xml.StartElement, dst reflect.Value) error {
			dst.Set(reflect.Append(dst, reflect.Zero(t.Elem())))
			return item(r, start, dst.Index(dst.Len()-1))
		}
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		elem := decoderFor(t.Elem())
		return func(r *reader, start xml.StartElement, dst reflect.Value) error {
			if dst.IsNil() {
				dst.Set(reflect.New(t.Elem()))
			}
			return elem(r, start, dst.Elem())
		}
	case t.Kind() == reflect.Struct:
		return func(r *reader, start xml.StartElement, dst reflect.Value) error {
			return planFor(t).decode(r, start, dst)
		}
	}
	panic(fmt.Sprintf("soap: no XML decoder for %s", t))
}

// decode reads the children of the element that starts at start, up to its end, into dst.
func (p node) decode(r *reader, start xml.StartElement, dst reflect.Value) error {
	return r.children(start, func(child xml.StartElement) error {
		switch t := p[child.Name.Local]; {
		case t == nil:
			return r.skip(child)
		case t.path != nil:
			return t.path.decode(r, child, dst)
		default:
			return t.decode(r, child, dst.FieldByIndex(t.index))
		}
	})
}

// children calls each for every child element of start; each must consume its child whole.
func (r *reader) children(start xml.StartElement, each func(xml.StartElement) error) error {
	for {
		tok, err := r.RawToken()
		if err != nil {
			return err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if err := each(tok); err != nil {
				return err
			}
		case xml.EndElement:
			return matchEnd(start, tok)
		}
	}
}

// matchEnd is the check that Token makes and RawToken does not. It compares local names: the response
// element's start came from Token, with its namespace resolved, and its end from RawToken, with a prefix.
func matchEnd(start xml.StartElement, end xml.EndElement) error {
	if end.Name.Local != start.Name.Local {
		return &xml.SyntaxError{Msg: fmt.Sprintf("element <%s> closed by </%s>", start.Name.Local, end.Name.Local)}
	}
	return nil
}

func (r *reader) skip(start xml.StartElement) error {
	return r.children(start, func(child xml.StartElement) error { return r.skip(child) })
}

// readText returns the character data of the element that starts at start, up to its end, skipping
// any child elements, as encoding/xml hands it to UnmarshalText. The bytes are valid until the next
// readText.
func (r *reader) readText(start xml.StartElement) ([]byte, error) {
	r.text = r.text[:0]
	for {
		tok, err := r.RawToken()
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.CharData:
			r.text = append(r.text, tok...)
		case xml.StartElement:
			if err := r.skip(tok); err != nil {
				return nil, err
			}
		case xml.EndElement:
			return r.text, matchEnd(start, tok)
		}
	}
}
