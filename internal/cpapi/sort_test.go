package cpapi

import (
	"context"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestSortedListsHaveSortLists: every type with a list whose description promises an order ("sorted")
// has the sortLists method that keeps the promise, so that the promise and its code stay together.
func TestSortedListsHaveSortLists(t *testing.T) {
	sorterType := reflect.TypeFor[listSorter]()
	seen := map[reflect.Type]bool{}
	promises := 0
	var walk func(reflect.Type)
	walk = func(typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] {
			return
		}
		seen[typ] = true
		for f := range typ.Fields() {
			walk(f.Type)
			if f.Anonymous || !strings.Contains(f.Tag.Get("desc"), "sorted") {
				continue
			}
			promises++
			if !reflect.PointerTo(typ).Implements(sorterType) {
				t.Errorf("%s.%s promises %q, but %s has no sortLists", typ.Name(), f.Name, f.Tag.Get("desc"), typ.Name())
			}
		}
	}
	for _, r := range responseTypes {
		walk(reflect.TypeOf(r))
	}
	if promises < 15 {
		t.Errorf("found %d sorted lists only", promises)
	}
}

func ids(values ...string) []String {
	out := make([]String, len(values))
	for i, v := range values {
		out[i] = StringOf(v)
	}
	return out
}

func TestSortListsKeepsTheDescriptionsPromises(t *testing.T) {
	info := func(k string) CustomInfo { return CustomInfo{Key: StringOf(k), Value: StringOf("v" + k)} }
	user := User{CredentialIDs: ids("RFID-10", "RFID-9", "CNCP1"),
		Connection:      &Connection{CustomInfos: []CustomInfo{info("Employee ID"), info("Department")}},
		ManagementRealm: &ManagementRealm{CustomInfos: []CustomInfo{info("b"), info("a")}}}
	user.sortLists()
	vehicle := FleetVehicle{CredentialIDs: ids("CPFL2", "CPFL10", "CPFL1")}
	vehicle.sortLists()
	group := StationGroup{Stations: []StationGroupPoint{{StationID: StringOf("1:10")}, {StationID: StringOf("1:9")}}}
	group.sortLists()
	details := StationGroupDetails{
		Groups:   []ChildStationGroup{{SgID: IntOf(20)}, {SgID: IntOf(3)}},
		Stations: []StationGroupStation{{StationID: StringOf("2:1")}, {StationID: StringOf("1:200")}, {StationID: StringOf("1:30")}},
	}
	details.sortLists()
	org := Organization{Groups: []OrgStationGroup{{SgID: IntOf(11)}, {SgID: IntOf(2)}}}
	org.sortLists()
	rights := StationRights{Stations: []StationWithRights{{StationID: StringOf("1:81203")}, {StationID: StringOf("1:5")}}}
	rights.sortLists()
	port := func(n string) Port { return Port{PortNumber: StringOf(n)} }
	station := StationCore{Ports: []Port{port("10"), port("2"), port("1")}}
	station.sortLists()
	status := StationStatus{Ports: []PortStatus{{PublicPortStatus: PublicPortStatus{PortNumber: StringOf("2")}}, {PublicPortStatus: PublicPortStatus{PortNumber: StringOf("1")}}}}
	status.sortLists()
	public := PublicStationStatus{Ports: []PublicPortStatus{{PortNumber: StringOf("2")}, {PortNumber: StringOf("1")}}}
	public.sortLists()
	load := Load{Stations: []LoadStation{
		{StationID: StringOf("1:10"), Ports: []LoadPort{{PortNumber: StringOf("2")}, {PortNumber: StringOf("1")}}},
		{StationID: StringOf("1:9")},
	}}
	load.sortLists()
	at := func(s string) Time { v, _ := ParseTime(s); return TimeOf(v) }
	faults := StationActiveFaults{Faults: []StationFault{
		{FaultCode: StringOf("9"), FaultTime: at("2026-01-02T00:00:00Z")},
		{FaultCode: StringOf("7"), FaultTime: at("2026-01-01T20:00:00-08:00"), Frus: []Fru{
			{FruID: StringOf("F10"), FruFaults: []FruFault{{FruFaultCode: StringOf("b"), FruFaultTime: at("2026-01-03T00:00:00Z")}, {FruFaultCode: StringOf("a"), FruFaultTime: at("2026-01-03T00:00:00Z")}}},
			{FruID: StringOf("F9")},
		}},
	}}
	faults.sortLists()
	intervals := SessionIntervals{Intervals: []SessionInterval{{StationTime: at("2026-01-01T00:30:00Z")}, {StationTime: at("2026-01-01T00:15:00Z")}}}
	intervals.sortLists()

	for _, c := range []struct{ what, got, want string }{
		{"user credential_ids", fmt.Sprint(user.CredentialIDs), "[CNCP1 RFID-9 RFID-10]"},
		{"connection custom_infos", fmt.Sprint(user.Connection.CustomInfos[0].Key, user.Connection.CustomInfos[1].Key), "Department Employee ID"},
		{"management_realm custom_infos", fmt.Sprint(user.ManagementRealm.CustomInfos[0].Key), "a"},
		{"vehicle credential_ids", fmt.Sprint(vehicle.CredentialIDs), "[CPFL1 CPFL2 CPFL10]"},
		{"group stations", fmt.Sprint(group.Stations[0].StationID, group.Stations[1].StationID), "1:9 1:10"},
		{"group details", fmt.Sprint(details.Groups[0].SgID, details.Groups[1].SgID, details.Stations[0].StationID, details.Stations[1].StationID, details.Stations[2].StationID), "3 20 1:30 1:200 2:1"},
		{"organization groups", fmt.Sprint(org.Groups[0].SgID, org.Groups[1].SgID), "2 11"},
		{"rights stations", fmt.Sprint(rights.Stations[0].StationID, rights.Stations[1].StationID), "1:5 1:81203"},
		{"station ports", fmt.Sprint(station.Ports[0].PortNumber, station.Ports[1].PortNumber, station.Ports[2].PortNumber), "1 2 10"},
		{"status ports", fmt.Sprint(status.Ports[0].PortNumber, public.Ports[0].PortNumber), "1 1"},
		{"load", fmt.Sprint(load.Stations[0].StationID, load.Stations[1].StationID, load.Stations[1].Ports[0].PortNumber), "1:9 1:10 1"},
		{"faults by time (in UTC), then code", fmt.Sprint(faults.Faults[0].FaultCode, faults.Faults[1].FaultCode), "9 7"},
		{"frus", fmt.Sprint(faults.Faults[1].Frus[0].FruID, faults.Faults[1].Frus[1].FruID), "F9 F10"},
		{"fru faults", fmt.Sprint(faults.Faults[1].Frus[1].FruFaults[0].FruFaultCode), "a"},
		{"intervals", intervals.Intervals[0].StationTime.Value.Format(time.TimeOnly), "00:15:00"},
	} {
		if c.got != c.want {
			t.Errorf("%s: %s, want %s", c.what, c.got, c.want)
		}
	}
}

