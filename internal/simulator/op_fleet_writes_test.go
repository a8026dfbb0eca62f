package simulator

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// newVehicle is a complete addFleetVehicle vehicle: every element add accepts.
func newVehicle(plate, driver string) string {
	return vehicleXML(
		"<chargePointCards><chargePointCardSn>CPFL0000999001</chargePointCardSn><chargePointCardSn>CPFL0000999002</chargePointCardSn><mifareID>04A2B3C4D5E6F7</mifareID></chargePointCards>",
		el("licensePlate", plate), el("fleetName", "Golden Gate Mobility Pool Cars"), el("vehicleID", "CAR-900"),
		el("vin", "1FTBW3XM0PKA00001"), el("color", "Green"), el("make", "Ford"), el("model", "E-Transit"),
		el("year", "2024"), el("companyCode", "4512"), el("driverID", driver),
		"<vehiclePortMacIDs><vehiclePortMacID>00:1E:C0:00:00:01</vehiclePortMacID></vehiclePortMacIDs>")
}

func addVehicle(t *testing.T, url, vehicle string) string {
	t.Helper()
	got, raw := writeOp[tAddVehicleResponse](t, url, "addFleetVehicle", vehicle)
	if got.ResponseCode != "100" || len(got.FleetVehicleID) != 1 || got.FleetVehicleID[0] == "" {
		t.Fatalf("addFleetVehicle\n%s", raw)
	}
	return got.FleetVehicleID[0]
}

func vehicleByID(t *testing.T, url, id string) *tFleetVehicle {
	t.Helper()
	got, _ := fleetVehiclesPage(t, url, "<fleetVehicleID>"+id+"</fleetVehicleID>")
	switch len(got.Vehicles) {
	case 0:
		return nil
	case 1:
		return &got.Vehicles[0]
	}
	t.Fatalf("%d vehicles with ID %s", len(got.Vehicles), id)
	return nil
}

func TestAddFleetVehicle(t *testing.T) {
	s, url := startServer(t, Options{})
	driver := s.Users()[3].ID
	before := len(s.FleetVehicles())
	id := addVehicle(t, url, newVehicle("7ABC123", driver))
	if id != "FV900001" {
		t.Errorf("first added vehicle is %s, want FV900001", id)
	}
	v := vehicleByID(t, url, id)
	if v == nil {
		t.Fatal("the new vehicle is not in getFleetVehicles")
	}
	created := formatDateTime(Now)
	if v.License != "7ABC123" || v.FleetName != "Golden Gate Mobility Pool Cars" || v.VehicleID != "CAR-900" ||
		v.VIN != "1FTBW3XM0PKA00001" || v.Color != "Green" || v.Make != "Ford" || v.Model != "E-Transit" || v.Year != "2024" ||
		v.FleetUserID != driver || !slices.Equal(v.CredentialIDs, []string{"CPFL0000999001", "CPFL0000999002"}) ||
		v.OrgID != "1:ORG04512" || v.OrganizationName != "Golden Gate Mobility" ||
		v.FleetVehicleCreateDate != created || v.LastModifiedTimestamp != created || v.VehicleChargingStatus != "Not Plugged In" {
		t.Errorf("added vehicle %+v", v)
	}
	sv, ok := s.FleetVehicle(id)
	if !ok || !slices.Equal(sv.MifareIDs, []string{"04A2B3C4D5E6F7"}) || !slices.Equal(sv.PortMACs, []string{"00:1E:C0:00:00:01"}) {
		t.Errorf("FleetVehicle %+v", sv)
	}
	if n := len(s.FleetVehicles()); n != before+1 {
		t.Errorf("%d vehicles, want %d", n, before+1)
	}
	// The minimum, later on the clock: the next ID, the default organization, no driver.
	s.AdvanceClock(time.Hour)
	id2 := addVehicle(t, url, vehicleXML("<chargePointCards><mifareID>04FFFF</mifareID></chargePointCards>",
		el("licensePlate", "8XYZ999"), el("fleetName", "Vans"), el("make", "Rivian"), el("model", "EDV 500"), el("year", "2025")))
	v = vehicleByID(t, url, id2)
	if id2 != "FV900002" || v.OrgID != "1:ORG00001" || v.OrganizationName != "ChargePoint" || v.FleetUserID != "" ||
		len(v.CredentialIDs) != 0 || v.FleetVehicleCreateDate != formatDateTime(Now.Add(time.Hour)) {
		t.Errorf("%s: %+v", id2, v)
	}
	// Filters of getFleetVehicles find added vehicles like generated ones.
	got, _ := fleetVehiclesPage(t, url, "<license>7abc123</license>")
	if len(got.Vehicles) != 1 || got.Vehicles[0].FleetVehicleID != id {
		t.Errorf("by license: %+v", got.Vehicles)
	}
}

