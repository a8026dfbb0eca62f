package simulator

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/xsdtest"
)

// Helpers for the tests of the write operations. Like the other test helpers, the decoding types are
// written from the XSD, independently of the simulator's own types.

// writeOp posts <urn:{op}>inner</urn:{op}>, validates the response element against the 5.1 XSD and,
// when the write was accepted (responseCode 100), the request element too: the simulator must accept
// only requests the schema allows. It decodes the response into T.
func writeOp[T any](t testing.TB, url, op, inner string) (*T, []byte) {
	t.Helper()
	envelope := opRequest(op, inner)
	got, raw := call[T](t, url, op, envelope)
	xsdtest.Validate(t, xsdtest.BodyElement(t, raw))
	if bytes.Contains(raw, []byte("<responseCode>100</responseCode>")) {
		xsdtest.Validate(t, xsdtest.BodyElement(t, []byte(envelope)))
	}
	return got, raw
}

type tShedLoadResponse struct {
	ResponseCode          string  `xml:"responseCode"`
	ResponseText          string  `xml:"responseText"`
	Success               *string `xml:"Success"`
	SgID                  *string `xml:"sgID"`
	StationID             *string `xml:"stationID"`
	AllowedLoadPerStation *string `xml:"allowedLoadPerStation"`
	PercentShedPerStation *string `xml:"percentShedPerStation"`
	Ports                 []struct {
		PortNumber         string  `xml:"portNumber"`
		AllowedLoadPerPort *string `xml:"allowedLoadPerPort"`
		PercentShedPerPort *string `xml:"percentShedPerPort"`
	} `xml:"Ports>Port"`
}

type tClearShedResponse struct {
	ResponseCode string  `xml:"responseCode"`
	ResponseText string  `xml:"responseText"`
	Success      *string `xml:"Success"`
	SgID         *string `xml:"sgID"`
	StationID    *string `xml:"stationID"`
}

type tCodeResponse struct {
	ResponseCode string `xml:"responseCode"`
	ResponseText string `xml:"responseText"`
}

type tAddVehicleResponse struct {
	ResponseCode   string   `xml:"responseCode"`
	ResponseText   string   `xml:"responseText"`
	FleetVehicleID []string `xml:"fleetVehicleID"`
}

type tVehicleData struct {
	FleetVehicleID string   `xml:"fleetVehicleID"`
	CardSerials    []string `xml:"chargePointCards>chargePointCardSn"`
	MifareIDs      []string `xml:"chargePointCards>mifareID"`
	LicensePlate   string   `xml:"licensePlate"`
	FleetName      string   `xml:"fleetName"`
	VehicleID      string   `xml:"vehicleID"`
	VIN            string   `xml:"vin"`
	Color          string   `xml:"color"`
	Make           string   `xml:"make"`
	Model          string   `xml:"model"`
	Year           string   `xml:"year"`
	CompanyCode    string   `xml:"companyCode"`
	DriverID       string   `xml:"driverID"`
	PortMACs       []string `xml:"vehiclePortMacIDs>vehiclePortMacID"`
}

type tUpdateVehicleResponse struct {
	ResponseCode string        `xml:"responseCode"`
	ResponseText string        `xml:"responseText"`
	Vehicle      *tVehicleData `xml:"vehicle"`
}

type tCreateEventResponse struct {
	ResponseCode string  `xml:"responseCode"`
	ResponseText string  `xml:"responseText"`
	EventID      *string `xml:"eventId"`
}

type tRemoveEventResponse struct {
	ResponseCode string  `xml:"responseCode"`
	ResponseText string  `xml:"responseText"`
	Response     *string `xml:"response"`
}

// shedStation is a shedLoad shedQuery for one station: limit is station-level markup (may be ""),
// ports the Port elements (may be "").
func shedStationQuery(stationID, limit, ports string, minutes int) string {
	if ports != "" {
		ports = "<Ports>" + ports + "</Ports>"
	}
	return "<shedQuery><shedStation><stationID>" + stationID + "</stationID>" + limit + ports +
		"</shedStation><timeInterval>" + strconv.Itoa(minutes) + "</timeInterval></shedQuery>"
}

func shedGroupQuery(sgID int, limit string, minutes int) string {
	return "<shedQuery><shedGroup><sgID>" + strconv.Itoa(sgID) + "</sgID>" + limit +
		"</shedGroup><timeInterval>" + strconv.Itoa(minutes) + "</timeInterval></shedQuery>"
}

func portLimit(n int, limit string) string {
	return "<Port><portNumber>" + strconv.Itoa(n) + "</portNumber>" + limit + "</Port>"
}

func shed(t testing.TB, url, shedQuery string) *tShedLoadResponse {
	t.Helper()
	got, raw := writeOp[tShedLoadResponse](t, url, "shedLoad", shedQuery)
	if got.ResponseCode != "100" || !flagIs(got.Success, "1") {
		t.Fatalf("shedLoad refused\n%s", raw)
	}
	return got
}

func wantCode(t testing.TB, raw []byte, code, text string) {
	t.Helper()
	if !bytes.Contains(raw, []byte("<responseCode>"+code+"</responseCode>")) ||
		text != "" && !bytes.Contains(raw, []byte("<responseText>"+text)) {
		t.Fatalf("want code %s %q in\n%s", code, text, raw)
	}
}

// loadPorts returns getLoad's ports of one station.
func loadPorts(t *testing.T, url, stationID string) []tLoadPort {
	t.Helper()
	got, raw := getLoad(t, url, "<stationID>"+stationID+"</stationID>")
	if got.ResponseCode != "100" || len(got.Stations) != 1 {
		t.Fatalf("getLoad %s\n%s", stationID, raw)
	}
	return got.Stations[0].Ports
}

// multiPortStation returns a station of at least two ports, one of them charging, that is not shed.
func multiPortStation(t testing.TB, s *Server) Station {
	t.Helper()
	for _, st := range s.Dataset().Stations() {
		if len(st.Ports) < 2 || len(s.StationShed(st.ID)) > 0 {
			continue
		}
		for _, p := range st.Ports {
			if p.Status == "INUSE" {
				return st
			}
		}
	}
	t.Fatal("no unshed station with two ports, one charging")
	return Station{}
}

func vehicleXML(fields ...string) string {
	return "<vehicle>" + strings.Join(fields, "") + "</vehicle>"
}

func el(name, value string) string { return "<" + name + ">" + value + "</" + name + ">" }
