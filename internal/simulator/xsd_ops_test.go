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
