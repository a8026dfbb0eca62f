package cpapi

import (
	"context"
	"net/http"
	"reflect"
	"testing"
)

func TestGetOrgsAndStationGroupsRequest(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) { write(w, 200, soapOK("getOrgsAndStationGroups", ok100)) })
	c := fs.client(t)
	cases := []struct {
		q    OrgsSearchQuery
		want string
	}{
		// searchQuery is required even with no filter.
		{OrgsSearchQuery{}, `<urn:getOrgsAndStationGroups><searchQuery></searchQuery></urn:getOrgsAndStationGroups>`},
		{OrgsSearchQuery{OrgID: StringOf("1:ORG00001"), OrganizationName: StringOf("A & B"), SgID: IntOf(12), SgName: StringOf("Lot 1")},
			`<urn:getOrgsAndStationGroups><searchQuery><orgID>1:ORG00001</orgID><organizationName>A &amp; B</organizationName>` +
				`<sgID>12</sgID><sgName>Lot 1</sgName></searchQuery></urn:getOrgsAndStationGroups>`},
	}
	for _, tc := range cases {
		if _, err := c.GetOrgsAndStationGroups(context.Background(), tc.q); err != nil {
			t.Fatal(err)
		}
		if body := requestBody(t, fs); body != tc.want {
			t.Errorf("request body\n got %s\nwant %s", body, tc.want)
		}
	}
	checkSOAPAction(t, fs, "getOrgsAndStationGroups")
}

func TestGetOrgsAndStationGroupsDecodes(t *testing.T) {
	fs := newFakeServer(t, func(w http.ResponseWriter, _ string) {
		write(w, 200, soapOK("getOrgsAndStationGroups", ok100+
			`<orgData><orgID>1:ORG00001</orgID><organizationName>Acme</organizationName>`+
			`<sgData><sgID>10</sgID><sgName>All</sgName><parentGroupID>0</parentGroupID></sgData>`+
			`<sgData><sgID>11</sgID><sgName>Lot 1</sgName><parentGroupID>10</parentGroupID></sgData></orgData>`+
			`<orgData><orgID>1:ORG00002</orgID><organizationName>Empty Org</organizationName></orgData>`))
	})
	got, err := fs.client(t).GetOrgsAndStationGroups(context.Background(), OrgsSearchQuery{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Organization{
		{OrgID: StringOf("1:ORG00001"), OrganizationName: StringOf("Acme"), Groups: []OrgStationGroup{
			{SgID: IntOf(10), SgName: StringOf("All"), ParentGroupID: IntOf(0)},
			{SgID: IntOf(11), SgName: StringOf("Lot 1"), ParentGroupID: IntOf(10)},
		}},
		{OrgID: StringOf("1:ORG00002"), OrganizationName: StringOf("Empty Org")},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded\n got %+v\nwant %+v", got, want)
	}
}
