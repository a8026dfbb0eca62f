package simulator

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

type tFaultList struct {
	ResponseCode string `xml:"responseCode"`
	ResponseText string `xml:"responseText"`
	Stations     []struct {
		Station []struct {
			StationID string   `xml:"stationID"`
			Faults    []tFault `xml:"stationFaults>stationFault"`
		} `xml:"station"`
	} `xml:"stations"`
}

type tFault struct {
	Code        string `xml:"faultCode"`
	Name        string `xml:"faultName"`
	Time        string `xml:"faultTime"`
	Severity    string `xml:"faultSeverity"`
	Description string `xml:"faultDescription"`
	Remedy      string `xml:"remedy"`
	FRUs        []struct {
		ID              string `xml:"fruID"`
		Name            string `xml:"fruName"`
		PartNumber      string `xml:"partNumber"`
		SerialNumber    string `xml:"serialNumber"`
		SoftwareVersion string `xml:"softwareVersion"`
		HardwareVersion string `xml:"hardwareVersion"`
		Faults          []struct {
			Code        string `xml:"fruFaultCode"`
			Name        string `xml:"fruFaultName"`
			Time        string `xml:"fruFaultTime"`
			Severity    string `xml:"fruFaultSeverity"`
			Description string `xml:"fruFaultDescription"`
			Remedy      string `xml:"fruFaultRemedy"`
		} `xml:"fruFaults>fruFault"`
	} `xml:"frus>fru"`
}

func activeFaults(t *testing.T, url string, ids ...string) (*tFaultList, []byte) {
	t.Helper()
	return call[tFaultList](t, url, "getStationActiveFaults", query("getStationActiveFaults", stationIDList(ids...)))
}

func TestGetStationActiveFaultsSeedStation(t *testing.T) {
	_, url := startServer(t, Options{})
	resp, raw := activeFaults(t, url, "1:81203")
	if resp.ResponseCode != "100" || len(resp.Stations) != 1 || len(resp.Stations[0].Station) != 1 {
		t.Fatalf("unexpected response\n%s", raw)
	}
	st := resp.Stations[0].Station[0]
	if st.StationID != "1:81203" || len(st.Faults) != 1 {
		t.Fatalf("station %+v", st)
	}
	f := st.Faults[0]
	if f.Code != "3002" || f.Name != "Power Module Not Responding" || f.Time != "2013-03-05T21:37:00Z" || f.Severity != "Critical" ||
		f.Description == "" || f.Remedy == "" || len(f.FRUs) != 2 {
		t.Fatalf("fault %+v", f)
	}
	got := fmt.Sprintf("%+v", f.FRUs)
	for _, want := range []string{
		"ID:1211150072A4-1 Name:Power Module PartNumber:75-000520-03 SerialNumber:PM1211150072A401 SoftwareVersion:2.4.1 HardwareVersion:C1",
		"Code:PM-301 Name:No Response Time:2013-03-05T21:36:59Z Severity:Critical",
		"ID:1211150072A4-2 Name:Control Board",
		"Code:CB-201 Name:Internal Bus Error Time:2013-03-05T21:36:58Z Severity:Major",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("FRUs lack %q:\n%s", want, got)
		}
	}
}

