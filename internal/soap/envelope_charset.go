package soap

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"strings"

	"golang.org/x/net/html/charset"
)

// newResponseDecoder is the one place a response decoder is created. Documents that declare another
// encoding than UTF-8 (ISO-8859-1, Windows-1252 or any IANA charset) are converted to UTF-8 as they
// are read.
func newResponseDecoder(data []byte) *xml.Decoder {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = charset.NewReaderLabel
	return dec
}

// explainEncodingError turns encoding/xml's terse "invalid UTF-8" into a message that says what is wrong
// with the document.
func explainEncodingError(err error) error {
	var syntax *xml.SyntaxError
	if errors.As(err, &syntax) && syntax.Msg == "invalid UTF-8" {
		return fmt.Errorf("the response is not valid UTF-8 (line %d), although it declares UTF-8 or no encoding: "+
			"the server sent text in another encoding without declaring it: %w", syntax.Line, err)
	}
	return err
}

// sniffHTML reports whether data is an HTML page (a proxy's error page, a captive portal, a login form)
// rather than XML, and returns its title. It looks at the start of the document only: a SOAP envelope
// never holds a literal "<html" tag in its first bytes.
func sniffHTML(data []byte) (title string, ok bool) {
	head := data[:min(len(data), 1024)]
	lower := bytes.ToLower(head)
	if !bytes.Contains(lower, []byte("<!doctype html")) && !bytes.Contains(lower, []byte("<html")) {
		return "", false
	}
	doc := data[:min(len(data), 64<<10)]
	lowerDoc := bytes.ToLower(doc)
	start := bytes.Index(lowerDoc, []byte("<title"))
	if start < 0 {
		return "", true
	}
	open := bytes.IndexByte(lowerDoc[start:], '>')
	if open < 0 {
		return "", true
	}
	text := doc[start+open+1:]
	if end := bytes.Index(bytes.ToLower(text), []byte("</title")); end >= 0 {
		text = text[:end]
	}
	title = strings.Join(strings.Fields(html.UnescapeString(string(text))), " ")
	if r := []rune(title); len(r) > 120 {
		title = string(r[:120]) + "…"
	}
	return title, true
}
