package cpapi

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
)

// Fleet vehicle writes [5.1]: addFleetVehicle, updateFleetVehicle and deleteFleetVehicle. None is
// retried once it may have reached ChargePoint (soap.AmbiguousWriteError); after an ambiguous add,
// AdoptFleetVehicle looks the vehicle up by fleet name and license plate.

var (
	opAddFleetVehicle    = operation{name: "addFleetVehicle", write: true}
	opUpdateFleetVehicle = operation{name: "updateFleetVehicle", write: true}
	opDeleteFleetVehicle = operation{name: "deleteFleetVehicle", write: true}
)

// ChargePointCardSnItem, MifareIDItem and VehiclePortMacIDItem name the items of a fleet vehicle's lists.
type (
	ChargePointCardSnItem struct{}
	MifareIDItem          struct{}
	VehiclePortMacIDItem  struct{}
)

func (ChargePointCardSnItem) itemName() string { return "chargePointCardSn" }
func (MifareIDItem) itemName() string          { return "mifareID" }
func (VehiclePortMacIDItem) itemName() string  { return "vehiclePortMacID" }

// FleetVehicleInput is what addFleetVehicle (addDataForFleetVehicle) and updateFleetVehicle
// (updateDataForFleetVehicle, with the fleet vehicle ID) send. The card lists are sent inside one
// <chargePointCards> (fleetVehicleWire).
type FleetVehicleInput struct {
	ChargePointCardSNs WrappedList[ChargePointCardSnItem] `xml:"chargePointCardSn" tf:"charge_point_card_serial_numbers" desc:"Serial numbers of the ChargePoint cards the vehicle charges with. At least one card (serial number or MIFARE ID) is required."`
	MifareIDs          WrappedList[MifareIDItem]          `xml:"mifareID" tf:"mifare_ids" desc:"MIFARE IDs of the cards the vehicle charges with."`
	LicensePlate       String                             `xml:"licensePlate" tf:",required" desc:"License plate."`
	FleetName          String                             `xml:"fleetName" tf:",required" desc:"Name of the fleet the vehicle belongs to."`
	VehicleID          String                             `xml:"vehicleID" desc:"Organization-assigned vehicle ID."`
	VIN                String                             `xml:"vin" tf:"vin" desc:"Vehicle identification number."`
	Color              String                             `xml:"color" desc:"Color."`
	Make               String                             `xml:"make" tf:",required" desc:"Make, for example \"Nissan\"."`
	Model              String                             `xml:"model" tf:",required" desc:"Model, for example \"Leaf\"."`
	Year               String                             `xml:"year" tf:",required" desc:"Model year, for example \"2024\"."`
	CompanyCode        String                             `xml:"companyCode" desc:"Company code."`
	DriverID           String                             `xml:"driverID" desc:"Driver the vehicle is assigned to."`
	VehiclePortMacIDs  WrappedList[VehiclePortMacIDItem]  `xml:"vehiclePortMacIDs" desc:"MAC IDs of the vehicle's charging port, for Autocharge."`
}

// chargePointCards is ChargePointCardId: the two card lists, unwrapped, in this order.
type chargePointCards struct {
	SerialNumbers []string `xml:"chargePointCardSn"`
	MifareIDs     []string `xml:"mifareID"`
}

// fleetVehicleWire is addDataForFleetVehicle and updateDataForFleetVehicle (xsd:all).
type fleetVehicleWire struct {
	FleetVehicleID    String                            `xml:"fleetVehicleID"`
	ChargePointCards  *chargePointCards                 `xml:"chargePointCards"`
	LicensePlate      String                            `xml:"licensePlate"`
	FleetName         String                            `xml:"fleetName"`
	VehicleID         String                            `xml:"vehicleID"`
	VIN               String                            `xml:"vin"`
	Color             String                            `xml:"color"`
	Make              String                            `xml:"make"`
	Model             String                            `xml:"model"`
	Year              String                            `xml:"year"`
	CompanyCode       String                            `xml:"companyCode"`
	DriverID          String                            `xml:"driverID"`
	VehiclePortMacIDs WrappedList[VehiclePortMacIDItem] `xml:"vehiclePortMacIDs"`
}

func values(l []String) []string {
	out := make([]string, len(l))
	for i, s := range l {
		out[i] = s.Value
	}
	return out
}

// wire builds the vehicle element: chargePointCards always for an add (the XSD requires it), for an
// update only when a card list is set.
func (v FleetVehicleInput) wire(id String, add bool) fleetVehicleWire {
	w := fleetVehicleWire{
		FleetVehicleID: id, LicensePlate: v.LicensePlate, FleetName: v.FleetName, VehicleID: v.VehicleID, VIN: v.VIN,
		Color: v.Color, Make: v.Make, Model: v.Model, Year: v.Year, CompanyCode: v.CompanyCode, DriverID: v.DriverID,
		VehiclePortMacIDs: v.VehiclePortMacIDs,
	}
	if add || v.ChargePointCardSNs != nil || v.MifareIDs != nil {
		w.ChargePointCards = &chargePointCards{SerialNumbers: values(v.ChargePointCardSNs), MifareIDs: values(v.MifareIDs)}
	}
	return w
}