func TestAddFleetVehicleCodes(t *testing.T) {
	s, url := startServer(t, Options{})
	gen := s.FleetVehicles()[0]
	cards := "<chargePointCards><chargePointCardSn>CPFL1</chargePointCardSn></chargePointCards>"
	rest := el("fleetName", "F") + el("make", "Ford") + el("model", "E-Transit") + el("year", "2024")
	full := cards + el("licensePlate", "P1") + rest
	for name, c := range map[string]struct{ inner, code, text string }{
		"no vehicle":     {"", "172", "Please provide all the mandatory fields to make this call."},
		"no cards":       {vehicleXML(el("licensePlate", "P1"), rest), "172", ""},
		"empty cards":    {vehicleXML("<chargePointCards/>", el("licensePlate", "P1"), rest), "172", ""},
		"empty card":     {vehicleXML("<chargePointCards><chargePointCardSn/></chargePointCards>", el("licensePlate", "P1"), rest), "172", ""},
		"no plate":       {vehicleXML(cards, rest), "172", ""},
		"empty plate":    {vehicleXML(cards, el("licensePlate", " "), rest), "172", ""},
		"no year":        {vehicleXML(cards, el("licensePlate", "P1"), el("fleetName", "F"), el("make", "Ford"), el("model", "M")), "172", ""},
		"bad year":       {vehicleXML(strings.Replace(full, "2024", "MMXXIV", 1)), "189", "Invalid year MMXXIV"},
		"future year":    {vehicleXML(strings.Replace(full, "2024", "2031", 1)), "189", "Invalid year"},
		"bad company":    {vehicleXML(full, el("companyCode", "999999")), "189", "Invalid companyCode 999999"},
		"bad driver":     {vehicleXML(full, el("driverID", "42")), "189", "Invalid driverID 42"},
		"duplicate":      {vehicleXML(cards, el("licensePlate", strings.ToLower(gen.License)), el("fleetName", strings.ToUpper(gen.FleetName)), el("make", "Ford"), el("model", "M"), el("year", "2024")), "190", "A vehicle with license plate"},
		"plate, 2 fleet": {vehicleXML(cards, el("licensePlate", gen.License), el("fleetName", "Another fleet"), el("make", "Ford"), el("model", "M"), el("year", "2024")), "100", ""},
	} {
		t.Run(name, func(t *testing.T) {
			got, raw := writeOp[tAddVehicleResponse](t, url, "addFleetVehicle", c.inner)
			wantCode(t, raw, c.code, c.text)
			if c.code != "100" && len(got.FleetVehicleID) != 0 {
				t.Errorf("refusal with an ID\n%s", raw)
			}
		})
	}
	expectFault(t, url, opRequest("addFleetVehicle", vehicleXML(full, el("colour", "red"))), "soapenv:Client", "unknown element colour")
	expectFault(t, url, opRequest("addFleetVehicle", vehicleXML(strings.Replace(full, "<chargePointCardSn>CPFL1</chargePointCardSn>",
		"<mifareID>1</mifareID><chargePointCardSn>CPFL1</chargePointCardSn>", 1))), "soapenv:Client", "out of order")
	expectFault(t, url, opRequest("addFleetVehicle", vehicleXML(full, el("fleetVehicleID", "FV1"))), "soapenv:Client", "unknown element fleetVehicleID")
}

