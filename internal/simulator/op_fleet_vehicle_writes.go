package simulator

import (
	"slices"
	"strconv"
	"strings"
)

// addFleetVehicle, updateFleetVehicle and deleteFleetVehicle (5.1): the fleet vehicles getFleetVehicles
// lists.
//
//   - add: vehicle (addDataForFleetVehicle) needs chargePointCards with at least one chargePointCardSn
//     or mifareID, and licensePlate, fleetName, make, model and year; missing or empty, 172. year must
//     be a whole year from 1900 to two years past the simulator's clock, companyCode the companyID of
//     an organization (default: ChargePoint, 1:ORG00001), driverID a driver's userID (getUsers); else
//     189. A license plate already in the same fleet (both compared case-insensitively) is 190. The
//     new vehicle gets the next fleetVehicleID (FV900001 upwards), create and modify times at the
//     clock, and vehicleChargingStatus "Not Plugged In". getFleetVehicles shows chargePointCardSn as
//     credentialIDs, licensePlate as license, vin as VIN, driverID as fleetUserID and companyCode as
//     orgID and organizationName; mifareID and vehiclePortMacIDs it has no field for.
//   - update: vehicle (updateDataForFleetVehicle) needs fleetVehicleID (172 when missing or empty;
//     160 when unknown). Every other element sent replaces the vehicle's value; one left out keeps it.
//     The mandatory ones of add may not be sent empty (172); an empty optional one clears the value
//     (an empty companyCode is the default organization). The same 189 and 190 checks as add. The
//     answer's vehicle is the whole vehicle after the update; lastModifiedTimestamp is the clock.
//   - delete: fleetVehicleID (172 when missing or empty; 160 when unknown).
//
// Unknown elements, and cards or MAC IDs out of their sequence order, are Client faults.

type addFleetVehicleResponse struct {
	ResponseCode   string   `xml:"responseCode"`
	ResponseText   string   `xml:"responseText,omitempty"`
	FleetVehicleID []string `xml:"fleetVehicleID"`
}

type updateFleetVehicleResponse struct {
	ResponseCode string            `xml:"responseCode"`
	ResponseText string            `xml:"responseText,omitempty"`
	Vehicle      *wireVehicleWrite `xml:"vehicle"`
}

type deleteFleetVehicleResponse struct {
	ResponseCode string `xml:"responseCode"`
	ResponseText string `xml:"responseText,omitempty"`
}

// wireVehicleWrite is updateDataForFleetVehicle (an xsd:all; sent in the XSD's order).
type wireVehicleWrite struct {
	FleetVehicleID string     `xml:"fleetVehicleID"`
	Cards          *wireCards `xml:"chargePointCards"`
	LicensePlate   string     `xml:"licensePlate"`
	FleetName      string     `xml:"fleetName"`
	VehicleID      string     `xml:"vehicleID,omitempty"`
	VIN            string     `xml:"vin,omitempty"`
	Color          string     `xml:"color,omitempty"`
	Make           string     `xml:"make"`
	Model          string     `xml:"model"`
	Year           string     `xml:"year"`
	CompanyCode    string     `xml:"companyCode"`
	DriverID       string     `xml:"driverID,omitempty"`
	PortMACs       *wireMACs  `xml:"vehiclePortMacIDs"`
}

type wireCards struct {
	Serials []string `xml:"chargePointCardSn"`
	Mifare  []string `xml:"mifareID"`
}

type wireMACs struct {
	MACs []string `xml:"vehiclePortMacID"`
}

// vehicleRequest is a decoded addDataForFleetVehicle or updateDataForFleetVehicle; nil is "absent".
type vehicleRequest struct {
	FleetVehicleID                          *string
	LicensePlate, FleetName, VehicleID, VIN *string
	Color, Make, Model, Year                *string
	CompanyCode, DriverID                   *string
	Cards                                   map[string][]string // nil when chargePointCards is absent
	PortMACs                                map[string][]string // nil when vehiclePortMacIDs is absent
}

