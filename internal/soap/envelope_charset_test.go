package soap

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// encodedStations is a getPublicStations answer encoded in enc and declaring label.
func encodedStations(t *testing.T, enc *charmap.Charmap, label, city string) string {
	t.Helper()
	doc := `<?xml version="1.0" encoding="` + label + `"?>` + soapOK(ok100+
		`<stationData><stationID>1:1</stationID><stationName>Gare de l&apos;Est</stationName><Address>`+city+`</Address></stationData>`)
	out, err := enc.NewEncoder().String(doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestResponseCharsets(t *testing.T) {
	cases := []struct {
		enc         *charmap.Charmap
		label, text string
	}{
		{charmap.ISO8859_1, "ISO-8859-1", "Zürich, Saint-Étienne, Ålesund"},
		{charmap.ISO8859_1, "latin1", "Besançon"},
		{charmap.Windows1252, "windows-1252", "Köln – “Dom” €"},
		{charmap.ISO8859_15, "ISO-8859-15", "Évry €"},
	}
	for _, tc := range cases {
		t.Run(tc.label, func(t *testing.T) {
			body := encodedStations(t, tc.enc, tc.label, tc.text)
			if strings.Contains(body, tc.text) {
				t.Fatal("the test document is not actually re-encoded")
			}
			fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
				w.Header().Set("Content-Type", "text/xml; charset="+tc.label)
				_, _ = w.Write([]byte(body))
			})
			got, err := readStations(context.Background(), fs.client(t), query{})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || got[0].Address != text(tc.text) || got[0].StationName != "Gare de l'Est" {
				t.Fatalf("got %+v, want address %q", got, tc.text)
			}
		})
	}
	t.Run("an unknown charset is a clear error", func(t *testing.T) {
		fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
			write(w, 200, `<?xml version="1.0" encoding="x-klingon"?>`+soapOK(ok100))
		})
		_, err := readStations(context.Background(), fs.client(t), query{})
		if err == nil || !strings.Contains(err.Error(), "x-klingon") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("invalid UTF-8 in a UTF-8 document is a clear error", func(t *testing.T) {
		latin1 := encodedStations(t, charmap.ISO8859_1, "ISO-8859-1", "Zürich")
		utf8Declared := strings.Replace(latin1, `encoding="ISO-8859-1"`, `encoding="UTF-8"`, 1)
		fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, utf8Declared) })
		_, err := readStations(context.Background(), fs.client(t), query{})
		if err == nil || !strings.Contains(err.Error(), "getPublicStations") || !strings.Contains(err.Error(), "not valid UTF-8 (line 1)") {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestHTMLAnswers(t *testing.T) {
	cases := []struct {
		name, page, title string
		status            int
	}{
		{"captive portal with status 200", `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>
  Guest Wi-Fi &ndash; Sign in</title></head><body>Accept the terms</body></html>`, "Guest Wi-Fi – Sign in", 200},
		{"proxy error page", `<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY>blocked</BODY></HTML>`, "Access Denied", 403},
		{"XHTML with an XML declaration", `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Login</title></head></html>`, "Login", 200},
		{"no title", `<html><body>nothing</body></html>`, "", 404},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
				w.Header().Set("Content-Type", "text/html")
				w.WriteHeader(tc.status)
				_, _ = w.Write([]byte(tc.page))
			})
			_, err := readStations(context.Background(), fs.client(t), query{})
			var h *HTMLError
			if !errors.As(err, &h) || h.Title != tc.title || h.StatusCode != tc.status || h.Operation != "getPublicStations" {
				t.Fatalf("err = %#v", err)
			}
			if !strings.Contains(err.Error(), "rather than SOAP") || !strings.Contains(err.Error(), "proxy or captive portal") {
				t.Errorf("message: %v", err)
			}
			if tc.title != "" && !strings.Contains(err.Error(), `"`+tc.title+`"`) {
				t.Errorf("message does not quote the title: %v", err)
			}
		})
	}
	t.Run("a SOAP answer is not HTML", func(t *testing.T) {
		if _, ok := sniffHTML([]byte(soapOK(ok100 + `<stationName>&lt;html&gt;</stationName>`))); ok {
			t.Error("SOAP answer sniffed as HTML")
		}
	})
}
