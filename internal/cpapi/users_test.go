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

func TestGetUsersRequestWithEveryFilter(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK("getUsers", ok100)) })
	q := UsersSearchRequest{
		UserID: StringOf("191923"), FirstName: StringOf("Ada"), LastName: StringOf("Lovelace"),
		LastModifiedTimeStamp: TimeOf(time.Date(2026, 1, 31, 9, 0, 0, 0, time.FixedZone("", 3600))),
		Connection:            &ConnectionQuery{Status: StringOf("NOT CONNECTED"), CustomInfo: &CustomInfo{Key: StringOf("Employee ID"), Value: StringOf("E-17")}},
		ManagementRealm:       &ManagementRealmQuery{Status: StringOf("NOT MANAGED")},
		CredentialID:          StringOf("CNCP0000481668"),
	}
	got, err := fs.client(t).GetUsers(context.Background(), q)
	if err != nil || len(got) != 0 {
		t.Fatalf("got %v, %v", got, err)
	}
	body := validSearchQuery(t, fs) // the enums and the dateTime are checked by the schema
	want := `<urn:getUsers><searchQuery><userID>191923</userID><firstName>Ada</firstName><lastName>Lovelace</lastName>` +
		`<lastModifiedTimeStamp>2026-01-31T08:00:00Z</lastModifiedTimeStamp>` +
		`<Connection><Status>NOT CONNECTED</Status><customInfo><Key>Employee ID</Key><Value>E-17</Value></customInfo></Connection>` +
		`<managementRealm><Status>NOT MANAGED</Status></managementRealm><credentialID>CNCP0000481668</credentialID>` +
		`<startRecord>1</startRecord><numUsers>500</numUsers></searchQuery></urn:getUsers>`
	if body != want {
		t.Errorf("request body\n got %s\nwant %s", body, want)
	}
	checkSOAPActionOf(t, fs, "getUsers")
}

func TestGetUsersEmptyQuery(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getUsers", ok100+`<users><moreFlag>0</moreFlag></users>`))
	})
	got, err := fs.client(t).GetUsers(context.Background(), UsersSearchRequest{})
	if err != nil || len(got) != 0 {
		t.Fatalf("got %v, %v", got, err)
	}
	if body := validSearchQuery(t, fs); body != `<urn:getUsers><searchQuery><startRecord>1</startRecord><numUsers>500</numUsers></searchQuery></urn:getUsers>` {
		t.Errorf("request body %s", body)
	}
}

// Two drivers as ChargePoint sends them: the paging flag inside <users>, custom infos in a wrapper, an
// empty managementRealm element for a driver without one.
const usersResponse = `<users>
<user><lastModifiedTimestamp>2026-01-12T16:04:11Z</lastModifiedTimestamp><userID>191923</userID><firstName>Ada</firstName><lastName>Lovelace</lastName>
<driverEmail>ada@example.com</driverEmail>
<Connection><Status>APPROVED</Status><requestTimeStamp>2025-11-02T08:30:00Z</requestTimeStamp>
<customInfos><customInfo><Key>Employee ID</Key><Value>E-17</Value></customInfo><customInfo><Key>Department</Key><Value>Fleet</Value></customInfo></customInfos></Connection>
<managementRealm><Status>APPROVED</Status><signupTimeStamp>2025-10-01T00:00:00Z</signupTimeStamp><customInfos/></managementRealm>
<credentialIDs><credentialID>CNCP0000481668</credentialID><credentialID>CPFL0000205756</credentialID></credentialIDs>
<homeStationDetails><stationSerialNumber>1907410123</stationSerialNumber><stationStatus>Active</stationStatus><stationModelNumber>CPH50-NEMA6-50-L23</stationModelNumber>
<stationMacAddress>0024:B100:0002:4A1F</stationMacAddress><stationActivationDate>2024-05-20T17:00:00Z</stationActivationDate></homeStationDetails>
<recordNumber>1</recordNumber></user>
<user><lastModifiedTimestamp>2026-01-13T10:00:00Z</lastModifiedTimestamp><userID>204511</userID><firstName>Grace</firstName><lastName>Hopper</lastName>
<Connection><Status>PENDING</Status><requestTimeStamp>2026-01-13T10:00:00Z</requestTimeStamp></Connection><managementRealm></managementRealm>
<credentialIDs></credentialIDs><recordNumber>2</recordNumber></user>
<moreFlag>0</moreFlag></users>`

