package cpapi

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
)

// writeServer answers each operation with answers[op] (HTTP 200 unless the text starts with "500:"),
// and records the requests.
func writeServer(t *testing.T, answers map[string]string) *fakeServer {
	t.Helper()
	return newFakeServer(t, func(w http.ResponseWriter, body string) {
		for op, ans := range answers {
			if strings.Contains(body, "<urn:"+op+">") {
				if rest, ok := strings.CutPrefix(ans, "500:"); ok {
					write(w, 500, rest)
					return
				}
				write(w, 200, soapOK(op, ans))
				return
			}
		}
		write(w, 404, "no answer for this operation")
	})
}

func TestWriteRequests(t *testing.T) {
	start := time.Date(2026, 7, 1, 17, 0, 0, 0, time.UTC)
	cases := []struct {
		name, op, answer, want string
		call                   func(*Client) error
	}{
		{name: "shedLoad group, percent", op: "shedLoad", answer: ok100 + `<Success>1</Success><sgID>2020</sgID><percentShedPerStation>50</percentShedPerStation>`,
			want: `<urn:shedLoad><shedQuery><shedGroup><sgID>2020</sgID><percentShedPerStation>50</percentShedPerStation></shedGroup><timeInterval>0</timeInterval></shedQuery></urn:shedLoad>`,
			call: func(c *Client) error {
				r, err := c.ShedLoad(context.Background(), ShedLoadRequest{SgID: IntOf(2020), PercentShed: IntOf(50)})
				if err == nil && (r.SgID != IntOf(2020) || r.PercentShed != IntOf(50)) {
					return errors.New("unexpected result")
				}
				return err
			}},
		{name: "shedLoad station ports", op: "shedLoad", answer: ok100 + `<Success>1</Success><stationID>1:123456</stationID><Ports><Port><portNumber>1</portNumber><allowedLoadPerPort>3.0</allowedLoadPerPort></Port></Ports>`,
			want: `<urn:shedLoad><shedQuery><shedStation><stationID>1:123456</stationID><Ports><Port><portNumber>1</portNumber><allowedLoadPerPort>3</allowedLoadPerPort></Port>` +
				`<Port><portNumber>2</portNumber><percentShedPerPort>25</percentShedPerPort></Port></Ports></shedStation><timeInterval>60</timeInterval></shedQuery></urn:shedLoad>`,
			call: func(c *Client) error {
				r, err := c.ShedLoad(context.Background(), ShedLoadRequest{StationID: StringOf("1:123456"), TimeInterval: IntOf(60), Ports: []ShedPort{
					{PortNumber: StringOf("1"), AllowedLoad: sent("3.0")}, {PortNumber: StringOf("2"), PercentShed: IntOf(25)}}})
				if err == nil && (len(r.Ports) != 1 || r.Ports[0].AllowedLoad != sent("3.0")) {
					return errors.New("unexpected result")
				}
				return err
			}},
		{name: "clearShedState station", op: "clearShedState", answer: ok100 + `<Success>1</Success><stationID>1:5</stationID>`,
			want: `<urn:clearShedState><shedQuery><shedStation><stationID>1:5</stationID></shedStation></shedQuery></urn:clearShedState>`,
			call: func(c *Client) error {
				return c.ClearShedState(context.Background(), ClearShedStateRequest{StationID: StringOf("1:5")})
			}},
		{name: "clearShedState group", op: "clearShedState", answer: ok100 + `<Success>1</Success><sgID>7</sgID>`,
			want: `<urn:clearShedState><shedQuery><shedGroup><sgID>7</sgID></shedGroup></shedQuery></urn:clearShedState>`,
			call: func(c *Client) error {
				return c.ClearShedState(context.Background(), ClearShedStateRequest{SgID: IntOf(7)})
			}},
		{name: "addFleetVehicle", op: "addFleetVehicle", answer: ok100 + `<fleetVehicleID>FV-1</fleetVehicleID>`,
			want: `<urn:addFleetVehicle><vehicle><chargePointCards><chargePointCardSn>CNCP1</chargePointCardSn><mifareID>M1</mifareID></chargePointCards>` +
				`<licensePlate>7ABC123</licensePlate><fleetName>Vans</fleetName><make>Ford</make><model>E-Transit</model><year>2024</year>` +
				`<vehiclePortMacIDs><vehiclePortMacID>00:11</vehiclePortMacID></vehiclePortMacIDs></vehicle></urn:addFleetVehicle>`,
			call: func(c *Client) error {
				id, err := c.AddFleetVehicle(context.Background(), vanInput())
				if err == nil && id != "FV-1" {
					return errors.New("id " + id)
				}
				return err
			}},
		{name: "updateFleetVehicle", op: "updateFleetVehicle", answer: ok100,
			want: `<urn:updateFleetVehicle><vehicle><fleetVehicleID>FV-1</fleetVehicleID><color>white</color></vehicle></urn:updateFleetVehicle>`,
			call: func(c *Client) error {
				return c.UpdateFleetVehicle(context.Background(), "FV-1", FleetVehicleInput{Color: StringOf("white")})
			}},
		{name: "deleteFleetVehicle", op: "deleteFleetVehicle", answer: ok100,
			want: `<urn:deleteFleetVehicle><fleetVehicleID>FV-1</fleetVehicleID></urn:deleteFleetVehicle>`,
			call: func(c *Client) error { return c.DeleteFleetVehicle(context.Background(), "FV-1") }},
		{name: "createLoadShedEvent", op: "createLoadShedEvent", answer: ok100 + `<eventId>42</eventId>`,
			want: `<urn:createLoadShedEvent><shedEvent><sgID>2020</sgID><eventStartTime>2026-07-01T17:00:00Z</eventStartTime><eventDuration>120</eventDuration>` +
				`<allowOptOut>true</allowOptOut><percentShedPerStation>30</percentShedPerStation></shedEvent></urn:createLoadShedEvent>`,
			call: func(c *Client) error {
				id, err := c.CreateLoadShedEvent(context.Background(), LoadShedEvent{SgID: StringOf("2020"), EventStartTime: TimeOf(start),
					EventDuration: IntOf(120), AllowOptOut: BoolOf(true), PercentShed: sent("30")})
				if err == nil && id != IntOf(42) {
					return errors.New("id " + id.String())
				}
				return err
			}},
		{name: "removeLoadShedEvent", op: "removeLoadShedEvent", answer: ok100 + `<response>removed</response>`,
			want: `<urn:removeLoadShedEvent><eventId>42</eventId></urn:removeLoadShedEvent>`,
			call: func(c *Client) error { return c.RemoveLoadShedEvent(context.Background(), 42) }},
		{name: "clearAlarms", op: "clearAlarms", answer: ok100,
			want: `<urn:clearAlarms><searchQuery><stationID>1:5</stationID><alarmType>GFCI Trip</alarmType><clearReason>fixed</clearReason></searchQuery></urn:clearAlarms>`,
			call: func(c *Client) error {
				return c.ClearAlarms(context.Background(), ClearAlarmsQuery{StationID: StringOf("1:5"), AlarmType: StringOf("GFCI Trip"), ClearReason: StringOf("fixed")})
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := writeServer(t, map[string]string{tc.op: tc.answer})
			if err := tc.call(fs.client(t)); err != nil {
				t.Fatal(err)
			}
			if body := sentOperation(t, fs, -1); body != tc.want {
				t.Errorf("request body\n got %s\nwant %s", body, tc.want)
			}
			expectSOAPAction(t, fs, tc.op)
		})
	}
}

