package soap

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

func TestResponsePrefixesAndHeaders(t *testing.T) {
	item := `<responseCode>100</responseCode><stationData><stationID>1:1</stationID><Port><portNumber>1</portNumber><Power>7.2</Power></Port></stationData>`
	cases := map[string]string{
		"soapenv with ns1 on wrapper": soapOK(item),
		"SOAP-ENV with ns1 on envelope": `<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="urn:dictionary:com.chargepoint.webservices">` +
			`<SOAP-ENV:Body><ns1:getPublicStationsResponse>` + item + `</ns1:getPublicStationsResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>`,
		"default namespaces": `<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body><getPublicStationsResponse xmlns="urn:dictionary:com.chargepoint.webservices">` +
			item + `</getPublicStationsResponse></Body></Envelope>`,
		"wsse timestamp header": `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header>` +
			`<wsse:Security soapenv:mustUnderstand="1" xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">` +
			`<wsu:Timestamp xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"><wsu:Created>2015-03-19T17:19:25.773Z</wsu:Created></wsu:Timestamp>` +
			`</wsse:Security></soapenv:Header><soapenv:Body><ns1:getPublicStationsResponse xmlns:ns1="urn:dictionary:com.chargepoint.webservices">` + item +
			`</ns1:getPublicStationsResponse></soapenv:Body></soapenv:Envelope>`,
	}
	for name, resp := range cases {
		t.Run(name, func(t *testing.T) {
			fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, resp) })
			got, err := readStations(context.Background(), fs.client(t), query{})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || got[0].StationID != "1:1" || got[0].Ports[0].Power != "7.2" {
				t.Errorf("decoded %+v", got)
			}
		})
	}
}

func TestResponseInWrongNamespaceIsAnError(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><getPublicStationsResponse xmlns="urn:other">`+ok100+`</getPublicStationsResponse></soapenv:Body></soapenv:Envelope>`)
	})
	_, err := readStations(context.Background(), fs.client(t), query{})
	if err == nil || !strings.Contains(err.Error(), "unexpected element {urn:other}getPublicStationsResponse") {
		t.Fatalf("err = %v", err)
	}
}