func TestGetStationActiveFaults(t *testing.T) {
	s, url := startServer(t, Options{})
	d := s.Dataset()
	var healthy, faulted []string
	for _, st := range d.Stations() {
		if len(st.Faults) == 0 {
			healthy = append(healthy, st.ID)
		} else {
			faulted = append(faulted, st.ID)
		}
	}
	if len(faulted) < 10 || len(healthy) < 100 {
		t.Fatalf("setup: %d stations with faults, %d without", len(faulted), len(healthy))
	}

	// Healthy stations, unknown IDs and duplicates are left out; the rest comes in ID order.
	ask := []string{faulted[5], healthy[0], "1:1", faulted[2], faulted[5], healthy[1], " " + faulted[9] + " "}
	resp, raw := activeFaults(t, url, ask...)
	var got []string
	for _, st := range resp.Stations[0].Station {
		got = append(got, st.StationID)
		want := d.ActiveFaults(st.StationID)
		if len(st.Faults) != len(want) {
			t.Fatalf("%s: %d faults, want %d\n%s", st.StationID, len(st.Faults), len(want), raw)
		}
		for i, f := range st.Faults {
			if f.Code != want[i].Code || f.Time != formatDateTime(want[i].Time) || len(f.FRUs) != len(want[i].FRUs) {
				t.Errorf("%s fault %d: %+v, want %+v", st.StationID, i, f, want[i])
			}
		}
	}
	assertIDs(t, "stations with faults", got, []string{faulted[2], faulted[5], faulted[9]})

	// Exactly 100 IDs without a fault: 100 and no stations element.
	resp, raw = activeFaults(t, url, healthy[:100]...)
	if resp.ResponseCode != "100" || len(resp.Stations) != 0 {
		t.Errorf("healthy stations\n%s", raw)
	}
	// 101 IDs: 147.
	resp, raw = activeFaults(t, url, append(healthy[:100], faulted[0])...)
	if resp.ResponseCode != "147" || resp.ResponseText != "Maximum 100 station IDs allowed." || len(resp.Stations) != 0 {
		t.Errorf("101 IDs\n%s", raw)
	}

	for _, c := range []struct{ name, body, want string }{
		{"missing stationIDs", query("getStationActiveFaults", ""), "missing required element getStationActiveFaults/searchQuery/stationIDs"},
		{"empty stationIDs", query("getStationActiveFaults", "<stationIDs/>"), "needs at least one stationID"},
		{"stationID instead of stationIDs", query("getStationActiveFaults", "<stationID>1:81203</stationID>"), "unknown element stationID"},
		{"missing searchQuery", opRequest("getStationActiveFaults", ""), "missing required element getStationActiveFaults/searchQuery"},
	} {
		t.Run(c.name, func(t *testing.T) { expectFault(t, url, c.body, "soapenv:Client", c.want) })
	}
	expectAuthFailure(t, s, url, "getStationActiveFaults", "<searchQuery>"+stationIDList("1:81203")+"</searchQuery>")
}

// TestActiveFaultsInvariants: a station has active faults exactly when a port has a fault reason, and
// each reason is one of its faults' names.
func TestActiveFaultsInvariants(t *testing.T) {
	d := New(Options{Stations: 3000}).Dataset()
	codes := map[string]bool{}
	for _, st := range d.Stations() {
		faults := d.ActiveFaults(st.ID)
		reasons := 0
		for _, p := range st.Ports {
			if (p.FaultReason != "") != (p.Status == "UNREACHABLE" || p.Status == "UNKNOWN") {
				t.Fatalf("%s port %d: status %s, fault reason %q", st.ID, p.Number, p.Status, p.FaultReason)
			}
			if p.FaultReason != "" {
				reasons++
				if !slices.ContainsFunc(faults, func(f Fault) bool { return f.Name == p.FaultReason }) {
					t.Fatalf("%s port %d: reason %q is none of %+v", st.ID, p.Number, p.FaultReason, faults)
				}
			}
		}
		if (reasons > 0) != (len(faults) > 0) || len(faults) > 2 {
			t.Fatalf("%s: %d fault reasons, %d faults", st.ID, reasons, len(faults))
		}
		for i, f := range faults {
			codes[f.Code] = true
			if i > 0 && f.Time.Before(faults[i-1].Time) {
				t.Fatalf("%s: faults not oldest first", st.ID)
			}
			if len(f.FRUs) < 1 || len(f.FRUs) > 2 {
				t.Fatalf("%s fault %s: %d FRUs", st.ID, f.Code, len(f.FRUs))
			}
			for _, fru := range f.FRUs {
				if fru.ID == "" || fru.SerialNumber == "" || len(fru.Faults) == 0 || fru.Faults[0].Time.After(f.Time) {
					t.Fatalf("%s fault %s: FRU %+v", st.ID, f.Code, fru)
				}
			}
		}
	}
	for _, code := range []string{"1001", "2004", "2011", "2020", "3002", "4007"} {
		if !codes[code] {
			t.Errorf("no fault %s in the data set", code)
		}
	}
}
