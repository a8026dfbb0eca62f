package soap

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

const (
	soapEnvNS    = "http://schemas.xmlsoap.org/soap/envelope/"
	wsseNS       = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
	passwordText = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText"
)

// The envelope and header are written exactly as ChargePoint's "Example SOAP Header" shows them, including
// the three attributes its guide says to validate: xmlns:wss on Header, mustUnderstand="1" on Security and
// the PasswordText Type on Password. The service namespace is declared on the Envelope, prefix urn.
const (
	envelopeStart  = `<soapenv:Envelope xmlns:soapenv="` + soapEnvNS + `" xmlns:urn="`
	envelopeHeader = `"><soapenv:Header xmlns:wss="` + wsseNS + `">` +
		`<wss:Security soapenv:mustUnderstand="1"><wss:UsernameToken><wss:Username>`
	envelopeMiddle = `</wss:Username><wss:Password Type="` + passwordText + `">`
	envelopeBody   = `</wss:Password></wss:UsernameToken></wss:Security></soapenv:Header><soapenv:Body>`
	envelopeEnd    = `</soapenv:Body></soapenv:Envelope>`
)

// marshalBody encodes the operation element: only it is namespace-qualified (prefix urn, declared on the
// Envelope); its children are unqualified because the schema sets no elementFormDefault.
func marshalBody(op string, request any) ([]byte, error) {
	var buf bytes.Buffer
	enc := xml.NewEncoder(&buf)
	if err := enc.EncodeElement(request, xml.StartElement{Name: xml.Name{Local: "urn:" + op}}); err != nil {
		return nil, fmt.Errorf("%s: encode request: %w", op, err)
	}
	if err := enc.Flush(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// envelope wraps an encoded body with the WS-Security header for the given credentials.
func (c *Client) envelope(username, password string, body []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(envelopeStart) + len(c.namespace) + len(envelopeHeader) + len(envelopeMiddle) + len(envelopeBody) +
		len(envelopeEnd) + len(body) + 128)
	buf.WriteString(envelopeStart)
	_ = xml.EscapeText(&buf, []byte(c.namespace))
	buf.WriteString(envelopeHeader)
	_ = xml.EscapeText(&buf, []byte(username))
	buf.WriteString(envelopeMiddle)
	_ = xml.EscapeText(&buf, []byte(password))
	buf.WriteString(envelopeBody)
	buf.Write(body)
	buf.WriteString(envelopeEnd)
	return buf.Bytes()
}

type soapFault struct {
	Code   string `xml:"faultcode"`
	String string `xml:"faultstring"`
}

// errNoBody means the document was XML but not a SOAP envelope with a Body element.
var errNoBody = errors.New("no SOAP Body")

// decodeEnvelope finds the first element of the SOAP Body, matching by namespace and local name so that
// any prefixes (soapenv, SOAP-ENV, ns1 on the Envelope or on the wrapper) work, and skipping any header
// (such as a response wsse:Security/wsu:Timestamp). It returns a fault if the body holds one; otherwise it
// decodes the wrapper element <op>Response of the service namespace ns into out.
func decodeEnvelope(data []byte, ns, op string, out any) (_ *soapFault, err error) {
	defer func() { err = explainEncodingError(err) }()
	dec := newResponseDecoder(data)
	inBody := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil, errNoBody
		}
		if err != nil {
			return nil, err
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case !inBody && start.Name.Space == soapEnvNS && start.Name.Local == "Body":
			inBody = true
		case !inBody && start.Name.Space == soapEnvNS && start.Name.Local == "Envelope":
		case !inBody:
			if err := dec.Skip(); err != nil { // Header and anything else before the Body
				return nil, err
			}
		case start.Name.Space == soapEnvNS && start.Name.Local == "Fault":
			var f soapFault
			if err := dec.DecodeElement(&f, &start); err != nil {
				return nil, fmt.Errorf("decode SOAP fault: %w", err)
			}
			return &f, nil
		case start.Name.Space == ns && start.Name.Local == op+"Response":
			return nil, decodeElement(dec, start, out)
		default:
			return nil, fmt.Errorf("unexpected element {%s}%s in the SOAP Body, want {%s}%sResponse",
				start.Name.Space, start.Name.Local, ns, op)
		}
	}
}

// localPart strips a QName prefix: "wsse:InvalidSecurity" -> "InvalidSecurity".
func localPart(qname string) string {
	qname = strings.TrimSpace(qname)
	if i := strings.LastIndexByte(qname, ':'); i >= 0 {
		return qname[i+1:]
	}
	return qname
}