func TestUpdateFleetVehicle(t *testing.T) {
	s, url := startServer(t, Options{})
	gen := s.FleetVehicles()[1]
	s.AdvanceClock(2 * time.Hour)
	got, raw := writeOp[tUpdateVehicleResponse](t, url, "updateFleetVehicle", vehicleXML(el("fleetVehicleID", gen.ID),
		el("color", "Orange"), el("licensePlate", "NEW123"), el("companyCode", "7225"),
		"<chargePointCards><chargePointCardSn>CPFL0000123456</chargePointCardSn></chargePointCards>", el("vin", "")))
	if got.ResponseCode != "100" || got.Vehicle == nil {
		t.Fatalf("update\n%s", raw)
	}
	// The answer is the whole vehicle after the update.
	want := tVehicleData{FleetVehicleID: gen.ID, CardSerials: []string{"CPFL0000123456"}, LicensePlate: "NEW123",
		FleetName: gen.FleetName, VehicleID: gen.VehicleID, Color: "Orange", Make: gen.Make, Model: gen.Model,
		Year: itoa(gen.Year), CompanyCode: "7225", DriverID: gen.UserID}
	if gv := *got.Vehicle; gv.FleetVehicleID != want.FleetVehicleID || !slices.Equal(gv.CardSerials, want.CardSerials) ||
		gv.LicensePlate != want.LicensePlate || gv.FleetName != want.FleetName || gv.VehicleID != want.VehicleID ||
		gv.VIN != "" || gv.Color != want.Color || gv.Make != want.Make || gv.Model != want.Model || gv.Year != want.Year ||
		gv.CompanyCode != want.CompanyCode || gv.DriverID != want.DriverID || len(gv.MifareIDs) != 0 || len(gv.PortMACs) != 0 {
		t.Errorf("answer %+v\nwant %+v", gv, want)
	}
	v := vehicleByID(t, url, gen.ID)
	if v.Color != "Orange" || v.License != "NEW123" || v.VIN != "" || v.OrgID != "1:ORG07225" ||
		v.OrganizationName != "Continental EV Networks" || !slices.Equal(v.CredentialIDs, []string{"CPFL0000123456"}) ||
		v.Make != gen.Make || v.FleetName != gen.FleetName || v.LastModifiedTimestamp != formatDateTime(Now.Add(2*time.Hour)) ||
		v.FleetVehicleCreateDate != formatDateTime(gen.Created) {
		t.Errorf("after the update: %+v", v)
	}
	// modifiedSince finds it now.
	page, _ := fleetVehiclesPage(t, url, "<modifiedSince>"+formatDateTime(Now.Add(time.Hour))+"</modifiedSince>")
	if len(page.Vehicles) != 1 || page.Vehicles[0].FleetVehicleID != gen.ID {
		t.Errorf("modifiedSince: %d vehicles", len(page.Vehicles))
	}

	other := s.FleetVehicles()[2]
	for name, c := range map[string]struct{ inner, code string }{
		"no vehicle":       {"", "172"},
		"no ID":            {vehicleXML(el("color", "Red")), "172"},
		"empty ID":         {vehicleXML(el("fleetVehicleID", ""), el("color", "Red")), "172"},
		"empty make":       {vehicleXML(el("fleetVehicleID", gen.ID), el("make", "")), "172"},
		"no cards":         {vehicleXML(el("fleetVehicleID", gen.ID), "<chargePointCards/>"), "172"},
		"unknown ID":       {vehicleXML(el("fleetVehicleID", "FV1"), el("color", "Red")), "160"},
		"bad year":         {vehicleXML(el("fleetVehicleID", gen.ID), el("year", "1899")), "189"},
		"plate of another": {vehicleXML(el("fleetVehicleID", other.ID), el("fleetName", gen.FleetName), el("licensePlate", "new123")), "190"},
		"nothing to do":    {vehicleXML(el("fleetVehicleID", other.ID)), "100"},
	} {
		t.Run(name, func(t *testing.T) {
			got, raw := writeOp[tUpdateVehicleResponse](t, url, "updateFleetVehicle", c.inner)
			wantCode(t, raw, c.code, "")
			if (c.code == "100") != (got.Vehicle != nil) {
				t.Errorf("vehicle in the answer: %v\n%s", got.Vehicle != nil, raw)
			}
		})
	}
	if v, _ := s.FleetVehicle(other.ID); v.License != other.License || v.FleetName != other.FleetName {
		t.Errorf("a refused update changed the vehicle: %+v", v)
	}
}