func (s *Server) decodeVehicle(req *element, update bool) (*vehicleRequest, *codeError, error) {
	var vehicle *element
	if err := decodeAll(req, req.Name.Local, fields{"vehicle": elementField(&vehicle)}); err != nil {
		return nil, nil, err
	}
	if vehicle == nil {
		return nil, mandatory(), nil
	}
	path := req.Name.Local + "/vehicle"
	v := &vehicleRequest{}
	var cards, macs *element
	f := fields{
		"chargePointCards": elementField(&cards), "licensePlate": stringField(&v.LicensePlate),
		"fleetName": stringField(&v.FleetName), "vehicleID": stringField(&v.VehicleID), "vin": stringField(&v.VIN),
		"color": stringField(&v.Color), "make": stringField(&v.Make), "model": stringField(&v.Model),
		"year": stringField(&v.Year), "companyCode": stringField(&v.CompanyCode), "driverID": stringField(&v.DriverID),
		"vehiclePortMacIDs": elementField(&macs),
	}
	if update {
		f["fleetVehicleID"] = stringField(&v.FleetVehicleID)
	}
	if err := decodeAll(vehicle, path, f); err != nil {
		return nil, nil, err
	}
	var err error
	if cards != nil {
		if v.Cards, err = repeatedSequence(cards, path+"/chargePointCards", "chargePointCardSn", "mifareID"); err != nil {
			return nil, nil, err
		}
	}
	if macs != nil {
		if v.PortMACs, err = repeatedSequence(macs, path+"/vehiclePortMacIDs", "vehiclePortMacID"); err != nil {
			return nil, nil, err
		}
	}
	// 172: what add needs (update: if sent) must hold a value.
	need := []*string{v.LicensePlate, v.FleetName, v.Make, v.Model, v.Year}
	if update {
		if !given(v.FleetVehicleID) {
			return nil, mandatory(), nil
		}
		for _, p := range need {
			if p != nil && *p == "" {
				return nil, mandatory(), nil
			}
		}
	} else {
		for _, p := range need {
			if !given(p) {
				return nil, mandatory(), nil
			}
		}
		if cards == nil {
			return nil, mandatory(), nil
		}
	}
	if cards != nil {
		all := slices.Concat(v.Cards["chargePointCardSn"], v.Cards["mifareID"])
		if len(all) == 0 || slices.Contains(all, "") {
			return nil, mandatory(), nil // no card, or an empty one
		}
	}
	return v, nil, nil
}

// apply writes the request's values onto v, checking them (189). The caller holds s.mu.
func (s *Server) applyVehicle(r *vehicleRequest, v *FleetVehicle) *codeError {
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	set(&v.License, r.LicensePlate)
	set(&v.FleetName, r.FleetName)
	set(&v.VehicleID, r.VehicleID)
	set(&v.VIN, r.VIN)
	set(&v.Color, r.Color)
	set(&v.Make, r.Make)
	set(&v.Model, r.Model)
	if r.Year != nil {
		y, err := strconv.Atoi(*r.Year)
		if err != nil || y < 1900 || y > s.clock.Year()+2 {
			return invalid("Invalid year %s: give the model year, from 1900 to %d.", *r.Year, s.clock.Year()+2)
		}
		v.Year = y
	}
	if r.CompanyCode != nil {
		org, ok := organizationOfCompany(*r.CompanyCode)
		if !ok {
			return invalid("Invalid companyCode %s: no organization has that company ID.", *r.CompanyCode)
		}
		v.OrgID, v.OrganizationName, v.companyID = org.ID, org.Name, org.CompanyID
	}
	if r.DriverID != nil {
		if _, ok := s.activity().userIndex[*r.DriverID]; !ok && *r.DriverID != "" {
			return invalid("Invalid driverID %s: no driver has that user ID.", *r.DriverID)
		}
		v.UserID = *r.DriverID
	}
	if r.Cards != nil {
		v.CredentialIDs, v.MifareIDs = r.Cards["chargePointCardSn"], r.Cards["mifareID"]
	}
	if r.PortMACs != nil {
		v.PortMACs = r.PortMACs["vehiclePortMacID"]
	}
	return nil
}

// organizationOfCompany finds an organization by companyID; "" is the default, ChargePoint's.
func organizationOfCompany(code string) (Organization, bool) {
	if code == "" {
		return organization(chargePointOrgID)
	}
	for _, o := range organizations {
		if o.CompanyID == code {
			return o, true
		}
	}
	return Organization{}, false
}