func TestGetUsersDecodesDrivers(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK("getUsers", ok100+usersResponse)) })
	got, err := fs.client(t).GetUsers(context.Background(), UsersSearchRequest{})
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) Time { v, _ := time.Parse(time.RFC3339, s); return TimeOf(v) }
	want := []User{{
		LastModifiedTimestamp: at("2026-01-12T16:04:11Z"), UserID: StringOf("191923"), FirstName: StringOf("Ada"), LastName: StringOf("Lovelace"),
		DriverEmail: StringOf("ada@example.com"),
		Connection: &Connection{Status: StringOf("APPROVED"), RequestTimeStamp: at("2025-11-02T08:30:00Z"), CustomInfos: []CustomInfo{
			{Key: StringOf("Department"), Value: StringOf("Fleet")}, {Key: StringOf("Employee ID"), Value: StringOf("E-17")}}}, // sorted by key
		ManagementRealm: &ManagementRealm{Status: StringOf("APPROVED"), SignupTimeStamp: at("2025-10-01T00:00:00Z")},
		CredentialIDs:   WrappedList[CredentialIDItem]{StringOf("CNCP0000481668"), StringOf("CPFL0000205756")},
		HomeStationDetails: &HomeStationDetails{StationSerialNumber: StringOf("1907410123"), StationStatus: StringOf("Active"),
			StationModelNumber: StringOf("CPH50-NEMA6-50-L23"), StationMacAddress: StringOf("0024:B100:0002:4A1F"), StationActivationDate: at("2024-05-20T17:00:00Z")},
		RecordNumber: IntOf(1),
	}, {
		LastModifiedTimestamp: at("2026-01-13T10:00:00Z"), UserID: StringOf("204511"), FirstName: StringOf("Grace"), LastName: StringOf("Hopper"),
		Connection:   &Connection{Status: StringOf("PENDING"), RequestTimeStamp: at("2026-01-13T10:00:00Z")},
		RecordNumber: IntOf(2), // the empty managementRealm element reads as no management realm
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded\n got %+v\nwant %+v", got, want)
	}
}

func TestGetUsersSingleUser(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getUsers", ok100+`<users><user><userID>7</userID><credentialIDs><credentialID>RFID-1</credentialID></credentialIDs></user></users>`))
	})
	got, err := fs.client(t).GetUsers(context.Background(), UsersSearchRequest{UserID: StringOf("7")})
	if err != nil {
		t.Fatal(err)
	}
	if want := []User{{UserID: StringOf("7"), CredentialIDs: WrappedList[CredentialIDItem]{StringOf("RFID-1")}}}; !reflect.DeepEqual(got, want) {
		t.Errorf("decoded %+v", got)
	}
}

// A moreFlag beside <users> instead of inside it is not getUsers' flag: the client reads one page.
func TestGetUsersReadsOnlyTheNestedMoreFlag(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getUsers", ok100+`<users><user><userID>1</userID></user></users><moreFlag>1</moreFlag>`))
	})
	got, err := fs.client(t).GetUsers(context.Background(), UsersSearchRequest{})
	if err != nil || len(got) != 1 || len(fs.requests) != 1 {
		t.Fatalf("got %d users in %d calls, err %v", len(got), len(fs.requests), err)
	}
}

var usersPaging = pagedOp[User]{
	op: "getUsers", sizeElem: "numUsers",
	item: func(n int) string {
		return fmt.Sprintf(`<user><userID>%d</userID><firstName>Driver</firstName><lastName>%d</lastName><recordNumber>%d</recordNumber></user>`, n, n, n)
	},
	page: func(items string, more bool) string {
		return "<users>" + items + "<moreFlag>" + flag(more) + "</moreFlag></users>"
	},
	fetch: func(c *Client) ([]User, error) { return c.GetUsers(context.Background(), UsersSearchRequest{}) },
	id:    func(u User) string { return u.UserID.Value },
}

func TestGetUsersPaging(t *testing.T)            { checkPaging(t, usersPaging) }
func TestGetUsersRepeatedPageStops(t *testing.T) { checkRepeatedPageStops(t, usersPaging) }

func TestGetUsersErrorCode(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getUsers", `<responseCode>101</responseCode><responseText>Access denied.</responseText>`))
	})
	_, err := fs.client(t).GetUsers(context.Background(), UsersSearchRequest{})
	if re, ok := err.(*ResponseError); !ok || re.Operation != "getUsers" || re.Code != "101" || !strings.Contains(err.Error(), "Access denied.") {
		t.Fatalf("err = %#v", err)
	}
}

func checkSOAPActionOf(t *testing.T, fs *fakeServer, op string) {
	t.Helper()
	if got, want := fs.last().header.Get("SOAPAction"), `"urn:provider/interface/chargepointservices/`+op+`"`; got != want {
		t.Errorf("SOAPAction = %s, want %s", got, want)
	}
}
