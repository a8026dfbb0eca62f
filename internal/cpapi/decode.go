package cpapi

import (
	"encoding/xml"
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// decodeElement decodes the element whose start d has just read into out, a pointer to a response struct. It
// understands the subset of encoding/xml's rules that the cpapi types use (a field per child local name,
// `a>b` paths, promoted embedded structs, slices, pointers to structs, unknown children skipped) and
// feeds each scalar's text straight to its setText. Field plans are built once per type, so a page costs
// the XML tokenizer and little else: xml.Decoder.DecodeElement re-derives field info and allocates per
// element, which made decoding several times slower than scanning the tokens.
func decodeElement(d *xml.Decoder, out any) error {
	v := reflect.ValueOf(out)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("cpapi: decodeElement needs a pointer to a struct, got %T", out)
	}
	return planFor(v.Elem().Type()).decode(d, v.Elem())
}

// node maps the local names of an element's children to what decodes them.
type node map[string]*target

// target is a struct field (index, decode) or, for the a in an `a>b` path, an intermediate element.
type target struct {
	index  []int
	decode func(d *xml.Decoder, start xml.StartElement, dst reflect.Value) error
	path   node
}

var (
	planCache      sync.Map // reflect.Type -> node
	textSetterType = reflect.TypeFor[textSetter]()
	unmarshalType  = reflect.TypeFor[xml.Unmarshaler]()
)

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
		tag := sf.Tag.Get("xml")
		name, _, _ := strings.Cut(tag, ",")
		if sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct && !isScalar(sf.Type) {
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

func isScalar(t reflect.Type) bool { return reflect.PointerTo(t).Implements(textSetterType) }

// decoderFor returns the decoder of one element of Go type t.
func decoderFor(t reflect.Type) func(*xml.Decoder, xml.StartElement, reflect.Value) error {
	switch {
	case isScalar(t):
		_, keepSpace := reflect.New(t).Interface().(*String)
		return func(d *xml.Decoder, start xml.StartElement, dst reflect.Value) error {
			s, err := text(d, keepSpace)
			if err != nil {
				return err
			}
			setter, _ := reflect.TypeAssert[textSetter](dst.Addr()) // isScalar checked it implements textSetter
			if err := setter.setText(s); err != nil {
				return fmt.Errorf("element %s: %w", start.Name.Local, err)
			}
			return nil
		}
	case reflect.PointerTo(t).Implements(unmarshalType):
		return func(d *xml.Decoder, start xml.StartElement, dst reflect.Value) error {
			return d.DecodeElement(dst.Addr().Interface(), &start)
		}
	case t.Kind() == reflect.Slice:
		item := decoderFor(t.Elem())
		return func(d *xml.Decoder, start xml.StartElement, dst reflect.Value) error {
			dst.Set(reflect.Append(dst, reflect.Zero(t.Elem())))
			return item(d, start, dst.Index(dst.Len()-1))
		}
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		elem := decoderFor(t.Elem())
		return func(d *xml.Decoder, start xml.StartElement, dst reflect.Value) error {
			if dst.IsNil() {
				dst.Set(reflect.New(t.Elem()))
			}
			return elem(d, start, dst.Elem())
		}
	case t.Kind() == reflect.Struct:
		return func(d *xml.Decoder, _ xml.StartElement, dst reflect.Value) error {
			return planFor(t).decode(d, dst)
		}
	}
	panic(fmt.Sprintf("cpapi: no XML decoder for %s", t))
}

// decode reads the children of the current element up to its end into dst.
func (p node) decode(d *xml.Decoder, dst reflect.Value) error {
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			t := p[tok.Name.Local]
			switch {
			case t == nil:
				err = d.Skip()
			case t.path != nil:
				err = t.path.decode(d, dst)
			default:
				err = t.decode(d, tok, dst.FieldByIndex(t.index))
			}
			if err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// text returns the character data of the current element up to its end, skipping any child elements.
func text(d *xml.Decoder, keepSpace bool) (string, error) {
	var s string
	var b []byte // only when the text comes in several pieces (CDATA, comments in between)
	for {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch tok := tok.(type) {
		case xml.CharData:
			switch {
			case b != nil:
				b = append(b, tok...)
			case s == "":
				s = string(tok)
			default:
				b = append([]byte(s), tok...)
			}
		case xml.StartElement:
			if err := d.Skip(); err != nil {
				return "", err
			}
		case xml.EndElement:
			if b != nil {
				s = string(b)
			}
			if !keepSpace {
				s = strings.TrimSpace(s)
			}
			return s, nil
		}
	}
}