// duplicate reports whether another vehicle of v's fleet has v's license plate.
func (w *writeState) duplicate(v *FleetVehicle) bool {
	for i := range w.vehicles {
		o := &w.vehicles[i]
		if o.ID != v.ID && strings.EqualFold(o.FleetName, v.FleetName) && strings.EqualFold(o.License, v.License) {
			return true
		}
	}
	return false
}

func duplicateError(v *FleetVehicle) *codeError {
	return &codeError{codeDuplicateVehicle, "A vehicle with license plate " + v.License + " already exists in fleet " + v.FleetName + "."}
}

func (s *Server) addFleetVehicle(req *element) (any, error) {
	refuse := func(e *codeError) (any, error) {
		return &addFleetVehicleResponse{ResponseCode: e.code, ResponseText: e.text}, nil
	}
	r, cerr, err := s.decodeVehicle(req, false)
	if err != nil {
		return nil, err
	}
	if cerr != nil {
		return refuse(cerr)
	}
	if r.CompanyCode == nil {
		r.CompanyCode = ptr("")
	}
	w := s.state() // builds the activity data too, whose drivers applyVehicle looks up
	s.mu.Lock()
	defer s.mu.Unlock()
	v := FleetVehicle{ChargingStatus: "Not Plugged In"}
	if cerr := s.applyVehicle(r, &v); cerr != nil {
		return refuse(cerr)
	}
	if w.duplicate(&v) {
		return refuse(duplicateError(&v))
	}
	v = w.addVehicle(v, s.clock)
	return &addFleetVehicleResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, FleetVehicleID: []string{v.ID}}, nil
}

func (s *Server) updateFleetVehicle(req *element) (any, error) {
	refuse := func(e *codeError) (any, error) {
		return &updateFleetVehicleResponse{ResponseCode: e.code, ResponseText: e.text}, nil
	}
	r, cerr, err := s.decodeVehicle(req, true)
	if err != nil {
		return nil, err
	}
	if cerr != nil {
		return refuse(cerr)
	}
	w := s.state()
	s.mu.Lock()
	defer s.mu.Unlock()
	i := w.vehicleIndex(*r.FleetVehicleID)
	if i < 0 {
		return refuse(notFound())
	}
	v := w.vehicles[i].clone()
	if cerr := s.applyVehicle(r, &v); cerr != nil {
		return refuse(cerr)
	}
	if w.duplicate(&v) {
		return refuse(duplicateError(&v))
	}
	v.LastModified = s.clock
	w.vehicles[i] = v
	return &updateFleetVehicleResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, Vehicle: toWireVehicleWrite(&v)}, nil
}

func toWireVehicleWrite(v *FleetVehicle) *wireVehicleWrite {
	out := &wireVehicleWrite{
		FleetVehicleID: v.ID, LicensePlate: v.License, FleetName: v.FleetName, VehicleID: v.VehicleID, VIN: v.VIN,
		Color: v.Color, Make: v.Make, Model: v.Model, Year: strconv.Itoa(v.Year), CompanyCode: v.companyID,
		DriverID: v.UserID,
	}
	if len(v.CredentialIDs)+len(v.MifareIDs) > 0 {
		out.Cards = &wireCards{Serials: v.CredentialIDs, Mifare: v.MifareIDs}
	}
	if len(v.PortMACs) > 0 {
		out.PortMACs = &wireMACs{MACs: v.PortMACs}
	}
	return out
}

func (s *Server) deleteFleetVehicle(req *element) (any, error) {
	var id *string
	if err := decodeAll(req, req.Name.Local, fields{"fleetVehicleID": stringField(&id)}); err != nil {
		return nil, err
	}
	if !given(id) {
		return &deleteFleetVehicleResponse{ResponseCode: codeMandatory, ResponseText: textMandatory}, nil
	}
	w := s.state()
	s.mu.Lock()
	defer s.mu.Unlock()
	if !w.deleteVehicle(*id) {
		return &deleteFleetVehicleResponse{ResponseCode: codeNoLoadData, ResponseText: textNoLoadData}, nil
	}
	return &deleteFleetVehicleResponse{ResponseCode: codeSuccess, ResponseText: textSuccess}, nil
}