type addFleetVehicleResponse struct {
	Result
	FleetVehicleIDs []String `xml:"fleetVehicleID"`
}

// AddFleetVehicle adds v and returns its fleet vehicle ID. After an ambiguous failure the error is a
// *soap.AmbiguousWriteError: AdoptFleetVehicle finds out whether the vehicle was added.
func (c *Client) AddFleetVehicle(ctx context.Context, v FleetVehicleInput) (string, error) {
	var missing []string
	for name, s := range map[string]String{"license_plate": v.LicensePlate, "fleet_name": v.FleetName, "make": v.Make, "model": v.Model, "year": v.Year} {
		if !s.Valid || strings.TrimSpace(s.Value) == "" {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		SortBy(missing, func(s string) string { return s })
		return "", fmt.Errorf("addFleetVehicle: %s required", strings.Join(missing, ", "))
	}
	var resp addFleetVehicleResponse
	if err := c.call(ctx, opAddFleetVehicle, struct {
		Vehicle fleetVehicleWire `xml:"vehicle"`
	}{v.wire(String{}, true)}, &resp); err != nil {
		return "", err
	}
	if len(resp.FleetVehicleIDs) != 1 || resp.FleetVehicleIDs[0].Value == "" {
		// Added (responseCode 100) but not said as which: as good as a lost answer.
		return "", &soap.AmbiguousWriteError{Operation: opAddFleetVehicle.name, Attempts: 1,
			Err: fmt.Errorf("responseCode 100 with %d fleetVehicleID elements, want 1", len(resp.FleetVehicleIDs))}
	}
	return resp.FleetVehicleIDs[0].Value, nil
}

type updateFleetVehicleResponse struct {
	Result
}

// UpdateFleetVehicle sets the fields of v that are not null on the fleet vehicle id.
func (c *Client) UpdateFleetVehicle(ctx context.Context, id string, v FleetVehicleInput) error {
	if id == "" {
		return errors.New("updateFleetVehicle: the fleet vehicle ID is required")
	}
	var resp updateFleetVehicleResponse
	return c.call(ctx, opUpdateFleetVehicle, struct {
		Vehicle fleetVehicleWire `xml:"vehicle"`
	}{v.wire(StringOf(id), false)}, &resp)
}

type deleteFleetVehicleResponse struct {
	Result
}

// DeleteFleetVehicle deletes the fleet vehicle id.
func (c *Client) DeleteFleetVehicle(ctx context.Context, id string) error {
	if id == "" {
		return errors.New("deleteFleetVehicle: the fleet vehicle ID is required")
	}
	var resp deleteFleetVehicleResponse
	return c.call(ctx, opDeleteFleetVehicle, struct {
		FleetVehicleID string `xml:"fleetVehicleID"`
	}{id}, &resp)
}

// AdoptFleetVehicle resolves an ambiguous AddFleetVehicle (addErr, a *soap.AmbiguousWriteError): it
// looks the vehicle up by fleet name and license plate with getFleetVehicles and returns it when
// exactly one matches, so that it is neither added twice nor left unmanaged. Otherwise it returns an
// error that says what to check in the ChargePoint portal. Any other addErr is returned as it is.
func (c *Client) AdoptFleetVehicle(ctx context.Context, v FleetVehicleInput, addErr error) (FleetVehicle, error) {
	var amb *soap.AmbiguousWriteError
	if !errors.As(addErr, &amb) {
		return FleetVehicle{}, addErr
	}
	where := fmt.Sprintf("license plate %q in fleet %q", v.LicensePlate.Value, v.FleetName.Value)
	found, err := c.GetFleetVehicles(ctx, FleetVehicleSearchRequest{FleetName: v.FleetName, License: v.LicensePlate})
	if err != nil {
		return FleetVehicle{}, fmt.Errorf("%w; looking the vehicle up afterwards (%s) failed too: %w. Check in the ChargePoint portal "+
			"(Fleet > Vehicles) whether the vehicle was added; if it was, import it by its fleet vehicle ID rather than adding it again", addErr, where, err)
	}
	// getFleetVehicles may match loosely: keep exact matches only.
	var matches []FleetVehicle
	for _, f := range found {
		if f.License.Value == v.LicensePlate.Value && f.FleetName.Value == v.FleetName.Value {
			matches = append(matches, f)
		}
	}
	switch len(matches) {
	case 1:
		return matches[0], nil
	case 0:
		return FleetVehicle{}, fmt.Errorf("%w; no vehicle with %s exists afterwards, so it was most likely not added. Check in the ChargePoint "+
			"portal (Fleet > Vehicles) that it is not there, then apply again", addErr, where)
	default:
		ids := make([]string, len(matches))
		for i, m := range matches {
			ids[i] = m.FleetVehicleID.Value
		}
		return FleetVehicle{}, fmt.Errorf("%w; %d vehicles with %s exist (fleet vehicle IDs %s), so which one this add created cannot be told. "+
			"Check them in the ChargePoint portal (Fleet > Vehicles), delete the duplicates, and import the one to keep by its fleet vehicle ID",
			addErr, len(matches), where, strings.Join(ids, ", "))
	}
}
