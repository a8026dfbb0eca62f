package cpapi

import (
	"context"
	"reflect"
)

// Drivers: getUsers (API guide §10.1), the drivers connected to or managed by the organization.

var opGetUsers = pagedOperation[UsersSearchRequest, getUsersResponse, User]{
	operation: operation{name: "getUsers"},
	setPage:   func(q *UsersSearchRequest, start, size Int) { q.StartRecord, q.NumUsers = start, size },
	page:      func(r *getUsersResponse) ([]User, bool) { return r.Users.Users, r.Users.MoreFlag.Value },
	key:       func(u User) string { return u.UserID.Value },
}

// UsersSearchRequest is getUsers' searchQuery (getUsersSearchRequest). Every filter is optional.
type UsersSearchRequest struct {
	UserID                String                `xml:"userID" desc:"Only the driver with this ChargePoint user ID (not an account number or username)."`
	FirstName             String                `xml:"firstName" desc:"Only drivers with this first name."`
	LastName              String                `xml:"lastName" desc:"Only drivers with this last name."`
	LastModifiedTimeStamp Time                  `xml:"lastModifiedTimeStamp" desc:"Only drivers whose record changed at or after this time, RFC 3339 (for example \"2026-01-01T00:00:00Z\")."`
	Connection            *ConnectionQuery      `xml:"Connection" tf:"connection_filter" desc:"Only drivers whose ChargePoint connection matches. (Named connection_filter because Terraform reserves \"connection\".)"`
	ManagementRealm       *ManagementRealmQuery `xml:"managementRealm" desc:"Only drivers whose management realm matches."`
	CredentialID          String                `xml:"credentialID" desc:"Only the driver holding this credential: the printed serial number of a ChargePoint RFID card or a ChargePoint mobile app identifier."`
	StartRecord           Int                   `xml:"startRecord" tf:"-"`
	NumUsers              Int                   `xml:"numUsers" tf:"-"`
}

// ConnectionQuery is connectionDataRequest.
type ConnectionQuery struct {
	Status     String      `xml:"Status" validate:"oneof=APPROVED 'NOT CONNECTED' REJECTED PENDING" desc:"Connection status: APPROVED, NOT CONNECTED, REJECTED or PENDING."`
	CustomInfo *CustomInfo `xml:"customInfo" desc:"A custom field of the connection request, such as an employee number."`
}

// ManagementRealmQuery is managementRealmRequest.
type ManagementRealmQuery struct {
	Status     String      `xml:"Status" validate:"oneof=APPROVED 'NOT MANAGED'" desc:"Management status: APPROVED or NOT MANAGED."`
	CustomInfo *CustomInfo `xml:"customInfo" desc:"A custom field of the management realm sign-up."`
}

// CustomInfo is customInfoData: one custom field a driver filled in when connecting or signing up.
type CustomInfo struct {
	Key   String `xml:"Key" desc:"Name of the custom field."`
	Value String `xml:"Value" desc:"Value of the custom field."`
}

// User is userData (5.1 order).
type User struct {
	LastModifiedTimestamp Time                          `xml:"lastModifiedTimestamp" desc:"Last change of the driver record, RFC 3339."`
	UserID                String                        `xml:"userID" desc:"ChargePoint user ID of the driver."`
	FirstName             String                        `xml:"firstName" desc:"First name."`
	LastName              String                        `xml:"lastName" desc:"Last name."`
	DriverEmail           String                        `xml:"driverEmail" desc:"Email address of the driver."`
	Connection            *Connection                   `xml:"Connection" desc:"The driver's connection to the organization."`
	ManagementRealm       *ManagementRealm              `xml:"managementRealm" desc:"The driver's management realm membership."`
	CredentialIDs         WrappedList[CredentialIDItem] `xml:"credentialIDs" desc:"The driver's credentials (RFID card serial numbers, mobile app identifiers), sorted."`
	HomeStationDetails    *HomeStationDetails           `xml:"homeStationDetails" desc:"The driver's home charging station, if they have one."`
	RecordNumber          Int                           `xml:"recordNumber" desc:"Position of the driver in ChargePoint's result set (1-based)."`
}

// Connection is connectionData.
type Connection struct {
	Status           String       `xml:"Status" desc:"Connection status: APPROVED, NOT CONNECTED, REJECTED or PENDING."`
	RequestTimeStamp Time         `xml:"requestTimeStamp" desc:"When the driver asked to connect, RFC 3339."`
	CustomInfos      []CustomInfo `xml:"customInfos>customInfo" tf:"custom_infos" desc:"Custom fields of the connection request, sorted by key."`
}

// ManagementRealm is managementRealmData.
type ManagementRealm struct {
	Status          String       `xml:"Status" desc:"Management status: APPROVED or NOT MANAGED."`
	SignupTimeStamp Time         `xml:"signupTimeStamp" desc:"When the driver signed up to the realm, RFC 3339."`
	CustomInfos     []CustomInfo `xml:"customInfos>customInfo" tf:"custom_infos" desc:"Custom fields of the sign-up, sorted by key."`
}

// HomeStationDetails is homeStationDetailsData.
type HomeStationDetails struct {
	StationSerialNumber   String `xml:"stationSerialNumber" desc:"Serial number of the home station."`
	StationStatus         String `xml:"stationStatus" desc:"Status of the home station."`
	StationModelNumber    String `xml:"stationModelNumber" desc:"Model number of the home station."`
	StationMacAddress     String `xml:"stationMacAddress" desc:"MAC address of the home station."`
	StationActivationDate Time   `xml:"stationActivationDate" desc:"When the home station was activated, RFC 3339."`
}

// CredentialIDItem names the children of credentialIDsData.
type CredentialIDItem struct{}

func (CredentialIDItem) itemName() string { return "credentialID" }

type getUsersResponse struct {
	Result
	// getUsers alone nests its paging flag inside the list: <users><user>…</user><moreFlag>1</moreFlag></users>.
	Users struct {
		Users    []User `xml:"user"`
		MoreFlag Bool   `xml:"moreFlag"`
	} `xml:"users"`
}

// GetUsers returns every driver matching q, following moreFlag to the last page.
func (c *Client) GetUsers(ctx context.Context, q UsersSearchRequest) ([]User, error) {
	users, err := opGetUsers.read(ctx, c, q)
	for i := range users {
		users[i].Connection = nilIfEmpty(users[i].Connection)
		users[i].ManagementRealm = nilIfEmpty(users[i].ManagementRealm)
		users[i].HomeStationDetails = nilIfEmpty(users[i].HomeStationDetails)
		users[i].sortLists()
	}
	return users, err
}

func (u *User) sortLists() {
	sortCredentialIDs(u.CredentialIDs)
	if u.Connection != nil {
		u.Connection.sortLists()
	}
	if u.ManagementRealm != nil {
		u.ManagementRealm.sortLists()
	}
}

func (c *Connection) sortLists() { sortCustomInfos(c.CustomInfos) }

func (m *ManagementRealm) sortLists() { sortCustomInfos(m.CustomInfos) }

func sortCredentialIDs(ids []String) { SortBy(ids, func(s String) string { return s.Value }) }

func sortCustomInfos(infos []CustomInfo) {
	SortBy(infos, func(c CustomInfo) string { return c.Key.Value })
}

// nilIfEmpty drops a structure sent as an empty element (<managementRealm></managementRealm> for a
// driver without one), so that it reads as absent rather than as a structure of nulls.
func nilIfEmpty[T any](p *T) *T {
	if p != nil && reflect.ValueOf(p).Elem().IsZero() {
		return nil
	}
	return p
}
