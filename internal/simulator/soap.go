package simulator

import (
	"bytes"
	"crypto/subtle"
	"encoding/xml"
	"fmt"
	"net/http"
	"time"
)

// Namespaces and URIs, exactly as ChargePoint's setup guide documents them.
const (
	nsSOAPEnv  = "http://schemas.xmlsoap.org/soap/envelope/"
	nsSOAP12   = "http://www.w3.org/2003/05/soap-envelope"
	nsCP       = "urn:dictionary:com.chargepoint.webservices"
	nsWSSE     = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
	nsWSU      = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
	passwdText = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText"
)

// Texts of the fault ChargePoint returns for a bad license key, password or security header.
const (
	faultInvalidSecurity = "wsse:InvalidSecurity"
	authFailedText       = "UsernameToken processing failed"
)

// fault is a SOAP 1.1 Fault. Handlers return it (as an error) for malformed requests.
type fault struct {
	Code   string // qualified: soapenv:Client, soapenv:Server, soapenv:VersionMismatch, wsse:InvalidSecurity
	String string
	Status int // HTTP status; 0 means 500
}

func (f *fault) Error() string { return f.Code + ": " + f.String }

// clientFault reports a request the simulator cannot accept (soapenv:Client).
func clientFault(format string, args ...any) error {
	return &fault{Code: "soapenv:Client", String: fmt.Sprintf(format, args...)}
}

var authFault = &fault{Code: faultInvalidSecurity, String: authFailedText}

// parseEnvelope checks the SOAP 1.1 envelope and returns it with its Body.
func parseEnvelope(data []byte) (env, body *element, err error) {
	env, perr := parseXML(data)
	if perr != nil {
		return nil, nil, clientFault("request is not well-formed XML: %v", perr)
	}
	switch {
	case env.is(nsSOAPEnv, "Envelope"):
	case env.is(nsSOAP12, "Envelope"):
		return nil, nil, &fault{Code: "soapenv:VersionMismatch", String: "SOAP 1.2 is not supported; send a SOAP 1.1 envelope (" + nsSOAPEnv + ")"}
	default:
		return nil, nil, clientFault("root element is %s, expected a SOAP 1.1 Envelope in namespace %s", describe(env.Name), nsSOAPEnv)
	}
	body = env.child(nsSOAPEnv, "Body")
	if body == nil {
		return nil, nil, clientFault("the SOAP Envelope has no Body (namespace %s)", nsSOAPEnv)
	}
	return env, body, nil
}

// authenticate applies ChargePoint's WS-Security check: Header/Security (secext namespace) with
// soapenv:mustUnderstand="1", holding UsernameToken/Username (the license key) and UsernameToken/Password
// with the PasswordText Type. Every failure yields the same InvalidSecurity fault.
func (s *Server) authenticate(env *element) error {
	header := env.child(nsSOAPEnv, "Header")
	if header == nil {
		return authFault
	}
	sec := header.child(nsWSSE, "Security")
	if sec == nil {
		return authFault
	}
	if mu := sec.attr(nsSOAPEnv, "mustUnderstand"); mu != "1" {
		return authFault
	}
	token := sec.child(nsWSSE, "UsernameToken")
	if token == nil {
		return authFault
	}
	user, pass := token.child(nsWSSE, "Username"), token.child(nsWSSE, "Password")
	if user == nil || pass == nil {
		return authFault
	}
	if typ := pass.attr("", "Type"); typ != passwdText {
		return authFault
	}
	keyOK := subtle.ConstantTimeCompare([]byte(user.value()), s.licenseKey)
	passOK := subtle.ConstantTimeCompare([]byte(pass.value()), s.password)
	if keyOK&passOK != 1 {
		return authFault
	}
	return nil
}

const xmlDecl = `<?xml version="1.0" encoding="UTF-8"?>`

// writeResponse sends an HTTP 200 envelope with the response security header (a wsu:Timestamp valid for
// five minutes, like ChargePoint's) and body as the element <ns1:{name} xmlns:ns1="urn:...">, whose
// children are unqualified.
func (s *Server) writeResponse(w http.ResponseWriter, name string, body any) error {
	var buf bytes.Buffer
	buf.WriteString(xmlDecl)
	buf.WriteString(`<soapenv:Envelope xmlns:soapenv="` + nsSOAPEnv + `"><soapenv:Header>`)
	created := s.now().UTC()
	const stamp = "2006-01-02T15:04:05.000Z"
	fmt.Fprintf(&buf, `<wsse:Security xmlns:wsse="%s" soapenv:mustUnderstand="1"><wsu:Timestamp xmlns:wsu="%s">`+
		`<wsu:Created>%s</wsu:Created><wsu:Expires>%s</wsu:Expires></wsu:Timestamp></wsse:Security>`,
		nsWSSE, nsWSU, created.Format(stamp), created.Add(5*time.Minute).Format(stamp))
	buf.WriteString(`</soapenv:Header><soapenv:Body>`)
	enc := xml.NewEncoder(&buf)
	start := xml.StartElement{
		Name: xml.Name{Local: "ns1:" + name},
		Attr: []xml.Attr{{Name: xml.Name{Local: "xmlns:ns1"}, Value: nsCP}},
	}
	if err := enc.EncodeElement(body, start); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	buf.WriteString(`</soapenv:Body></soapenv:Envelope>`)
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, err := w.Write(buf.Bytes())
	return err
}

// writeFault sends a SOAP 1.1 Fault (HTTP 500 unless the fault says otherwise). The faultcode's prefix
// is declared on the faultcode element itself, as in ChargePoint's InvalidSecurity fault.
func writeFault(w http.ResponseWriter, f *fault) {
	var buf bytes.Buffer
	buf.WriteString(xmlDecl)
	buf.WriteString(`<soapenv:Envelope xmlns:soapenv="` + nsSOAPEnv + `"><soapenv:Body><soapenv:Fault>`)
	if f.Code == faultInvalidSecurity {
		buf.WriteString(`<faultcode xmlns:wsse="` + nsWSSE + `">`)
	} else {
		buf.WriteString(`<faultcode>`)
	}
	_ = xml.EscapeText(&buf, []byte(f.Code))
	buf.WriteString(`</faultcode><faultstring>`)
	_ = xml.EscapeText(&buf, []byte(f.String))
	buf.WriteString(`</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>`)
	status := f.Status
	if status == 0 {
		status = http.StatusInternalServerError
	}
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