func TestDeleteFleetVehicle(t *testing.T) {
	s, url := startServer(t, Options{})
	gen := s.FleetVehicles()[0]
	usage := 0
	for _, u := range s.FleetUsage() {
		if u.FleetVehicleID == gen.ID {
			usage++
		}
	}
	got, raw := writeOp[tCodeResponse](t, url, "deleteFleetVehicle", el("fleetVehicleID", gen.ID))
	if got.ResponseCode != "100" {
		t.Fatalf("delete\n%s", raw)
	}
	if vehicleByID(t, url, gen.ID) != nil {
		t.Error("deleted vehicle still listed")
	}
	if _, ok := s.FleetVehicle(gen.ID); ok {
		t.Error("FleetVehicle finds it")
	}
	if page, _ := fleetUsagePage(t, url, "<fleetVehicleID>"+gen.ID+"</fleetVehicleID>"); len(page.Usage) != min(usage, s.maxPageSize) {
		t.Errorf("fleet usage history: %d rows, want %d", len(page.Usage), usage)
	}
	for name, c := range map[string]struct{ inner, code string }{
		"again":   {el("fleetVehicleID", gen.ID), "160"},
		"unknown": {el("fleetVehicleID", "nope"), "160"},
		"empty":   {"<fleetVehicleID/>", "172"},
		"none":    {"", "172"},
	} {
		t.Run(name, func(t *testing.T) {
			_, raw := writeOp[tCodeResponse](t, url, "deleteFleetVehicle", c.inner)
			wantCode(t, raw, c.code, "")
		})
	}
	// Add, delete, add again: IDs are never reused.
	id := addVehicle(t, url, newVehicle("1DEL000", ""))
	writeOp[tCodeResponse](t, url, "deleteFleetVehicle", el("fleetVehicleID", id))
	if id2 := addVehicle(t, url, newVehicle("1DEL000", "")); id2 == id {
		t.Errorf("ID %s reused", id)
	}
}

// TestFleetVehicleChangedOutside: the accessors that stand for the portal.
func TestFleetVehicleChangedOutside(t *testing.T) {
	s, url := startServer(t, Options{})
	id := addVehicle(t, url, newVehicle("5OUT555", ""))
	s.SetClock(Now.Add(24 * time.Hour))
	if !s.ChangeFleetVehicle(id, func(v *FleetVehicle) { v.Color, v.ID = "Purple", "ignored"; v.CredentialIDs[0] = "CHANGED" }) ||
		s.ChangeFleetVehicle("nope", func(*FleetVehicle) {}) {
		t.Fatal("ChangeFleetVehicle")
	}
	v := vehicleByID(t, url, id)
	if v == nil || v.Color != "Purple" || v.CredentialIDs[0] != "CHANGED" || v.LastModifiedTimestamp != formatDateTime(Now.Add(24*time.Hour)) {
		t.Errorf("after ChangeFleetVehicle: %+v", v)
	}
	if !s.DeleteFleetVehicle(id) || s.DeleteFleetVehicle(id) || vehicleByID(t, url, id) != nil {
		t.Error("DeleteFleetVehicle")
	}
	added := s.AddFleetVehicle(FleetVehicle{ID: "x", License: "PORTAL1", FleetName: "F", Make: "Kia", Model: "EV6", Year: 2024, OrgID: "2:ORG01950"})
	if added.ID == "x" || added.OrganizationName != "Europa Laden" || !added.Created.Equal(Now.Add(24*time.Hour)) {
		t.Errorf("AddFleetVehicle %+v", added)
	}
	if v := vehicleByID(t, url, added.ID); v == nil || v.License != "PORTAL1" || v.VehicleChargingStatus != "Not Plugged In" {
		t.Errorf("portal vehicle %+v", v)
	}
}

func itoa(n int) string { return formatDecimal(float64(n)) }