func vanInput() FleetVehicleInput {
	return FleetVehicleInput{
		ChargePointCardSNs: WrappedList[ChargePointCardSnItem]{StringOf("CNCP1")}, MifareIDs: WrappedList[MifareIDItem]{StringOf("M1")},
		LicensePlate: StringOf("7ABC123"), FleetName: StringOf("Vans"), Make: StringOf("Ford"), Model: StringOf("E-Transit"), Year: StringOf("2024"),
		VehiclePortMacIDs: WrappedList[VehiclePortMacIDItem]{StringOf("00:11")},
	}
}

// Requests that name both targets or none are refused before any call.
func TestWriteRequestsCheckedBeforeSending(t *testing.T) {
	fs := writeServer(t, nil)
	c := fs.client(t)
	ctx := context.Background()
	for name, err := range map[string]error{
		"shed both": func() error {
			_, err := c.ShedLoad(ctx, ShedLoadRequest{SgID: IntOf(1), StationID: StringOf("1:1"), PercentShed: IntOf(5)})
			return err
		}(),
		"shed none": func() error { _, err := c.ShedLoad(ctx, ShedLoadRequest{PercentShed: IntOf(5)}); return err }(),
		"shed both limits": func() error {
			_, err := c.ShedLoad(ctx, ShedLoadRequest{SgID: IntOf(1), PercentShed: IntOf(5), AllowedLoad: sent("1")})
			return err
		}(),
		"group ports": func() error {
			_, err := c.ShedLoad(ctx, ShedLoadRequest{SgID: IntOf(1), Ports: []ShedPort{{PortNumber: StringOf("1"), PercentShed: IntOf(5)}}})
			return err
		}(),
		"clear both":      c.ClearShedState(ctx, ClearShedStateRequest{SgID: IntOf(1), StationID: StringOf("1:1")}),
		"clear none":      c.ClearShedState(ctx, ClearShedStateRequest{}),
		"event no target": func() error { _, err := c.CreateLoadShedEvent(ctx, LoadShedEvent{EventDuration: IntOf(1)}); return err }(),
		"add missing fields": func() error {
			_, err := c.AddFleetVehicle(ctx, FleetVehicleInput{LicensePlate: StringOf("X")})
			return err
		}(),
	} {
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if fs.hits() != 0 {
		t.Errorf("%d requests sent", fs.hits())
	}
}

// The documented codes say what to change; Success 0 with responseCode 100 is an error.
func TestWriteResponseCodes(t *testing.T) {
	cases := []struct {
		op, answer, want string
		call             func(*Client) error
	}{
		{"shedLoad", `<responseCode>187</responseCode><responseText>Shed at either the group level or the station level, but not both</responseText>`,
			"responseCode 187: Shed at either the group level or the station level, but not both (shed either a station group (sg_id) or a station (station_id), not both)",
			func(c *Client) error {
				_, err := c.ShedLoad(context.Background(), ShedLoadRequest{SgID: IntOf(1), PercentShed: IntOf(5)})
				return err
			}},
		{"shedLoad", `<responseCode>172</responseCode><responseText>Please provide all the mandatory fields to make this call.</responseText>`,
			"(a mandatory field is missing: set sg_id or station_id, and allowed_load_kw or percent_shed",
			func(c *Client) error {
				_, err := c.ShedLoad(context.Background(), ShedLoadRequest{SgID: IntOf(1)})
				return err
			}},
		{"clearShedState", `<responseCode>184</responseCode><responseText>Enter either sgid or stationID</responseText>`,
			"(set exactly one of sg_id and station_id)",
			func(c *Client) error {
				return c.ClearShedState(context.Background(), ClearShedStateRequest{SgID: IntOf(1)})
			}},
		{"shedLoad", ok100 + `<Success>0</Success>`, "but Success is 0",
			func(c *Client) error {
				_, err := c.ShedLoad(context.Background(), ShedLoadRequest{SgID: IntOf(1), PercentShed: IntOf(5)})
				return err
			}},
		{"clearShedState", ok100 + `<Success>0</Success>`, "but Success is 0",
			func(c *Client) error {
				return c.ClearShedState(context.Background(), ClearShedStateRequest{SgID: IntOf(1)})
			}},
	}
	for _, tc := range cases {
		fs := writeServer(t, map[string]string{tc.op: tc.answer})
		err := tc.call(fs.client(t))
		var re *ResponseError
		if !errors.As(err, &re) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want it to contain %q", tc.op, err, tc.want)
		}
		if fs.hits() != 1 {
			t.Errorf("%s: %d requests, want 1", tc.op, fs.hits())
		}
	}
}

