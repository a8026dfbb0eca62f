package xsdtest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
)

const soapEnvNS = "http://schemas.xmlsoap.org/soap/envelope/"

// extractBodyElement re-writes the first element inside soap:Body with an explicit prefix for
// qualified names (declared on that element) and no prefix for unqualified ones, so the fragment stands
// on its own and keeps its children unqualified, as the schema expects.
func extractBodyElement(envelope []byte) ([]byte, error) {
	dec := xml.NewDecoder(bytes.NewReader(envelope))
	inBody := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil, errors.New("no element in soap:Body")
		}
		if err != nil {
			return nil, err
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !inBody {
			inBody = start.Name.Space == soapEnvNS && start.Name.Local == "Body"
			continue
		}
		var buf bytes.Buffer
		if err := copyElement(dec, &buf, start); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return "q:" + n.Local
}

func copyElement(dec *xml.Decoder, buf *bytes.Buffer, root xml.StartElement) error {
	depth := 0
	tok := xml.Token(root)
	for {
		switch t := tok.(type) {
		case xml.StartElement:
			buf.WriteString("<" + qname(t.Name))
			if depth == 0 {
				buf.WriteString(` xmlns:q="`)
				_ = xml.EscapeText(buf, []byte(t.Name.Space))
				buf.WriteString(`"`)
			}
			depth++
			buf.WriteString(">")
		case xml.EndElement:
			depth--
			buf.WriteString("</" + qname(t.Name) + ">")
			if depth == 0 {
				return nil
			}
		case xml.CharData:
			_ = xml.EscapeText(buf, t)
		}
		var err error
		if tok, err = dec.Token(); err != nil {
			return err
		}
	}
}
