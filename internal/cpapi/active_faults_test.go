package cpapi

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestGetStationActiveFaultsRequest(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK("getStationActiveFaults", ok100)) })
	q := ActiveFaultsQuery{StationIDs: WrappedList[StationIDItem]{StringOf("1:34003"), StringOf("1:34004")}}
	if _, err := fs.client(t).GetStationActiveFaults(context.Background(), q); err != nil {
		t.Fatal(err)
	}
	body := fs.last().body
	validRequest(t, body)
	want := "<urn:getStationActiveFaults><searchQuery><stationIDs><stationID>1:34003</stationID><stationID>1:34004</stationID></stationIDs></searchQuery></urn:getStationActiveFaults>"
	if !strings.Contains(body, want) {
		t.Errorf("request %s\nwant %s", body, want)
	}
}

func TestGetStationActiveFaultsDecodes(t *testing.T) {
	resp := fixture(t, "getStationActiveFaults_response.xml")
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, resp) })
	got, err := fs.client(t).GetStationActiveFaults(context.Background(), ActiveFaultsQuery{StationIDs: WrappedList[StationIDItem]{StringOf("1:34003")}})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range got {
		ids = append(ids, s.StationID.Value)
	}
	if !slices.Equal(ids, []string{"1:34003", "1:34004", "1:34005"}) { // from both <stations> wrappers
		t.Fatalf("stations %v", ids)
	}
	if len(got[0].Faults) != 1 || len(got[1].Faults) != 0 || len(got[2].Faults) != 1 {
		t.Fatalf("faults %+v", got)
	}
	f := got[0].Faults[0]
	if f.FaultCode.Value != "GFCI-TRIP" || f.FaultName.Value != "Ground fault" || f.FaultTime != TimeOf(time.Date(2025, 2, 13, 22, 15, 0, 0, time.UTC)) ||
		f.FaultSeverity.Value != "Critical" || f.Remedy.Value != "Inspect the cable and reset the station." || len(f.Frus) != 2 {
		t.Fatalf("fault %+v", f)
	}
	fru := f.Frus[0]
	if fru.FruID.Value != "FRU-1" || fru.PartNumber.Value != "PM-240-30" || fru.SerialNumber.Value != "PM1307311" ||
		fru.SoftwareVersion.Value != "2.1.4" || fru.HardwareVersion.Value != "B" || len(fru.FruFaults) != 1 {
		t.Fatalf("fru %+v", fru)
	}
	ff := fru.FruFaults[0]
	if ff.FruFaultCode.Value != "PM-GF" || ff.FruFaultTime.String() != "2025-02-13T22:14:58Z" || ff.FruFaultRemedy.Value != "Replace the power module if the fault repeats." {
		t.Errorf("fru fault %+v", ff)
	}
	if len(f.Frus[1].FruFaults) != 0 || f.Frus[1].PartNumber.Valid {
		t.Errorf("second fru %+v", f.Frus[1])
	}
}

func TestGetStationActiveFaultsBatchesBy100(t *testing.T) {
	ids := numberedIDs(250)
	fs := newFakeServer(t, func(w http.ResponseWriter, body string) {
		var b strings.Builder
		b.WriteString(ok100 + "<stations>")
		for _, id := range requestedIDs(body) {
			b.WriteString("<station><stationID>" + id + "</stationID></station>")
		}
		b.WriteString("</stations>")
		write(w, 200, soapOK("getStationActiveFaults", b.String()))
	})
	var q ActiveFaultsQuery
	for _, id := range ids {
		q.StationIDs = append(q.StationIDs, StringOf(id))
	}
	got, err := fs.client(t).GetStationActiveFaults(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 250 || got[0].StationID.Value != "1:1" || got[249].StationID.Value != "1:250" {
		t.Fatalf("%d stations", len(got))
	}
	expectBatchSizes(t, fs, 100, 100, 50)
	validRequest(t, fs.requests[0].body) // exactly 100 IDs: stationIdListBound's maximum
}

func TestGetStationActiveFaultsErrors(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getStationActiveFaults", `<responseCode>147</responseCode><responseText>Maximum 100 station IDs allowed.</responseText>`))
	})
	_, err := fs.client(t).GetStationActiveFaults(context.Background(), ActiveFaultsQuery{StationIDs: WrappedList[StationIDItem]{StringOf("1:1")}})
	var re *ResponseError
	if !errors.As(err, &re) || re.Code != "147" || re.Text != "Maximum 100 station IDs allowed." {
		t.Errorf("err = %v", err)
	}
	calls := len(fs.requests)
	if _, err := fs.client(t).GetStationActiveFaults(context.Background(), ActiveFaultsQuery{}); err == nil || len(fs.requests) != calls {
		t.Errorf("no IDs: err %v after %d calls; the request would be invalid (stationIDs is required)", err, len(fs.requests)-calls)
	}
}
