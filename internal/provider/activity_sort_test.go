package provider

import (
	"reflect"
	"testing"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
)

// The simulator already answers in order, so the acceptance tests cannot tell whether the data sources
// sort; these tests feed them shuffled answers.

func strs(values ...string) []cpapi.String {
	out := make([]cpapi.String, len(values))
	for i, v := range values {
		out[i] = cpapi.StringOf(v)
	}
	return out
}

func TestSortUsersSortsNestedLists(t *testing.T) {
	info := func(k string) cpapi.CustomInfo {
		return cpapi.CustomInfo{Key: cpapi.StringOf(k), Value: cpapi.StringOf("v" + k)}
	}
	users := []cpapi.User{
		{UserID: cpapi.StringOf("1000010"), CredentialIDs: strs("RFID-10", "RFID-9", "CNCP1")},
		{UserID: cpapi.StringOf("1000009"), Connection: &cpapi.Connection{CustomInfos: []cpapi.CustomInfo{info("Employee ID"), info("Department")}},
			ManagementRealm: &cpapi.ManagementRealm{CustomInfos: []cpapi.CustomInfo{info("b"), info("a")}}},
	}
	sortUsers(users)
	if users[0].UserID.Value != "1000009" {
		t.Errorf("users not sorted by user_id: %v, %v", users[0].UserID, users[1].UserID)
	}
	if got, want := users[1].CredentialIDs, cpapi.WrappedList[cpapi.CredentialIDItem](strs("CNCP1", "RFID-9", "RFID-10")); !reflect.DeepEqual(got, want) {
		t.Errorf("credential_ids %v, want %v", got, want)
	}
	if got := users[0].Connection.CustomInfos; got[0].Key.Value != "Department" || got[1].Key.Value != "Employee ID" {
		t.Errorf("connection custom_infos %v", got)
	}
	if got := users[0].ManagementRealm.CustomInfos; got[0].Key.Value != "a" {
		t.Errorf("management_realm custom_infos %v", got)
	}
}

func TestActivityListsSortByID(t *testing.T) {
	txs := []cpapi.Transaction{{TransactionID: cpapi.IntOf(182400010)}, {TransactionID: cpapi.IntOf(9)}, {TransactionID: cpapi.IntOf(182400002)}}
	newTransactionsDataSource().(*listDataSource[cpapi.TransactionSearchRequest, cpapi.Transaction]).sort(txs)
	if txs[0].TransactionID.Value != 9 || txs[2].TransactionID.Value != 182400010 {
		t.Errorf("transactions not sorted by transaction_id: %v", txs)
	}

	vehicles := []cpapi.FleetVehicle{{FleetVehicleID: cpapi.StringOf("FV100010"), CredentialIDs: strs("CPFL2", "CPFL10", "CPFL1")}, {FleetVehicleID: cpapi.StringOf("FV100009")}}
	newFleetVehiclesDataSource().(*listDataSource[cpapi.FleetVehicleSearchRequest, cpapi.FleetVehicle]).sort(vehicles)
	if vehicles[0].FleetVehicleID.Value != "FV100009" || !reflect.DeepEqual(vehicles[1].CredentialIDs, cpapi.WrappedList[cpapi.CredentialIDItem](strs("CPFL1", "CPFL2", "CPFL10"))) {
		t.Errorf("vehicles not sorted: %v", vehicles)
	}

	usage := []cpapi.FleetUsage{
		{TransactionID: cpapi.IntOf(53068048), ID: cpapi.StringOf("FU2")},
		{TransactionID: cpapi.IntOf(182400011), ID: cpapi.StringOf("FU1")},
		{TransactionID: cpapi.IntOf(53068048), ID: cpapi.StringOf("FU1")},
	}
	newFleetUsageDataSource().(*listDataSource[cpapi.FleetUsageSearchRequest, cpapi.FleetUsage]).sort(usage)
	if usage[0].ID.Value != "FU1" || usage[1].ID.Value != "FU2" || usage[2].TransactionID.Value != 182400011 {
		t.Errorf("usage not sorted by transaction_id, then id: %v", usage)
	}
}