const vanRecord = `<fleetVehicle><fleetVehicleID>FV-9</fleetVehicleID><fleetName>Vans</fleetName><license>7ABC123</license><make>Ford</make></fleetVehicle>`

func TestAdoptFleetVehicle(t *testing.T) {
	cases := map[string]struct {
		vehicles string
		want     string // the adopted ID, or part of the error
	}{
		"exactly one matches: adopted": {vanRecord, "FV-9"},
		"none matches":                 {`<moreFlag>0</moreFlag>`, "most likely not added"},
		"two match":                    {vanRecord + strings.ReplaceAll(vanRecord, "FV-9", "FV-10"), "fleet vehicle IDs FV-9, FV-10"},
		"another plate does not match": {strings.ReplaceAll(vanRecord, "7ABC123", "7ABC1234"), "most likely not added"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			fs := writeServer(t, map[string]string{
				"addFleetVehicle":  "500:Internal Server Error",
				"getFleetVehicles": ok100 + tc.vehicles,
			})
			c := fs.client(t)
			_, addErr := c.AddFleetVehicle(context.Background(), vanInput())
			if !errors.As(addErr, new(*soap.AmbiguousWriteError)) {
				t.Fatalf("add: %v", addErr)
			}
			v, err := c.AdoptFleetVehicle(context.Background(), vanInput(), addErr)
			if tc.want == "FV-9" {
				if err != nil || v.FleetVehicleID.Value != "FV-9" {
					t.Fatalf("adopt: %+v, %v", v, err)
				}
			} else if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "ChargePoint portal") {
				t.Fatalf("adopt: err = %v, want %q", err, tc.want)
			}
			reqs := fs.snapshot()
			if len(reqs) != 2 || !strings.Contains(reqs[0].body, "<urn:addFleetVehicle>") {
				t.Fatalf("%d requests; the add must be sent once", len(reqs))
			}
			if q := sentOperation(t, fs, 1); !strings.Contains(q, "<fleetName>Vans</fleetName>") || !strings.Contains(q, "<license>7ABC123</license>") {
				t.Errorf("lookup %s", q)
			}
		})
	}
	// Any other error is not looked up.
	fs := writeServer(t, nil)
	other := errors.New("other")
	if _, err := fs.client(t).AdoptFleetVehicle(context.Background(), vanInput(), other); err != other || fs.hits() != 0 {
		t.Errorf("err = %v, %d requests", err, fs.hits())
	}
}

