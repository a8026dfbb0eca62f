package simulator

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/xsdtest"
)

// TestActivityResponsesValidAgainstXSD validates every activity operation's responses, full, empty
// and with each "nothing matched" or error code, against ChargePoint's 5.1 schema.
func TestActivityResponsesValidAgainstXSD(t *testing.T) {
	s, url := startServer(t, Options{})
	var active, oneInterval, anonymous, longest Session
	for _, sess := range s.Sessions() {
		switch {
		case sess.Active && active.ID == 0:
			active = sess
		case sess.StationID == "1:81203" && len(intervals(sess)) == 1:
			oneInterval = sess
		case sess.UserID == "" && !sess.Active && anonymous.ID == 0:
			anonymous = sess
		}
		if sess.Duration() > longest.Duration() {
			longest = sess
		}
	}
	id := func(sess Session) string { return strconv.FormatInt(sess.ID, 10) }
	all101 := "<stationIDs>" + strings.Repeat("<stationID>1:81203</stationID>", 101) + "</stationIDs>"
	cases := []struct {
		name, envelope, mustContain string
	}{
		{"load by station", query("getLoad", "<stationID>"+active.StationID+"</stationID>"), "<sgLoad></sgLoad>"},
		{"load by group", query("getLoad", "<sgID>"+strconv.Itoa(HealthyGroupID)+"</sgID>"), "<numStations>"},
		{"load by session", query("getLoad", "<sessionID>"+id(active)+"</sessionID>"), "<sessionID>" + id(active) + "</sessionID>"},
		{"load 160", query("getLoad", "<stationID>1:1</stationID>"), "<responseCode>160</responseCode>"},
		{"load 182", query("getLoad", ""), "<responseCode>182</responseCode>"},
		{"sessions full page", query("getChargingSessionData", ""), "<MoreFlag>1</MoreFlag>"},
		{"sessions active", query("getChargingSessionData", "<activeSessionsOnly>1</activeSessionsOnly>"), "<ChargingSessionData>"},
		{"session anonymous", query("getChargingSessionData", "<sessionID>"+id(anonymous)+"</sessionID>"), "<paymentTerminalInfo>"},
		{"session longest", query("getChargingSessionData", "<sessionID>"+id(longest)+"</sessionID>"), "<totalSessionDuration>"},
		{"sessions 136", query("getChargingSessionData", "<stationID>1:1</stationID>"), "<responseCode>136</responseCode>"},
		{"sessions 147", query("getChargingSessionData", all101), "<responseCode>147</responseCode>"},
		{"15min one interval", opRequest("get15minChargingSessionData", "<sessionID>"+id(oneInterval)+"</sessionID>"), "</fifteenminData></"},
		{"15min active, per interval", opRequest("get15minChargingSessionData", "<sessionID>"+id(active)+"</sessionID><energyConsumedInterval>true</energyConsumedInterval>"), "<fifteenminData>"},
		{"15min 160", opRequest("get15minChargingSessionData", "<sessionID>1</sessionID>"), "<responseCode>160</responseCode>"},
		{"alarms", query("getAlarms", ""), "<portNumber></portNumber>"},
		{"alarms 153", query("getAlarms", "<stationID>1:1</stationID>"), "<responseCode>153</responseCode>"},
		{"alarms 147", query("getAlarms", all101), "<responseCode>147</responseCode>"},
		{"users", query("getUsers", ""), "<homeStationDetails>"},
		{"users empty", query("getUsers", "<userID>none</userID>"), "<users></users>"},
		{"transactions", query("getTransactionData", "<numTransactions>300</numTransactions>"), "<anonymousCreditCardNumber>"},
		{"transactions empty", query("getTransactionData", "<stationID>1:1</stationID>"), "<transactions></transactions>"},
		{"fleet vehicles", query("getFleetVehicles", ""), "<fleetVehicle>"},
		{"fleet vehicles empty", query("getFleetVehicles", "<VIN>none</VIN>"), "<moreFlag>0</moreFlag>"},
		{"fleet usage", query("getFleetUsageData", ""), "<fleetUsageData>"},
		{"fleet usage empty", query("getFleetUsageData", "<ID>none</ID>"), "<moreFlag>0</moreFlag>"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := post(t, url, c.envelope)
			if res.Status != 200 || !bytes.Contains(res.Body, []byte(c.mustContain)) {
				t.Fatalf("HTTP %d, want %s in\n%s", res.Status, c.mustContain, res.Body)
			}
			xsdtest.Validate(t, xsdtest.BodyElement(t, res.Body))
		})
	}
}

// TestEmptyNumStationsIsInvalid is why getLoad leaves numStations out of station answers instead of
// sending it empty as ChargePoint does: the 5.1 XSD (xsd:int) rejects the empty element.
func TestEmptyNumStationsIsInvalid(t *testing.T) {
	_, url := startServer(t, Options{})
	res := post(t, url, query("getLoad", "<stationID>1:81203</stationID>"))
	withEmpty := bytes.Replace(res.Body, []byte("<groupName>"), []byte("<numStations></numStations><groupName>"), 1)
	if bytes.Equal(withEmpty, res.Body) {
		t.Fatal("fixture did not change")
	}
	xsdtest.Validate(t, xsdtest.BodyElement(t, res.Body))
	ft := &fakeT{TB: t}
	func() {
		defer func() { _ = recover() }()
		xsdtest.Validate(ft, xsdtest.BodyElement(t, withEmpty))
	}()
	if ft.skipped {
		t.Skip("schema validation unavailable")
	}
	if !ft.failed {
		t.Fatal("an empty numStations passed schema validation")
	}
}

// TestActivityOperationsAuthenticate: every activity operation refuses a wrong password with the
// InvalidSecurity fault before looking at the request, and counts only authenticated calls.
func TestActivityOperationsAuthenticate(t *testing.T) {
	s, url := startServer(t, Options{})
	for _, op := range []string{"getLoad", "getChargingSessionData", "get15minChargingSessionData", "getAlarms",
		"getUsers", "getTransactionData", "getFleetVehicles", "getFleetUsageData"} {
		if !strings.Contains(strings.Join(Operations(), ","), op) {
			t.Errorf("%s is not registered", op)
		}
		body := `<urn:` + op + `><searchQuery/></urn:` + op + `>`
		expectFault(t, url, soapEnvelope(securityHeader(testKey, "wrong"), body), "wsse:InvalidSecurity", "UsernameToken processing failed")
		expectFault(t, url, soapEnvelope("", body), "wsse:InvalidSecurity", "UsernameToken processing failed")
		if n := s.Calls(op); n != 0 {
			t.Errorf("%s: %d calls counted for unauthenticated requests", op, n)
		}
	}
	if s.activityData.data != nil {
		t.Error("unauthenticated requests built the activity data")
	}
}
