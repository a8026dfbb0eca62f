package simulator

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/xsdtest"
)

// TestOperationResponsesValidAgainstXSD validates responses of every operation but getPublicStations
// (xsd_test.go) against the 5.1 schema, including the empty and not-found ones.
func TestOperationResponsesValidAgainstXSD(t *testing.T) {
	s, url := startServer(t, Options{})
	d := s.Dataset()
	var managed, driver, faulted string
	var faultedIDs []string
	for _, st := range d.Stations() {
		if st.ManagedBy != "" && managed == "" {
			managed = st.ID
		}
		if st.DriverName != "" && driver == "" {
			driver = st.ID
		}
		if len(st.Faults) > 0 && len(faultedIDs) < 100 {
			faultedIDs = append(faultedIDs, st.ID)
			if len(st.Faults) == 2 && faulted == "" {
				faulted = st.ID
			}
		}
	}
	if managed == "" || driver == "" || faulted == "" {
		t.Fatalf("setup: managed %q driver %q two faults %q", managed, driver, faulted)
	}
	var tooMany []string
	for i := range 101 {
		tooMany = append(tooMany, fmt.Sprintf("1:%d", i))
	}
	pricing := `<Pricing><startTime>08:00:00</startTime><Duration>90</Duration><energyRequired>20</energyRequired><vehiclePower>7.2</vehiclePower></Pricing>`
	cases := []struct {
		name, envelope, mustContain string
	}{
		{"getStations seed station", query("getStations", "<stationID>1:81203</stationID>"), "<sgName>Campbell HQ, Garage West</sgName>"},
		{"getStations managed station", query("getStations", "<stationID>"+managed+"</stationID>"), "<managedBy><orgID>1:ORG00001</orgID>"},
		{"getStations driver", query("getStations", "<stationID>"+driver+"</stationID>"), "<driverName>"},
		{"getStations full page with estimates", query("getStations", "<numStations>200</numStations>"+pricing), "<moreFlag>1</moreFlag>"},
		{"getStations 102", query("getStations", "<orgID>none</orgID>"), "<responseCode>102</responseCode>"},
		{"getStations 145", query("getStations", "<City>Austin</City><proximityUnit>Q</proximityUnit>"), "<responseCode>145</responseCode>"},
		{"getStationStatus with port details", query("getStationStatus", "<portDetails>true</portDetails>"), "<Connectors><Connector><connectorLabel>"},
		{"getStationStatus fault reasons", query("getStationStatus", "<Status>3</Status>"), "<faultReason>"},
		{"getStationStatus 102", query("getStationStatus", stationIDList("1:1")), "<responseCode>102</responseCode>"},
		{"getPublicStationStatus", query("getPublicStationStatus", "<portDetails>true</portDetails>"), "<stationStatusData>"},
		{"getPublicStationStatus 102", query("getPublicStationStatus", "<stationID>1:1</stationID>"), "<responseCode>102</responseCode>"},
		{"getStationGroups", opRequest("getStationGroups", "<orgID>1:ORG00001</orgID>"), "<Geo><Lat>37.261489868164060</Lat>"},
		{"getStationGroups none", opRequest("getStationGroups", "<orgID>1:ORG99999</orgID>"), "<responseCode>100</responseCode>"},
		{"getStationGroupDetails", opRequest("getStationGroupDetails", "<sgID>20001</sgID>"), "<groupData><sgID>20002</sgID>"},
		{"getStationGroupDetails no station", opRequest("getStationGroupDetails", "<sgID>20003</sgID><stationID>1:81203</stationID>"), "<numStations>0</numStations>"},
		{"getStationGroupDetails 124", opRequest("getStationGroupDetails", "<sgID>1</sgID>"), "<responseCode>124</responseCode>"},
		{"getOrgsAndStationGroups", query("getOrgsAndStationGroups", ""), "<parentGroupID>0</parentGroupID>"},
		{"getOrgsAndStationGroups none", query("getOrgsAndStationGroups", "<sgID>1</sgID>"), "<responseCode>100</responseCode>"},
		{"getCustomGroupStations", query("getCustomGroupStations", "<sgName>Garage West</sgName>"), "<radioGroupID>"},
		{"getCustomGroupStations 102", query("getCustomGroupStations", "<sgName>none</sgName>"), "<responseCode>102</responseCode>"},
		{"getStationRights", query("getStationRights", ""), "<stationRightsProfile>station_viewer</stationRightsProfile>"},
		{"getStationRights none", query("getStationRights", "<stationID>1:1</stationID>"), "<moreFlag>0</moreFlag>"},
		{"getStationRightsProfile", opRequest("getStationRightsProfile", "<sgID>20001</sgID>"), "<Task>Manage Pricing</Task>"},
		{"getStationRightsProfile none", opRequest("getStationRightsProfile", "<sgID>20101</sgID><stationRightsProfile>network_manager</stationRightsProfile>"), "<responseCode>100</responseCode>"},
		{"getStationRightsProfile 124", opRequest("getStationRightsProfile", "<sgID>1</sgID>"), "<responseCode>124</responseCode>"},
		{"getCPNInstances", opRequest("getCPNInstances", ""), "<cpnDescription>ChargePoint Canada</cpnDescription>"},
		{"getStationActiveFaults", query("getStationActiveFaults", stationIDList(faultedIDs...)), "<fruFaults><fruFault><fruFaultCode>"},
		{"getStationActiveFaults two faults", query("getStationActiveFaults", stationIDList(faulted)), "</stationFault><stationFault>"},
		{"getStationActiveFaults none", query("getStationActiveFaults", stationIDList("1:1")), "<responseCode>100</responseCode>"},
		{"getStationActiveFaults 147", query("getStationActiveFaults", stationIDList(tooMany...)), "<responseCode>147</responseCode>"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			res := post(t, url, c.envelope)
			if res.Status != 200 || !bytes.Contains(res.Body, []byte(c.mustContain)) {
				t.Fatalf("HTTP %d, want %s in\n%.3000s", res.Status, c.mustContain, res.Body)
			}
			xsdtest.Validate(t, xsdtest.BodyElement(t, res.Body))
		})
	}
}

