package cpapi

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
)

func TestResponseCodes(t *testing.T) {
	t.Run("an error code carries operation, code and text", func(t *testing.T) {
		fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
			write(w, 200, soapOK("getPublicStations", `<responseCode>145</responseCode><responseText>Invalid proximity unit.</responseText>`))
		})
		_, err := fs.client(t).GetPublicStations(context.Background(), StationSearchRequest{})
		var rc *ResponseError
		if !errors.As(err, &rc) || rc.Operation != "getPublicStations" || rc.Code != "145" || rc.Text != "Invalid proximity unit." {
			t.Fatalf("err = %#v", err)
		}
		if want := "getPublicStations: ChargePoint answered responseCode 145: Invalid proximity unit."; err.Error() != want {
			t.Errorf("message %q, want %q", err.Error(), want)
		}
	})
	t.Run("102 means nothing matched: an empty result", func(t *testing.T) {
		fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
			write(w, 200, soapOK("getPublicStations", `<responseCode>102</responseCode><responseText>No station found.</responseText>`))
		})
		got, err := fs.client(t).GetPublicStations(context.Background(), StationSearchRequest{})
		if err != nil || len(got) != 0 {
			t.Fatalf("got %v, %v", got, err)
		}
	})
	t.Run("a missing responseCode is an error", func(t *testing.T) {
		fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK("getPublicStations", station("1:1"))) })
		if _, err := fs.client(t).GetPublicStations(context.Background(), StationSearchRequest{}); err == nil || !strings.Contains(err.Error(), "no responseCode") {
			t.Fatalf("err = %v", err)
		}
	})
}
