package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

func TestFleetVehicleState(t *testing.T) {
	m := fleetVehicleState(cpapi.FleetVehicle{
		FleetVehicleID: cpapi.StringOf("FV900001"), FleetName: cpapi.StringOf("Delivery"), License: cpapi.StringOf("7ABC123"),
		Make: cpapi.StringOf("Ford"), Model: cpapi.StringOf("E-Transit"), Year: cpapi.IntOf(2024), VIN: cpapi.StringOf(""),
		CredentialIDs: cpapi.WrappedList[cpapi.CredentialIDItem]{cpapi.StringOf("CARD-1")}, OrgID: cpapi.StringOf("1:ORG00001"),
	})
	if m.ID.ValueString() != "FV900001" || m.Year.ValueString() != "2024" || m.LicensePlate.ValueString() != "7ABC123" ||
		!m.VIN.IsNull() || !m.Color.IsNull() || !m.DriverID.IsNull() || !m.MifareIDs.IsNull() || !m.VehiclePortMacIDs.IsNull() ||
		!m.CompanyCode.IsNull() || len(m.ChargePointCardSerialNumbers.Elements()) != 1 || m.OrgID.ValueString() != "1:ORG00001" {
		t.Errorf("fleetVehicleState = %+v", m)
	}
}

// An update clears what was removed from the configuration (an empty element) and leaves out what was
// never set; both card lists are always sent.
func TestFleetVehicleInput(t *testing.T) {
	ctx := context.Background()
	base := fleetVehicleState(cpapi.FleetVehicle{
		FleetVehicleID: cpapi.StringOf("FV900001"), FleetName: cpapi.StringOf("Delivery"), License: cpapi.StringOf("7ABC123"),
		Make: cpapi.StringOf("Ford"), Model: cpapi.StringOf("E-Transit"), Year: cpapi.IntOf(2024),
	})
	base.MifareIDs = stringSet([]string{"04A1"})
	prior := base
	prior.VIN, prior.DriverID = types.StringValue("VIN1"), types.StringValue("1000010")
	var diags diag.Diagnostics
	in := base.input(ctx, &prior, &diags)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if in.VIN != cpapi.StringOf("") || in.DriverID != cpapi.StringOf("") || in.Color.Valid || in.CompanyCode.Valid {
		t.Errorf("update input: vin %+v, driver %+v, color %+v, company %+v", in.VIN, in.DriverID, in.Color, in.CompanyCode)
	}
	if in.ChargePointCardSNs == nil || len(in.ChargePointCardSNs) != 0 || len(in.MifareIDs) != 1 || in.Year != cpapi.StringOf("2024") {
		t.Errorf("update input cards %v %v, year %v", in.ChargePointCardSNs, in.MifareIDs, in.Year)
	}
	if add := base.input(ctx, nil, &diags); add.VIN.Valid || add.DriverID.Valid {
		t.Errorf("add input sends unset fields: %+v", add)
	}
}
