package cpapi

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/xsdtest"
)

// sentOperation returns the operation element of request i (negative: from the end) after checking
// it against the 5.1 XSD.
func sentOperation(t *testing.T, fs *fakeServer, i int) string {
	t.Helper()
	fs.mu.Lock()
	if i < 0 {
		i += len(fs.requests)
	}
	body := fs.requests[i].body
	fs.mu.Unlock()
	xsdtest.Validate(t, xsdtest.BodyElement(t, []byte(body)))
	start := strings.Index(body, "<soapenv:Body>") + len("<soapenv:Body>")
	return body[start:strings.Index(body, "</soapenv:Body>")]
}

var sentStationIDRE = regexp.MustCompile(`<stationID>([^<]*)</stationID>`)

// sentStationIDs returns the IDs inside the <stationIDs> list of an operation element.
func sentStationIDs(body string) []string {
	start, end := strings.Index(body, "<stationIDs>"), strings.Index(body, "</stationIDs>")
	if start < 0 || end < start {
		return nil
	}
	var ids []string
	for _, m := range sentStationIDRE.FindAllStringSubmatch(body[start:end], -1) {
		ids = append(ids, m[1])
	}
	return ids
}

func expectSOAPAction(t *testing.T, fs *fakeServer, op string) {
	t.Helper()
	if got, want := fs.last().header.Get("SOAPAction"), `"urn:provider/interface/chargepointservices/`+op+`"`; got != want {
		t.Errorf("SOAPAction = %s, want %s", got, want)
	}
}

// The reference's getLoad capture (§5.5), queried by station: empty numeric and string elements (which
// the XSD does not allow for xsd:int, so this real answer is not schema-valid).
const referenceLoadResponse = `<ns1:getLoadResponse xmlns:ns1="urn:dictionary:com.chargepoint.webservices">
  <responseCode>100</responseCode>
  <responseText>API input request executed successfully.</responseText>
  <numStations></numStations><groupName></groupName><sgLoad></sgLoad>
  <stationData>
    <stationID>1:33923</stationID>
    <stationName>ALCOGARSTATIONS / ALCOPARK 8 -005</stationName><Address>165 13th St, Oakland, California,  94612, United States</Address>
    <stationLoad>3.314</stationLoad>
    <Port><portNumber>1</portNumber><userID></userID><credentialID></credentialID><shedState>0</shedState>
          <portLoad>0.000</portLoad><allowedLoad>0.000</allowedLoad><percentShed>0</percentShed></Port>
    <Port><portNumber>2</portNumber><userID>664719</userID><credentialID>CNCP0000481668</credentialID><shedState>0</shedState>
          <portLoad>3.314</portLoad><allowedLoad>0.000</allowedLoad><percentShed>0</percentShed></Port>
  </stationData>
</ns1:getLoadResponse>`

func soapEnvelope(body string) string {
	return `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>` + body + `</soapenv:Body></soapenv:Envelope>`
}

func TestGetLoadReferenceSample(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapEnvelope(referenceLoadResponse)) })
	got, err := fs.client(t).GetLoad(context.Background(), LoadQuery{StationID: StringOf("1:33923")})
	if err != nil {
		t.Fatal(err)
	}
	if body, want := sentOperation(t, fs, -1), `<urn:getLoad><searchQuery><stationID>1:33923</stationID></searchQuery></urn:getLoad>`; body != want {
		t.Errorf("request body\n got %s\nwant %s", body, want)
	}
	expectSOAPAction(t, fs, "getLoad")
	want := Load{
		GroupName: StringOf(""), // an empty string element is an empty string; empty numbers are null
		Stations: []LoadStation{{
			StationID: StringOf("1:33923"), StationName: StringOf("ALCOGARSTATIONS / ALCOPARK 8 -005"),
			Address: StringOf("165 13th St, Oakland, California,  94612, United States"), StationLoad: sent("3.314"),
			Ports: []LoadPort{
				{PortNumber: StringOf("1"), UserID: StringOf(""), CredentialID: StringOf(""), ShedState: BoolOf(false),
					PortLoad: sent("0"), AllowedLoad: sent("0"), PercentShed: IntOf(0)},
				{PortNumber: StringOf("2"), UserID: StringOf("664719"), CredentialID: StringOf("CNCP0000481668"), ShedState: BoolOf(false),
					PortLoad: sent("3.314"), AllowedLoad: sent("0"), PercentShed: IntOf(0)},
			},
		}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded\n got %+v\nwant %+v", got, want)
	}
	if got.NumStations.Valid || got.SgLoad.Valid || got.SgID.Valid {
		t.Errorf("empty numeric elements must be null: %+v", got)
	}
}

