package provider

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// testCAPEM is a freshly generated self-signed CA certificate.
func testCAPEM(t *testing.T) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Test Corp CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true, BasicConstraintsValid: true}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
}

func TestResolveResilience(t *testing.T) {
	ca := testCAPEM(t)
	files := map[string]string{"/etc/corp-ca.pem": ca, "/etc/junk.pem": "hello"}
	readFile := func(name string) ([]byte, error) {
		if s, ok := files[name]; ok {
			return []byte(s), nil
		}
		return nil, errors.New("open " + name + ": no such file or directory")
	}
	cases := map[string]struct {
		cfg      providerModel
		env      map[string]string
		retries  int
		timeout  time.Duration
		withRoot bool
		err      string
	}{
		"defaults":                        {retries: 3, timeout: 30 * time.Second},
		"from the environment":            {env: map[string]string{envMaxRetries: "5", envRequestTimeout: "2m", envCACertFile: "/etc/corp-ca.pem"}, retries: 5, timeout: 2 * time.Minute, withRoot: true},
		"attributes beat the environment": {cfg: providerModel{MaxRetries: types.Int64Value(1), RequestTimeout: types.StringValue("5s")}, env: map[string]string{envMaxRetries: "5", envRequestTimeout: "2m"}, retries: 1, timeout: 5 * time.Second},
		"0 turns retries off":             {cfg: providerModel{MaxRetries: types.Int64Value(0)}, retries: 0, timeout: 30 * time.Second},
		"inline PEM":                      {cfg: providerModel{CACertPEM: types.StringValue(ca)}, retries: 3, timeout: 30 * time.Second, withRoot: true},
		"bad retries variable":            {env: map[string]string{envMaxRetries: "many"}, err: `CHARGEPOINT_MAX_RETRIES="many" is not a whole number (it sets max_retries)`},
		"too many retries":                {env: map[string]string{envMaxRetries: "50"}, err: "max_retries is 50; it must be between 0 and 10"},
		"bad timeout variable":            {env: map[string]string{envRequestTimeout: "30"}, err: `CHARGEPOINT_REQUEST_TIMEOUT: "30" is not a positive duration`},
		"negative timeout":                {cfg: providerModel{RequestTimeout: types.StringValue("-1s")}, err: `request_timeout: "-1s" is not a positive duration`},
		"missing CA file":                 {cfg: providerModel{CACertFile: types.StringValue("/etc/nope.pem")}, err: "ca_cert_file: open /etc/nope.pem"},
		"CA file without a certificate":   {env: map[string]string{envCACertFile: "/etc/junk.pem"}, err: "ca_cert_file /etc/junk.pem holds no PEM certificate"},
		"bad inline PEM":                  {cfg: providerModel{CACertPEM: types.StringValue("-----BEGIN CERTIFICATE-----\nxx\n-----END CERTIFICATE-----")}, err: "ca_cert_pem holds no PEM certificate"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := resolveResilience(tc.cfg, func(k string) string { return tc.env[k] }, readFile)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.MaxRetries != tc.retries || got.RequestTimeout != tc.timeout || (got.RootCAs != nil) != tc.withRoot {
				t.Errorf("got retries %d, timeout %s, roots %v", got.MaxRetries, got.RequestTimeout, got.RootCAs != nil)
			}
		})
	}
}
