package soap

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
)

const invalidSecurityFault = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault>` +
	`<faultcode xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">wsse:InvalidSecurity</faultcode>` +
	`<faultstring>UsernameToken processing failed</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>`

func TestFaults(t *testing.T) {
	t.Run("InvalidSecurity is an AuthError that names what to fix and never echoes the credentials", func(t *testing.T) {
		fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 500, invalidSecurityFault) })
		_, err := readStations(context.Background(), fs.client(t), query{})
		var auth *AuthError
		if !errors.As(err, &auth) || auth.FaultCode != "InvalidSecurity" || !isAuth(err) {
			t.Fatalf("err = %#v", err)
		}
		msg := err.Error()
		for _, want := range []string{"getPublicStations", "license key, password or region", "UsernameToken processing failed", "Generating a new password", "API Info"} {
			if !strings.Contains(msg, want) {
				t.Errorf("message lacks %q: %s", want, msg)
			}
		}
		for _, secret := range []string{testKey, testPassword, "p&amp;ss"} {
			if strings.Contains(msg, secret) {
				t.Errorf("message leaks a credential: %s", msg)
			}
		}
	})
	t.Run("FailedAuthentication with another prefix", func(t *testing.T) {
		fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
			write(w, 500, strings.NewReplacer("wsse:InvalidSecurity", "x:FailedAuthentication", "soapenv", "SOAP-ENV").Replace(invalidSecurityFault))
		})
		_, err := readStations(context.Background(), fs.client(t), query{})
		if !isAuth(err) {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("Client fault", func(t *testing.T) {
		fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
			write(w, 500, `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault><faultcode>soapenv:Client</faultcode><faultstring>Array list index out of bounds</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>`)
		})
		_, err := readStations(context.Background(), fs.client(t), query{})
		var fault *FaultError
		if !errors.As(err, &fault) || fault.FaultCode != "soapenv:Client" || fault.HTTPStatus != 500 || isAuth(err) {
			t.Fatalf("err = %#v", err)
		}
		if !strings.Contains(err.Error(), "Array list index out of bounds") {
			t.Error(err)
		}
	})
	t.Run("non-SOAP answer", func(t *testing.T) {
		fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 404, "404 page not found") })
		_, err := readStations(context.Background(), fs.client(t), query{})
		var httpErr *HTTPError
		if !errors.As(err, &httpErr) || httpErr.StatusCode != 404 || !strings.Contains(err.Error(), "check `endpoint`") {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestBodyCap(t *testing.T) {
	big := soapOK(ok100 + strings.Repeat(station("1:1"), 2000))
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, big) })
	c := newTestClient(fs.URL, Config{MaxResponseBytes: 4096})
	_, err := readStations(context.Background(), c, query{})
	var tooLarge *BodyTooLargeError
	if !errors.As(err, &tooLarge) || tooLarge.Limit != 4096 || !strings.Contains(err.Error(), "exceeds 4096 bytes") {
		t.Fatalf("err = %v", err)
	}
	c.maxBytes = int64(len(big))
	if got, err := readStations(context.Background(), c, query{}); err != nil || len(got) != 2000 {
		t.Fatalf("at exactly the cap: %d stations, %v", len(got), err)
	}
}

func TestContextCancellation(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK(ok100)) })
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := readStations(ctx, fs.client(t), query{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
}

// isAuth reports whether err is, or wraps, an AuthError.
func isAuth(err error) bool {
	var a *AuthError
	return errors.As(err, &a)
}
