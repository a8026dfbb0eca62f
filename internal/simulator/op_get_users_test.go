package simulator

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"testing"
)

func usersPage(t *testing.T, url, inner string) (*tUsersResponse, []byte) {
	t.Helper()
	got, raw := call[tUsersResponse](t, url, "getUsers", query("getUsers", inner))
	if got.ResponseCode != "100" || got.Users == nil || got.MoreFlagOutside != nil {
		t.Fatalf("want 100 with <users> holding the moreFlag\n%s", raw)
	}
	return got, raw
}

func allUsers(t *testing.T, url, inner string, size int) (ids []string, pages int) {
	t.Helper()
	for start := 1; ; start += size {
		got, raw := usersPage(t, url, fmt.Sprintf("%s<startRecord>%d</startRecord><numUsers>%d</numUsers>", inner, start, size))
		if got.Users.MoreFlag == nil {
			t.Fatalf("no moreFlag inside <users>\n%s", raw)
		}
		pages++
		for i, u := range got.Users.User {
			if u.RecordNumber != strconv.Itoa(start+i) {
				t.Fatalf("recordNumber %s at %d", u.RecordNumber, start+i)
			}
			ids = append(ids, u.UserID)
		}
		if *got.Users.MoreFlag == "0" {
			return ids, pages
		}
		if len(got.Users.User) != size {
			t.Fatalf("startRecord %d: %d users with moreFlag 1", start, len(got.Users.User))
		}
	}
}

func userIDs(s *Server, keep func(User) bool) []string {
	var out []string
	for _, u := range s.Users() {
		if keep(u) {
			out = append(out, u.ID)
		}
	}
	return out
}

func TestGetUsersReferenceDriver(t *testing.T) {
	_, url := startServer(t, Options{})
	got, raw := usersPage(t, url, "<userID>1000001</userID>")
	if len(got.Users.User) != 1 || !flagIs(got.Users.MoreFlag, "0") {
		t.Fatalf("got\n%s", raw)
	}
	if !bytes.Contains(raw, []byte("</user><moreFlag>0</moreFlag></users>")) {
		t.Errorf("moreFlag is not the last child of <users>\n%s", raw)
	}
	u := got.Users.User[0]
	if u.LastModifiedTimestamp != "2026-10-02T17:45:00Z" || u.FirstName != "Ada" || u.LastName != "Lovelace" ||
		u.DriverEmail != "ada.lovelace@example.com" || u.RecordNumber != "1" ||
		!slices.Equal(u.CredentialIDs, []string{"490178743", "CNCP0000481668"}) {
		t.Errorf("user %+v", u)
	}
	if c := u.Connection; c == nil || c.Status != "APPROVED" || c.RequestTimeStamp != "2024-03-11T09:30:00Z" ||
		!reflect.DeepEqual(c.CustomInfos, []tCustomInfo{{"Employee ID", "E-1815"}}) {
		t.Errorf("Connection %+v", c)
	}
	if m := u.ManagementRealm; m == nil || m.Status != "APPROVED" || m.SignupTimeStamp != "2024-03-12T08:00:00Z" ||
		!reflect.DeepEqual(m.CustomInfos, []tCustomInfo{{"Department", "Engineering"}}) {
		t.Errorf("managementRealm %+v", m)
	}
	if h := u.Home; h == nil || h.SerialNumber != "2211410072A1" || h.Status != "AVAILABLE" || h.ModelNumber != "CPH50-NEMA6-50-L23" ||
		h.MacAddress != "0024:B100:0002:4F1A" || h.ActivationDate != "2024-04-02T18:20:00Z" {
		t.Errorf("homeStationDetails %+v", h)
	}
}

func TestGetUsersPaging(t *testing.T) {
	s, url := startServer(t, Options{})
	want := userIDs(s, func(User) bool { return true })
	got, pages := allUsers(t, url, "", 30)
	if !slices.Equal(got, want) || pages != (len(want)+29)/30 {
		t.Fatalf("%d users in %d pages, want %v", len(got), pages, want)
	}
}

func TestGetUsersFilters(t *testing.T) {
	s, url := startServer(t, Options{})
	var fleetCredential string
	for _, u := range s.Users() {
		if u.FleetVehicleID != "" {
			fleetCredential = u.CredentialIDs[0]
			break
		}
	}
	cases := []struct {
		name, inner string
		keep        func(User) bool
	}{
		{"credentialID", "<credentialID>" + fleetCredential + "</credentialID>", func(u User) bool { return slices.Contains(u.CredentialIDs, fleetCredential) }},
		{"pending connection", "<Connection><Status>PENDING</Status></Connection>", func(u User) bool { return u.ConnectionStatus == "PENDING" }},
		{"custom info", "<Connection><customInfo><Key>Employee ID</Key><Value>E-1815</Value></customInfo></Connection>", func(u User) bool { return u.ID == "1000001" }},
		{"managed", "<managementRealm><Status>APPROVED</Status></managementRealm>", func(u User) bool { return u.RealmStatus == "APPROVED" }},
		{"modified since", "<lastModifiedTimeStamp>" + stamp(Now.AddDate(0, -1, 0)) + "</lastModifiedTimeStamp>",
			func(u User) bool { return !u.LastModified.Before(Now.AddDate(0, -1, 0)) }},
	}
	for _, c := range cases {
		want := userIDs(s, c.keep)
		if len(want) == 0 || len(want) == len(s.Users()) {
			t.Fatalf("%s: fixture matches %d of %d users", c.name, len(want), len(s.Users()))
		}
		if got, _ := allUsers(t, url, c.inner, 500); !slices.Equal(got, want) {
			t.Errorf("%s: got %v\nwant %v", c.name, got, want)
		}
	}
	// Nothing matched: 100 with an empty <users>.
	got, raw := usersPage(t, url, "<lastName>Nobody</lastName>")
	if len(got.Users.User) != 0 || got.Users.MoreFlag != nil || !bytes.Contains(raw, []byte("<users></users>")) {
		t.Errorf("want an empty <users>\n%s", raw)
	}
	expectFault(t, url, query("getUsers", "<Connection><Status>CONNECTED</Status></Connection>"), "soapenv:Client", "APPROVED")
	expectFault(t, url, query("getUsers", "<Connection><customInfo><Value>x</Value><Key>y</Key></customInfo></Connection>"), "soapenv:Client", "order")
}