func TestCreateLoadShedEventNeverRepeated(t *testing.T) {
	fs := writeServer(t, map[string]string{"createLoadShedEvent": "500:Internal Server Error"})
	_, err := fs.client(t).CreateLoadShedEvent(context.Background(), LoadShedEvent{StationID: StringOf("1:5"),
		EventStartTime: TimeOf(time.Date(2026, 7, 1, 17, 0, 0, 0, time.UTC)), EventDuration: IntOf(60), PercentShed: sent("50")})
	var nr *EventNotRepeatedError
	if !errors.As(err, &nr) || !errors.As(err, new(*soap.AmbiguousWriteError)) {
		t.Fatalf("err = %v", err)
	}
	for _, want := range []string{"never repeated", "station 1:5", "2026-07-01T17:00:00Z", "ChargePoint portal"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q: %v", want, err)
		}
	}
	if fs.hits() != 1 {
		t.Errorf("%d requests, want 1", fs.hits())
	}
}

// shedLoad sets a state: an HTTP 500 is retried, as for a read.
func TestShedLoadRetriedLikeARead(t *testing.T) {
	var n int
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		n++
		if n == 1 {
			write(w, 500, "oops")
			return
		}
		write(w, 200, soapOK("shedLoad", ok100+`<Success>1</Success>`))
	})
	c, err := New(Config{Endpoint: fs.URL + ServicePath, LicenseKey: testKey, Password: testPassword, MaxRetries: 1, MaxConcurrentRequests: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ShedLoad(context.Background(), ShedLoadRequest{SgID: IntOf(1), PercentShed: IntOf(5)}); err != nil {
		t.Fatal(err)
	}
	if fs.hits() != 2 {
		t.Errorf("%d requests, want 2", fs.hits())
	}
}
