package simulator

import (
	"bytes"
	"fmt"
	"testing"
)

// Tests of getStationRightsProfile and getCPNInstances.

type tTaskList struct {
	ResponseCode string `xml:"responseCode"`
	ResponseText string `xml:"responseText"`
	Tasks        []struct {
		Task        string `xml:"Task"`
		Description string `xml:"Description"`
	} `xml:"taskList"`
}

func (l *tTaskList) names() []string {
	var out []string
	for _, t := range l.Tasks {
		out = append(out, t.Task)
	}
	return out
}

func TestGetStationRightsProfile(t *testing.T) {
	s, url := startServer(t, Options{})
	profile := func(inner string) (*tTaskList, []byte) {
		return call[tTaskList](t, url, "getStationRightsProfile", opRequest("getStationRightsProfile", inner))
	}
	manager := []string{"View Station Details", "Manage Station Configuration", "Manage Pricing", "Manage Power", "Manage Alarms", "View Session Data"}

	resp, raw := profile("<sgID>20002</sgID>")
	if resp.ResponseCode != "100" || resp.ResponseText != "API input request executed successfully." {
		t.Fatalf("unexpected response\n%s", raw)
	}
	assertIDs(t, "network_manager tasks", resp.names(), manager)
	if resp.Tasks[2].Description != "Create pricing policies and assign them to stations." {
		t.Errorf("Manage Pricing: %q", resp.Tasks[2].Description)
	}
	resp, _ = profile("<sgID>20101</sgID>")
	assertIDs(t, "station_viewer tasks", resp.names(), []string{"View Station Details", "View Session Data"})
	// Two profiles: every task once.
	resp, _ = profile("<sgID>20001</sgID>")
	assertIDs(t, "both profiles", resp.names(), manager)
	resp, _ = profile("<sgID>20001</sgID><stationRightsProfile>STATION_VIEWER</stationRightsProfile>")
	assertIDs(t, "one of two profiles", resp.names(), []string{"View Station Details", "View Session Data"})
	// A profile the group does not have.
	if resp, raw = profile("<sgID>20101</sgID><stationRightsProfile>network_manager</stationRightsProfile>"); resp.ResponseCode != "100" || len(resp.Tasks) != 0 {
		t.Errorf("profile the group lacks\n%s", raw)
	}
	if resp, raw = profile("<sgID>12345</sgID>"); resp.ResponseCode != "124" || resp.ResponseText != "Invalid sgID." || len(resp.Tasks) != 0 {
		t.Errorf("unknown sgID\n%s", raw)
	}
	// Every group's answer is its profiles' tasks.
	for _, g := range s.Dataset().Groups() {
		resp, _ := profile(fmt.Sprintf("<sgID>%d</sgID>", g.ID))
		if len(resp.Tasks) < 2 {
			t.Errorf("group %d: %d tasks", g.ID, len(resp.Tasks))
		}
	}

	for _, c := range []struct{ name, body, want string }{
		{"missing sgID", opRequest("getStationRightsProfile", "<stationRightsProfile>network_manager</stationRightsProfile>"), "missing required element getStationRightsProfile/sgID"},
		{"out of order", opRequest("getStationRightsProfile", "<stationRightsProfile>x</stationRightsProfile><sgID>20001</sgID>"), "out of order"},
		{"sgID not a number", opRequest("getStationRightsProfile", "<sgID>20001a</sgID>"), "xsd:int"},
		{"wrapped", query("getStationRightsProfile", "<sgID>20001</sgID>"), "unknown element searchQuery"},
	} {
		t.Run(c.name, func(t *testing.T) { expectFault(t, url, c.body, "soapenv:Client", c.want) })
	}
	expectAuthFailure(t, s, url, "getStationRightsProfile", "<sgID>20001</sgID>")
}

func TestGetCPNInstances(t *testing.T) {
	s, url := startServer(t, Options{})
	type tCPNs struct {
		ResponseCode *string `xml:"responseCode"`
		CPN          []struct {
			ID          string `xml:"cpnID"`
			Name        string `xml:"cpnName"`
			Description string `xml:"cpnDescription"`
		} `xml:"CPN"`
	}
	resp, raw := call[tCPNs](t, url, "getCPNInstances", opRequest("getCPNInstances", ""))
	if resp.ResponseCode != nil || bytes.Contains(raw, []byte("responseText")) {
		t.Errorf("getCPNInstancesResponse has no responseCode/responseText\n%s", raw)
	}
	want := "[{1 NA ChargePoint Operations} {2 EU ChargePoint Europe} {3 AU ChargePoint Australia} {4 CA ChargePoint Canada}]"
	if got := fmt.Sprint(resp.CPN); got != want {
		t.Errorf("CPN %s, want %s", got, want)
	}
	// The real request shape: default namespace on the operation, <getCPNInstances></getCPNInstances>.
	res := post(t, url, soapEnvelope(securityHeader(testKey, testPassword), `<getCPNInstances xmlns="urn:dictionary:com.chargepoint.webservices"></getCPNInstances>`))
	if res.Status != 200 || !bytes.Contains(res.Body, []byte("<cpnName>CA</cpnName>")) {
		t.Errorf("HTTP %d\n%s", res.Status, res.Body)
	}
	expectFault(t, url, opRequest("getCPNInstances", "<cpnID>1</cpnID>"), "soapenv:Client", "unknown element cpnID")
	expectFault(t, url, opRequest("getCPNInstances", "NA"), "soapenv:Client", "must be empty")
	expectAuthFailure(t, s, url, "getCPNInstances", "")
}