// A 5.1 group answer: sgLoad is an xsd:string carrying a number, ports carry sessionID and
// lastBatteryPercent, and shedState 1 is a shed port.
func TestGetLoadGroup51(t *testing.T) {
	response := schemaValid(t, soapOK("getLoad", ok100+`<sgID>2020</sgID><numStations>5</numStations><groupName>Over the Rainbow</groupName><sgLoad>1.837</sgLoad>`+
		`<stationData><stationID>1:7</stationID><stationLoad>1.837</stationLoad><Port><portNumber>1</portNumber><userID>42</userID>`+
		`<shedState>1</shedState><portLoad>1.837</portLoad><allowedLoad>2.5</allowedLoad><percentShed>0</percentShed>`+
		`<sessionID>103148769</sessionID><lastBatteryPercent>57.5</lastBatteryPercent></Port></stationData>`))
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, response) })
	got, err := fs.client(t).GetLoad(context.Background(), LoadQuery{SgID: IntOf(2020)})
	if err != nil {
		t.Fatal(err)
	}
	if got.SgID != IntOf(2020) || got.NumStations != IntOf(5) || got.GroupName != StringOf("Over the Rainbow") || got.SgLoad != sent("1.837") {
		t.Errorf("group fields: %+v", got)
	}
	p := got.Stations[0].Ports[0]
	if p.ShedState != BoolOf(true) || p.SessionID != IntOf(103148769) || p.LastBatteryPercent != sent("57.5") || p.AllowedLoad != sent("2.5") {
		t.Errorf("port: %+v", p)
	}
}

// searchQuery is an xsd:sequence here: sgID, stationID, sessionID in that order. The client sends
// whatever it is given (ChargePoint's 182 for two selectors is prevented at plan time), so this query
// with all three shows the order, and the XSD check proves it is the schema's.
func TestGetLoadSequenceOrder(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK("getLoad", ok100)) })
	if _, err := fs.client(t).GetLoad(context.Background(), LoadQuery{SessionID: IntOf(9), StationID: StringOf("1:5"), SgID: IntOf(3)}); err != nil {
		t.Fatal(err)
	}
	want := `<urn:getLoad><searchQuery><sgID>3</sgID><stationID>1:5</stationID><sessionID>9</sessionID></searchQuery></urn:getLoad>`
	if body := sentOperation(t, fs, -1); body != want {
		t.Errorf("request body\n got %s\nwant %s", body, want)
	}
	if _, err := fs.client(t).GetLoad(context.Background(), LoadQuery{SessionID: IntOf(103148769)}); err != nil {
		t.Fatal(err)
	}
	if body, want := sentOperation(t, fs, -1), `<urn:getLoad><searchQuery><sessionID>103148769</sessionID></searchQuery></urn:getLoad>`; body != want {
		t.Errorf("request body\n got %s\nwant %s", body, want)
	}
}

func TestGetLoadErrorCodes(t *testing.T) {
	for code, text := range map[string]string{
		"160": "No data found for given criteria.",
		"182": "Search by either sgID, sessionID or stationID",
	} {
		t.Run(code, func(t *testing.T) {
			fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
				write(w, 200, soapOK("getLoad", `<responseCode>`+code+`</responseCode><responseText>`+text+`</responseText>`))
			})
			_, err := fs.client(t).GetLoad(context.Background(), LoadQuery{SessionID: IntOf(1)})
			var re *ResponseError
			if !errors.As(err, &re) || re.Operation != "getLoad" || re.Code != code || re.Text != text {
				t.Fatalf("err = %v", err)
			}
		})
	}
}