// The operations put the lists in order after decoding: ports sent 10, 2, 1 come back 1, 2, 10.
func TestOperationsSortTheirLists(t *testing.T) {
	ports := `<Port><portNumber>10</portNumber></Port><Port><portNumber>2</portNumber></Port><Port><portNumber>1</portNumber></Port>`
	fs := newFakeServer(t, func(w http.ResponseWriter, body string) {
		switch {
		case strings.Contains(body, "getPublicStations"):
			write(w, 200, soapOK("getPublicStations", ok100+`<stationData><stationID>1:1</stationID>`+ports+`</stationData><moreFlag>0</moreFlag>`))
		default:
			write(w, 200, soapOK("getLoad", ok100+`<stationData><stationID>1:10</stationID></stationData><stationData><stationID>1:9</stationID>`+
				ports+`</stationData>`))
		}
	})
	c := fs.client(t)
	stations, err := c.GetPublicStations(context.Background(), StationSearchRequest{})
	if err != nil || len(stations) != 1 || fmt.Sprint(stations[0].Ports[0].PortNumber, stations[0].Ports[2].PortNumber) != "1 10" {
		t.Errorf("getPublicStations: %+v, %v", stations, err)
	}
	load, err := c.GetLoad(context.Background(), LoadQuery{SgID: IntOf(1)})
	if err != nil || len(load.Stations) != 2 || load.Stations[0].StationID.Value != "1:9" || load.Stations[0].Ports[0].PortNumber.Value != "1" {
		t.Errorf("getLoad: %+v, %v", load, err)
	}
}
