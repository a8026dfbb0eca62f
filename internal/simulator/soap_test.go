package simulator

import (
	"bytes"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	wsseNS    = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
	textType  = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText"
	seedQuery = `<stationID>1:81203</stationID>`
)

func TestResponseEnvelope(t *testing.T) {
	_, url := startServer(t, Options{})
	res := post(t, url, guideRequest)
	if res.Status != http.StatusOK {
		t.Fatalf("HTTP %d\n%s", res.Status, res.Body)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/xml; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	for _, want := range []string{
		`<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">`,
		`<wsse:Security xmlns:wsse="` + wsseNS + `" soapenv:mustUnderstand="1">`,
		`<ns1:getPublicStationsResponse xmlns:ns1="urn:dictionary:com.chargepoint.webservices"><responseCode>`,
	} {
		if !bytes.Contains(res.Body, []byte(want)) {
			t.Errorf("response lacks %s\n%s", want, res.Body)
		}
	}
	env := decodeEnvelope(t, res.Body)
	if env.Header == nil || env.Header.Security == nil {
		t.Fatalf("no wsse:Security response header\n%s", res.Body)
	}
	sec := env.Header.Security
	if sec.MustUnderstand != "1" {
		t.Errorf("mustUnderstand %q", sec.MustUnderstand)
	}
	created, err1 := time.Parse(time.RFC3339Nano, sec.Created)
	expires, err2 := time.Parse(time.RFC3339Nano, sec.Expires)
	if err1 != nil || err2 != nil || expires.Sub(created) != 5*time.Minute || !created.Equal(pinnedNow) {
		t.Errorf("Timestamp Created %q Expires %q", sec.Created, sec.Expires)
	}
	if sec.Created != "2025-03-01T10:00:00.123Z" {
		t.Errorf("Created %q, want millisecond UTC like the guide's", sec.Created)
	}
	bodyChildrenUnqualified(t, res.Body, "getPublicStationsResponse")
}

func TestAuthFailures(t *testing.T) {
	s, url := startServer(t, Options{})
	body := `<urn:getPublicStations><searchQuery>` + seedQuery + `</searchQuery></urn:getPublicStations>`
	header := func(security string) string { return `<soapenv:Header>` + security + `</soapenv:Header>` }
	token := func(user, passAttrs, pass string) string {
		return `<wsse:UsernameToken><wsse:Username>` + user + `</wsse:Username><wsse:Password` + passAttrs + `>` + pass + `</wsse:Password></wsse:UsernameToken>`
	}
	okToken := token(testKey, ` Type="`+textType+`"`, testPassword)
	security := func(attrs, inner string) string {
		return `<wsse:Security xmlns:wsse="` + wsseNS + `"` + attrs + `>` + inner + `</wsse:Security>`
	}
	cases := map[string]string{
		"wrong password":         securityHeader(testKey, strings.Repeat("f", 32)),
		"wrong key":              securityHeader(strings.Repeat("a", 55), testPassword),
		"key as password":        securityHeader(testPassword, testKey),
		"empty credentials":      securityHeader("", ""),
		"missing header":         "",
		"empty header":           header(""),
		"no UsernameToken":       header(security(` soapenv:mustUnderstand="1"`, "")),
		"no mustUnderstand":      header(security("", okToken)),
		"mustUnderstand 0":       header(security(` soapenv:mustUnderstand="0"`, okToken)),
		"mustUnderstand no ns":   header(security(` mustUnderstand="1"`, okToken)),
		"wrong Type":             header(security(` soapenv:mustUnderstand="1"`, token(testKey, ` Type="`+strings.TrimSuffix(textType, "Text")+`Digest"`, testPassword))),
		"missing Type":           header(security(` soapenv:mustUnderstand="1"`, token(testKey, "", testPassword))),
		"Security in another ns": header(strings.ReplaceAll(security(` soapenv:mustUnderstand="1"`, okToken), wsseNS, "http://example.com/secext")),
		"prefix swap, same text": header(`<wsse:Security xmlns:wsse="http://example.com/other" soapenv:mustUnderstand="1">` + okToken + `</wsse:Security>`),
	}
	for name, hdr := range cases {
		t.Run(name, func(t *testing.T) {
			res := post(t, url, soapEnvelope(hdr, body))
			if res.Status != http.StatusInternalServerError {
				t.Fatalf("HTTP %d, want 500\n%s", res.Status, res.Body)
			}
			want := `<soapenv:Fault><faultcode xmlns:wsse="` + wsseNS + `">wsse:InvalidSecurity</faultcode><faultstring>UsernameToken processing failed</faultstring></soapenv:Fault>`
			if !bytes.Contains(res.Body, []byte(want)) {
				t.Fatalf("want %s in\n%s", want, res.Body)
			}
			f := decodeEnvelope(t, res.Body).Body.Fault
			if f == nil || f.Code != "wsse:InvalidSecurity" || f.String != "UsernameToken processing failed" {
				t.Fatalf("fault %+v", f)
			}
		})
	}
	if n := s.Calls("getPublicStations"); n != 0 {
		t.Errorf("Calls = %d after only failed authentications", n)
	}
}

// TestAuthMatchesNamespacesNotPrefixes sends the shape of a real captured request (default namespaces
// everywhere, no prefixes on the header) and qualified searchQuery children.
func TestAuthMatchesNamespacesNotPrefixes(t *testing.T) {
	_, url := startServer(t, Options{})
	req := `<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Header>` +
		`<Security xmlns="` + wsseNS + `" xmlns:envelope="http://schemas.xmlsoap.org/soap/envelope/" envelope:mustUnderstand="1">` +
		`<UsernameToken><Username>` + testKey + `</Username><Password Type="` + textType + `">` + testPassword + `</Password></UsernameToken></Security></Header>` +
		`<Body><getPublicStations xmlns="urn:dictionary:com.chargepoint.webservices"><searchQuery><stationID>1:81203</stationID></searchQuery></getPublicStations></Body></Envelope>`
	res := post(t, url, req)
	if res.Status != http.StatusOK {
		t.Fatalf("HTTP %d\n%s", res.Status, res.Body)
	}
	got := decodeEnvelope(t, res.Body).Body.Public
	if got == nil || len(got.Stations) != 1 || got.Stations[0].StationID != "1:81203" {
		t.Fatalf("unexpected response\n%s", res.Body)
	}
}

// The guide's request is not namespace-well-formed (wsse: is used but never declared); a namespace-aware
// SOAP stack rejects it, and so does the simulator.
func TestGuideLiteralRequestHasUndeclaredPrefix(t *testing.T) {
	s, url := startServer(t, Options{})
	expectFault(t, url, guideLiteralRequest, "soapenv:Client", `undeclared namespace prefix "wsse"`)
	if s.Calls("getPublicStations") != 0 {
		t.Error("the malformed request was counted as a call")
	}
}

func TestClientFaults(t *testing.T) {
	s, url := startServer(t, Options{})
	hdr := securityHeader(testKey, testPassword)
	op := func(q string) string {
		return soapEnvelope(hdr, `<urn:getPublicStations><searchQuery>`+q+`</searchQuery></urn:getPublicStations>`)
	}
	cases := []struct{ name, body, want string }{
		{"not XML", "hello", "not well-formed XML"},
		{"truncated", op(seedQuery)[:200], "not well-formed XML"},
		{"mismatched tags", soapEnvelope(hdr, `<urn:getPublicStations><searchQuery></urn:getPublicStations></searchQuery>`), "not well-formed XML"},
		{"DTD", `<!DOCTYPE x [<!ENTITY a "b">]>` + op(seedQuery), "DTD"},
		{"not an envelope", `<Envelope><Body/></Envelope>`, "expected a SOAP 1.1 Envelope"},
		{"no Body", `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">` + hdr + `</soapenv:Envelope>`, "has no Body"},
		{"empty Body", soapEnvelope(hdr, ""), "Body is empty"},
		{"unknown operation", soapEnvelope(hdr, `<urn:getPublicStation><searchQuery/></urn:getPublicStation>`), "unknown or unsupported operation getPublicStation"},
		{"operation not in the namespace", soapEnvelope(hdr, `<getPublicStations><searchQuery/></getPublicStations>`), "not in namespace urn:dictionary:com.chargepoint.webservices"},
		{"operation in another namespace", soapEnvelope(hdr, `<x:getPublicStations xmlns:x="urn:other"><searchQuery/></x:getPublicStations>`), "{urn:other}getPublicStations is not in namespace"},
		{"missing searchQuery", soapEnvelope(hdr, `<urn:getPublicStations/>`), "missing required element getPublicStations/searchQuery"},
		{"two searchQuery", soapEnvelope(hdr, `<urn:getPublicStations><searchQuery/><searchQuery/></urn:getPublicStations>`), "appears more than once"},
		{"unknown searchQuery child", op(`<stationID>1:81203</stationID><unknownField>x</unknownField>`), "unknown element unknownField in getPublicStations/searchQuery"},
		{"wrong case", op(`<StationID>1:81203</StationID>`), "unknown element StationID"},
		{"child in another namespace", op(`<x:stationID xmlns:x="urn:other">1:81203</x:stationID>`), "unexpected element {urn:other}stationID"},
		{"non-numeric Proximity", op(`<Proximity>five</Proximity>`), `searchQuery/Proximity: "five" is not a valid number`},
		{"empty Proximity", op(`<Proximity/>`), "searchQuery/Proximity"},
		{"non-numeric startRecord", op(`<startRecord>1.5</startRecord>`), "searchQuery/startRecord"},
		{"non-numeric numStations", op(`<numStations>ten</numStations>`), "searchQuery/numStations"},
		{"bad Reservable", op(`<Reservable>yes</Reservable>`), "xsd:boolean"},
		{"non-numeric Lat", op(`<Geo><Lat>north</Lat><Long>1</Long></Geo>`), "searchQuery/Geo/Lat"},
		{"Geo without Long", op(`<Geo><Lat>37</Lat></Geo>`), "missing required element getPublicStations/searchQuery/Geo/Long"},
		{"Pricing without Duration", op(`<Pricing><startTime>08:00:00</startTime><energyRequired>10</energyRequired><vehiclePower>7</vehiclePower></Pricing>`), "Pricing/Duration"},
		{"Pricing bad time", op(`<Pricing><startTime>8am</startTime><Duration>60</Duration><energyRequired>10</energyRequired><vehiclePower>7</vehiclePower></Pricing>`), "xsd:time"},
		{"element in a text field", op(`<stationID><a/></stationID>`), "must hold text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { expectFault(t, url, c.body, "soapenv:Client", c.want) })
	}
	// Only requests that reached the handler count.
	if got, want := s.Calls("getPublicStations"), 15; got != want {
		t.Errorf("Calls = %d, want %d", got, want)
	}
}

func TestFaultsBeforeAuthentication(t *testing.T) {
	_, url := startServer(t, Options{})
	// An unknown operation with bad credentials is an authentication failure: credentials come first.
	expectFault(t, url, soapEnvelope(securityHeader(testKey, "nope"), `<urn:noSuchOperation/>`), "wsse:InvalidSecurity", "UsernameToken processing failed")
	expectFault(t, url, strings.Replace(guideRequest, "http://schemas.xmlsoap.org/soap/envelope/", "http://www.w3.org/2003/05/soap-envelope", 1), "soapenv:VersionMismatch", "SOAP 1.2")
}

func TestTransportChecks(t *testing.T) {
	_, url := startServer(t, Options{})
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "POST" {
		t.Errorf("GET: HTTP %d Allow %q", resp.StatusCode, resp.Header.Get("Allow"))
	}
	resp, err = http.Post(strings.TrimSuffix(url, "5.1")+"5.0", "text/xml", strings.NewReader(guideRequest))
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("wrong path: HTTP %d", resp.StatusCode)
	}
	resp, err = http.Post(url, "application/json", strings.NewReader(guideRequest))
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusUnsupportedMediaType {
		t.Errorf("application/json: HTTP %d", resp.StatusCode)
	}
	for _, ct := range []string{"text/xml", "text/xml; charset=utf-8", `text/xml;charset="UTF-8"`} {
		resp, err = http.Post(url, ct, strings.NewReader(guideRequest))
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: HTTP %d", ct, resp.StatusCode)
		}
	}
}

func TestCallsConcurrent(t *testing.T) {
	s, url := startServer(t, Options{})
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := post(t, url, guideRequest)
			if res.Status != http.StatusOK {
				t.Errorf("HTTP %d", res.Status)
			}
		}()
	}
	wg.Wait()
	if got := s.Calls("getPublicStations"); got != 20 {
		t.Errorf("Calls(getPublicStations) = %d, want 20", got)
	}
	if got := s.Calls("getStations"); got != 0 {
		t.Errorf("Calls(getStations) = %d", got)
	}
}