// TestWriteResponsesValidAgainstXSD validates every write operation's responses, the success and each
// refusal code, against the 5.1 schema, and every request the simulator accepts (responseCode 100) as
// well: it must accept only what the schema allows. (writeOp, used by every write test, does the
// same; this table keeps one of each in one place.)
func TestWriteResponsesValidAgainstXSD(t *testing.T) {
	s, url := startServer(t, Options{})
	st := multiPortStation(t, s)
	vehicle := s.FleetVehicles()[0]
	sid := "<stationID>" + st.ID + "</stationID>"
	pct := "<percentShedPerStation>50</percentShedPerStation>"
	cards := "<chargePointCards><chargePointCardSn>CPFL7</chargePointCardSn><mifareID>04AA</mifareID></chargePointCards>"
	required := el("fleetName", "Vans") + el("make", "Ford") + el("model", "E-Transit") + el("year", "2024")
	event := el("eventStartTime", "2027-01-01T08:00:00Z") + el("eventDuration", "60") + el("allowOptOut", "false") +
		el("percentShedPerStation", "20")
	// In order: the cases depend on what the earlier ones created or removed.
	cases := []struct{ op, inner, code string }{
		{"shedLoad", shedStationQuery(st.ID, "<allowedLoadPerStation>7.2</allowedLoadPerStation>",
			portLimit(st.Ports[0].Number, "<percentShedPerPort>30</percentShedPerPort>")+portLimit(st.Ports[1].Number, "<allowedLoadPerPort>1.5</allowedLoadPerPort>"), 15), "100"},
		{"shedLoad", shedGroupQuery(HealthyGroupID, pct, 0), "100"},
		{"shedLoad", "<shedQuery><shedGroup><sgID>1</sgID></shedGroup><shedStation/><timeInterval>0</timeInterval></shedQuery>", "187"},
		{"shedLoad", shedStationQuery(st.ID, "", "", 0), "172"},
		{"shedLoad", shedStationQuery(st.ID, "<allowedLoadPerStation>-2</allowedLoadPerStation>", "", 0), "189"},
		{"shedLoad", shedStationQuery("1:1", pct, "", 0), "160"},
		{"clearShedState", "<shedQuery><shedStation>" + sid + "<Ports><Port><portNumber>1</portNumber></Port></Ports></shedStation></shedQuery>", "100"},
		{"clearShedState", "<shedQuery><shedGroup><sgID>" + itoa(HealthyGroupID) + "</sgID></shedGroup></shedQuery>", "100"},
		{"clearShedState", "<shedQuery/>", "184"},
		{"clearShedState", "<shedQuery><shedGroup><sgID>1</sgID></shedGroup></shedQuery>", "160"},
		{"addFleetVehicle", vehicleXML(cards, el("licensePlate", "XSD1"), required, el("vehicleID", "V-1"), el("vin", "VIN1"),
			el("color", "Red"), el("companyCode", "318"), el("driverID", s.Users()[0].ID),
			"<vehiclePortMacIDs><vehiclePortMacID>00:11</vehiclePortMacID><vehiclePortMacID>00:12</vehiclePortMacID></vehiclePortMacIDs>"), "100"},
		{"addFleetVehicle", vehicleXML(cards, required), "172"},
		{"addFleetVehicle", vehicleXML(cards, el("licensePlate", "XSD2"), required, el("companyCode", "0")), "189"},
		{"addFleetVehicle", vehicleXML(cards, el("licensePlate", "xsd1"), required), "190"},
		{"updateFleetVehicle", vehicleXML(el("fleetVehicleID", "FV900001"), el("color", "Blue"), cards,
			"<vehiclePortMacIDs/>", el("driverID", "")), "100"},
		{"updateFleetVehicle", vehicleXML(el("fleetVehicleID", vehicle.ID), el("licensePlate", "XSD3")), "100"},
		{"updateFleetVehicle", vehicleXML(el("color", "Blue")), "172"},
		{"updateFleetVehicle", vehicleXML(el("fleetVehicleID", "FV1")), "160"},
		{"updateFleetVehicle", vehicleXML(el("fleetVehicleID", "FV900001"), el("year", "3000")), "189"},
		{"updateFleetVehicle", vehicleXML(el("fleetVehicleID", vehicle.ID), el("fleetName", "Vans"), el("licensePlate", "XSD1")), "190"},
		{"deleteFleetVehicle", el("fleetVehicleID", "FV900001"), "100"},
		{"deleteFleetVehicle", "", "172"},
		{"deleteFleetVehicle", el("fleetVehicleID", "FV900001"), "160"},
		{"createLoadShedEvent", shedEvent(sid, event), "100"},
		{"createLoadShedEvent", shedEvent(el("sgID", itoa(HealthyGroupID)), el("eventStartTime", "2027-01-01T08:00:00Z"),
			el("eventDuration", "30"), el("allowedLoadPerPort", "2.5")), "100"},
		{"createLoadShedEvent", shedEvent(sid, el("sgID", "20006"), event), "187"},
		{"createLoadShedEvent", shedEvent(sid, el("eventDuration", "60"), pct), "172"},
		{"createLoadShedEvent", shedEvent(sid, el("eventStartTime", "2027-01-01T08:00:00Z"), el("eventDuration", "-1"), pct), "189"},
		{"createLoadShedEvent", shedEvent(el("stationID", "1:1"), event), "160"},
		{"removeLoadShedEvent", el("eventId", "4001"), "100"},
		{"removeLoadShedEvent", "", "172"},
		{"removeLoadShedEvent", el("eventId", "4001"), "160"},
		{"clearAlarms", "<searchQuery><orgID>1:ORG00001</orgID><organizationName>ChargePoint</organizationName>" + sid +
			"<stationName>x</stationName><sgName>Garage West</sgName><portNumber>1</portNumber><alarmType>GFCI Trip</alarmType>" +
			"<clearReason>none</clearReason></searchQuery>", "153"},
		{"clearAlarms", "<searchQuery><stationID>1:81203</stationID><startTime>2026-11-01T00:00:00Z</startTime><endTime>2026-11-30T00:00:00Z</endTime><clearReason>test</clearReason></searchQuery>", "100"},
		{"clearAlarms", "", "172"},
	}
	seen := map[string]bool{}
	for _, c := range cases {
		seen[c.op] = true
		t.Run(c.op+" "+c.code, func(t *testing.T) {
			_, raw := writeOp[tCodeResponse](t, url, c.op, c.inner) // validates the response, and an accepted request
			wantCode(t, raw, c.code, "")
		})
	}
	for _, op := range []string{"shedLoad", "clearShedState", "addFleetVehicle", "updateFleetVehicle", "deleteFleetVehicle",
		"createLoadShedEvent", "removeLoadShedEvent", "clearAlarms"} {
		if !seen[op] {
			t.Errorf("no case for %s", op)
		}
	}
}
