package simulator

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

const xmlNamespace = "http://www.w3.org/XML/1998/namespace"

// element is a parsed XML element with namespace-resolved names.
type element struct {
	Name     xml.Name   // Space is the namespace URI ("" when unqualified), never a prefix
	Attrs    []xml.Attr // namespace-resolved; xmlns declarations are left out
	Children []*element
	Text     string // character data directly inside the element
}

// Limits that keep a hostile request from costing much.
const (
	maxDepth    = 32
	maxElements = 10000
)

// parseXML parses one XML document. Unlike encoding/xml's Decoder.Token, it rejects undeclared
// namespace prefixes (Token would silently keep the prefix as the "namespace"), DTDs, mismatched end
// tags and content after the root element.
func parseXML(data []byte) (*element, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	type frame struct {
		el     *element
		raw    xml.Name // prefix:local as written, to check the end tag
		scopes map[string]string
	}
	var (
		stack []frame
		root  *element
		count int
	)
	lookup := func(prefix string) (string, bool) {
		switch prefix {
		case "xml":
			return xmlNamespace, true
		case "xmlns":
			return "", false
		}
		for i := len(stack) - 1; i >= 0; i-- {
			if ns, ok := stack[i].scopes[prefix]; ok {
				return ns, true
			}
		}
		return "", prefix == "" // no default namespace declared: unqualified
	}
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			if root == nil {
				return nil, errors.New("no root element")
			}
			if len(stack) > 0 {
				return nil, fmt.Errorf("unexpected end of document inside <%s>", rawName(stack[len(stack)-1].raw))
			}
			return root, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root != nil && len(stack) == 0 {
				return nil, errors.New("content after the root element")
			}
			if count++; count > maxElements || len(stack) >= maxDepth {
				return nil, errors.New("document too large or too deeply nested")
			}
			f := frame{raw: t.Name, scopes: map[string]string{}}
			for _, a := range t.Attr {
				switch {
				case a.Name.Space == "" && a.Name.Local == "xmlns":
					f.scopes[""] = a.Value
				case a.Name.Space == "xmlns":
					if a.Value == "" {
						return nil, fmt.Errorf("empty namespace for prefix %q", a.Name.Local)
					}
					f.scopes[a.Name.Local] = a.Value
				}
			}
			stack = append(stack, f)
			el := &element{}
			ns, ok := lookup(t.Name.Space)
			if !ok {
				return nil, fmt.Errorf("undeclared namespace prefix %q in <%s>", t.Name.Space, rawName(t.Name))
			}
			el.Name = xml.Name{Space: ns, Local: t.Name.Local}
			for _, a := range t.Attr {
				if a.Name.Local == "xmlns" && a.Name.Space == "" || a.Name.Space == "xmlns" {
					continue
				}
				name := xml.Name{Local: a.Name.Local}
				if a.Name.Space != "" { // unprefixed attributes are in no namespace
					if name.Space, ok = lookup(a.Name.Space); !ok || name.Space == "" {
						return nil, fmt.Errorf("undeclared namespace prefix %q on attribute %s", a.Name.Space, rawName(a.Name))
					}
				}
				el.Attrs = append(el.Attrs, xml.Attr{Name: name, Value: a.Value})
			}
			stack[len(stack)-1].el = el
			if len(stack) == 1 {
				root = el
			} else {
				parent := stack[len(stack)-2].el
				parent.Children = append(parent.Children, el)
			}
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1].raw != t.Name {
				return nil, fmt.Errorf("unexpected end tag </%s>", rawName(t.Name))
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				if len(bytes.TrimSpace(t)) > 0 {
					return nil, errors.New("text outside the root element")
				}
				continue
			}
			stack[len(stack)-1].el.Text += string(t)
		case xml.Directive:
			return nil, errors.New("DTDs and other directives are not allowed in SOAP messages")
		}
	}
}

func rawName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// is reports whether e has the given namespace and local name.
func (e *element) is(space, local string) bool { return e.Name.Space == space && e.Name.Local == local }

// child returns the first child with the given namespace and local name.
func (e *element) child(space, local string) *element {
	for _, c := range e.Children {
		if c.is(space, local) {
			return c
		}
	}
	return nil
}

// attr returns the value of the attribute with the given namespace and local name ("" when absent).
func (e *element) attr(space, local string) string {
	for _, a := range e.Attrs {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// value is the element's text with surrounding white space removed.
func (e *element) value() string { return strings.TrimSpace(e.Text) }

// describe names an element for messages: {namespace}local, or local when unqualified.
func describe(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return "{" + n.Space + "}" + n.Local
}
