package cpapi

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"testing"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
)

// The reference's getCPNInstances capture, verbatim: ns1 on the Envelope, no Header and no responseCode.
const guideCPNInstancesResponse = `<?xml version="1.0" encoding="UTF-8"?>
<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ns1="urn:dictionary:com.chargepoint.webservices">
  <SOAP-ENV:Body>
    <ns1:getCPNInstancesResponse>
      <CPN><cpnID>1</cpnID><cpnName>NA</cpnName><cpnDescription>ChargePoint Operations</cpnDescription></CPN>
      <CPN><cpnID>2</cpnID><cpnName>EU</cpnName><cpnDescription>ChargePoint Europe</cpnDescription></CPN>
      <CPN><cpnID>3</cpnID><cpnName>AU</cpnName><cpnDescription>ChargePoint Australia</cpnDescription></CPN>
      <CPN><cpnID>4</cpnID><cpnName>CA</cpnName><cpnDescription>ChargePoint Canada</cpnDescription></CPN>
    </ns1:getCPNInstancesResponse>
  </SOAP-ENV:Body>
</SOAP-ENV:Envelope>`

func TestGetCPNInstancesGuideSample(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, guideCPNInstancesResponse) })
	got, err := fs.client(t).GetCPNInstances(context.Background(), CPNInstancesRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if body, want := requestBody(t, fs), `<urn:getCPNInstances></urn:getCPNInstances>`; body != want {
		t.Errorf("request body\n got %s\nwant %s", body, want)
	}
	checkSOAPAction(t, fs, "getCPNInstances")
	want := []Network{
		{CpnID: StringOf("1"), CpnName: StringOf("NA"), CpnDescription: StringOf("ChargePoint Operations")},
		{CpnID: StringOf("2"), CpnName: StringOf("EU"), CpnDescription: StringOf("ChargePoint Europe")},
		{CpnID: StringOf("3"), CpnName: StringOf("AU"), CpnDescription: StringOf("ChargePoint Australia")},
		{CpnID: StringOf("4"), CpnName: StringOf("CA"), CpnDescription: StringOf("ChargePoint Canada")},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded\n got %+v\nwant %+v", got, want)
	}
}

const invalidSecurityFault = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault>` +
	`<faultcode xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">wsse:InvalidSecurity</faultcode>` +
	`<faultstring>UsernameToken processing failed</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>`

func TestGetCPNInstancesFaultIsStillAnError(t *testing.T) {
	// Without a responseCode to check, a fault is the only failure signal left: it must not read as "no networks".
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 500, invalidSecurityFault) })
	_, err := fs.client(t).GetCPNInstances(context.Background(), CPNInstancesRequest{})
	if auth := new(soap.AuthError); !errors.As(err, &auth) {
		t.Fatalf("err = %v", err)
	}
}
