package soap

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// secretLeaks lists the forms of the test credentials found in s.
func secretLeaks(s string) []string {
	var found []string
	for _, f := range secretForms(testKey, testPassword) {
		if strings.Contains(s, f) {
			found = append(found, f)
		}
	}
	return found
}

func TestSecretFormsCoverEscapes(t *testing.T) {
	forms := secretForms(`a&b<c>"d'`)
	for _, want := range []string{`a&b<c>"d'`, `a&amp;b&lt;c&gt;&#34;d&#39;`, `a&amp;b&lt;c&gt;&quot;d&apos;`, `a&amp;b&lt;c>&quot;d&apos;`} {
		found := false
		for _, f := range forms {
			found = found || f == want
		}
		if !found {
			t.Errorf("forms lack %q: %q", want, forms)
		}
	}
	if got := newMasker("k&y").mask("x k&amp;y k&y"); got != "x *** ***" {
		t.Errorf("mask = %q", got)
	}
}

// resultError stands for the error an Operation's Result returns (cpapi's ResponseError).
type resultError struct{ Code, Text string }

func (e *resultError) Error() string { return "responseCode " + e.Code + ": " + e.Text }

func TestCallMasksCredentialsEverywhere(t *testing.T) {
	t.Setenv("TF_LOG_PROVIDER_CHARGEPOINT_API", "TRACE")
	escKey := "&lt;" + testKey + "&gt;"
	escPassword := "p&amp;ss&lt;w0rd&gt;"
	authEcho := `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault>` +
		`<faultcode xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">wsse:FailedAuthentication</faultcode>` +
		`<faultstring>UsernameToken processing failed for user ` + testKey + ` password ` + escPassword + `</faultstring>` +
		`<detail><user>` + escKey + `</user><pw>p&amp;ss&lt;w0rd></pw></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>`
	cases := []struct {
		name    string
		respond func(w http.ResponseWriter)
		check   func(t *testing.T, err error)
	}{
		{"auth fault quoting the key and password", func(w http.ResponseWriter) { write(w, 500, authEcho) }, func(t *testing.T, err error) {
			var auth *AuthError
			if !errors.As(err, &auth) || !strings.Contains(auth.FaultString, "processing failed for user ***") {
				t.Errorf("err = %#v", err)
			} else if len(secretLeaks(auth.FaultString)) > 0 {
				t.Errorf("AuthError.FaultString leaks: %q", auth.FaultString)
			}
		}},
		{"other fault quoting the key", func(w http.ResponseWriter) {
			write(w, 500, strings.Replace(authEcho, "wsse:FailedAuthentication", "soapenv:Client", 1))
		}, func(t *testing.T, err error) {
			var fault *FaultError
			if !errors.As(err, &fault) || len(secretLeaks(fault.FaultString)) > 0 {
				t.Errorf("err = %#v", err)
			}
		}},
		{"HTML page whose title quotes the key", func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "text/html")
			write(w, 403, `<html><head><title>Denied for `+testKey+` `+escPassword+`</title></head><body></body></html>`)
		}, func(t *testing.T, err error) {
			var page *HTMLError
			if !errors.As(err, &page) || !strings.Contains(page.Title, "Denied for ***") {
				t.Errorf("err = %#v", err)
			}
		}},
		{"non-SOAP body quoting the key", func(w http.ResponseWriter) {
			write(w, 502, `bad gateway for `+testKey+" "+testPassword)
		}, func(t *testing.T, err error) {
			var h *HTTPError
			if !errors.As(err, &h) || len(secretLeaks(h.Body)) > 0 {
				t.Errorf("err = %#v", err)
			}
		}},
		{"responseText quoting the key, through Result", func(w http.ResponseWriter) {
			write(w, 200, soapOK(`<responseCode>102</responseCode><responseText>Unknown key `+escKey+` / `+escPassword+`</responseText>`))
		}, func(t *testing.T, err error) {
			var re *resultError
			if !errors.As(err, &re) || re.Code != "102" || len(secretLeaks(re.Text)) > 0 {
				t.Errorf("err = %#v", err)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { tc.respond(w) })
			var buf bytes.Buffer
			ctx := tflogtest.RootLogger(context.Background(), &buf)
			var out struct {
				Code text `xml:"responseCode"`
				Text text `xml:"responseText"`
			}
			op := Operation{Name: "getPublicStations", Result: func(any) (string, error) {
				if out.Code != "" && out.Code != "100" {
					return string(out.Code), &resultError{Code: string(out.Code), Text: string(out.Text)}
				}
				return string(out.Code), nil
			}}
			err := fs.client(t).Call(ctx, op, query{}, &out)
			if err == nil {
				t.Fatal("want an error")
			}
			if leaks := secretLeaks(err.Error()); len(leaks) > 0 {
				t.Errorf("error text leaks %q: %s", leaks, err)
			}
			if leaks := secretLeaks(buf.String()); len(leaks) > 0 {
				t.Errorf("log leaks %q:\n%s", leaks, buf.String())
			}
			if !strings.Contains(buf.String(), "ChargePoint API response") {
				t.Errorf("no TRACE response line:\n%s", buf.String())
			}
			tc.check(t, err)
		})
	}
}

func TestCallMasksTransportErrorText(t *testing.T) {
	c := newTestClient("http://"+testKey+".invalid", Config{MaxRetries: 0})
	err := c.Call(context.Background(), Operation{Name: "getPublicStations"}, query{}, &struct{}{})
	if err == nil {
		t.Fatal("want an error")
	}
	if leaks := secretLeaks(err.Error()); len(leaks) > 0 {
		t.Errorf("error text leaks %q: %s", leaks, err)
	}
	var masked *MaskedError
	if !errors.As(err, &masked) {
		t.Errorf("err = %#v, want a *MaskedError", err)
	}
}
