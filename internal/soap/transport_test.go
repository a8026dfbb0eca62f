package soap

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func tlsServer(t *testing.T, maxVersion uint16) *httptest.Server {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		write(w, 200, soapOK(ok100))
	}))
	srv.TLS = &tls.Config{MaxVersion: maxVersion}
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv
}

func tlsClient(_ *testing.T, srv *httptest.Server, roots *x509.CertPool) *Client {
	return newTestClient(srv.URL, Config{RootCAs: roots})
}

func TestTLS(t *testing.T) {
	t.Run("TLS 1.2 with a trusted certificate works", func(t *testing.T) {
		srv := tlsServer(t, tls.VersionTLS12)
		roots := x509.NewCertPool()
		roots.AddCert(srv.Certificate())
		if _, err := readStations(context.Background(), tlsClient(t, srv, roots), query{}); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("TLS 1.1 is refused", func(t *testing.T) {
		srv := tlsServer(t, tls.VersionTLS11)
		roots := x509.NewCertPool()
		roots.AddCert(srv.Certificate())
		_, err := readStations(context.Background(), tlsClient(t, srv, roots), query{})
		if err == nil || !strings.Contains(err.Error(), "protocol version") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("an untrusted certificate is refused", func(t *testing.T) {
		srv := tlsServer(t, 0)
		_, err := readStations(context.Background(), tlsClient(t, srv, nil), query{})
		if err == nil || !strings.Contains(err.Error(), "certificate") {
			t.Fatalf("err = %v", err)
		}
	})
}
