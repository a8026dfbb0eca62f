package simulator

import (
	"slices"
	"strings"
	"time"
)

// getUsers (5.1): drivers matching a getUsersSearchRequest in user ID order, paged with startRecord and
// numUsers (capped at MaxPageSize). The users and the moreFlag are both inside <users>; nothing
// matched is 100 with an empty <users/>.

type getUsersResponse struct {
	ResponseCode string     `xml:"responseCode"`
	ResponseText string     `xml:"responseText,omitempty"`
	Users        *wireUsers `xml:"users"`
}

// wireUsers is userParams.
type wireUsers struct {
	User     []wireUser `xml:"user"`
	MoreFlag *int       `xml:"moreFlag"`
}

// wireUser is userData.
type wireUser struct {
	LastModifiedTimestamp string              `xml:"lastModifiedTimestamp"`
	UserID                string              `xml:"userID"`
	FirstName             string              `xml:"firstName"`
	LastName              string              `xml:"lastName"`
	DriverEmail           string              `xml:"driverEmail"`
	Connection            *wireUserConnection `xml:"Connection"`
	ManagementRealm       *wireUserRealm      `xml:"managementRealm"`
	CredentialIDs         *wireCredentialIDs  `xml:"credentialIDs"`
	HomeStationDetails    *wireHomeStation    `xml:"homeStationDetails"`
	RecordNumber          int                 `xml:"recordNumber"`
}

type wireUserConnection struct {
	Status           string           `xml:"Status"`
	RequestTimeStamp string           `xml:"requestTimeStamp,omitempty"`
	CustomInfos      *wireCustomInfos `xml:"customInfos"`
}

type wireUserRealm struct {
	Status          string           `xml:"Status"`
	SignupTimeStamp string           `xml:"signupTimeStamp,omitempty"`
	CustomInfos     *wireCustomInfos `xml:"customInfos"`
}

type wireCustomInfos struct {
	CustomInfo []wireCustomInfo `xml:"customInfo"`
}

type wireCustomInfo struct {
	Key   string `xml:"Key"`
	Value string `xml:"Value"`
}

// wireCredentialIDs is credentialIDsData (also used by fleet vehicles).
type wireCredentialIDs struct {
	CredentialID []string `xml:"credentialID"`
}

type wireHomeStation struct {
	StationSerialNumber   string `xml:"stationSerialNumber"`
	StationStatus         string `xml:"stationStatus"`
	StationModelNumber    string `xml:"stationModelNumber"`
	StationMacAddress     string `xml:"stationMacAddress"`
	StationActivationDate string `xml:"stationActivationDate"`
}

// statusQuery is a request's Connection or managementRealm: a Status and one customInfo (Key, Value).
type statusQuery struct {
	Status     *string
	Key, Value *string
	customInfo bool
}

func statusQueryField(dst **statusQuery, statuses []string) fieldDecoder {
	return func(e *element, path string) error {
		q := &statusQuery{}
		err := decodeAll(e, path, fields{
			"Status": enumStringField(&q.Status, statuses...),
			"customInfo": func(e *element, path string) error {
				q.customInfo = true
				return decodeSequence(e, path, []seqField{
					{name: "Key", decode: stringField(&q.Key)},
					{name: "Value", decode: stringField(&q.Value)},
				})
			},
		})
		*dst = q
		return err
	}
}

// matches: the status is equal, and some custom field has the Key and the Value asked for (either may
// be left out).
func (q *statusQuery) matches(status string, infos []CustomInfo) bool {
	if q == nil {
		return true
	}
	if !eqFold(q.Status, status) {
		return false
	}
	if !q.customInfo {
		return true
	}
	return slices.ContainsFunc(infos, func(c CustomInfo) bool { return eqFold(q.Key, c.Key) && eqFold(q.Value, c.Value) })
}

type userQuery struct {
	UserID, FirstName, LastName *string
	ModifiedSince               *time.Time
	Connection, Realm           *statusQuery
	CredentialID                *string
	StartRecord, NumUsers       *int
}

func (q *userQuery) fields() fields {
	return fields{
		"userID":                stringField(&q.UserID),
		"firstName":             stringField(&q.FirstName),
		"lastName":              stringField(&q.LastName),
		"lastModifiedTimeStamp": dateTimeField(&q.ModifiedSince),
		"Connection":            statusQueryField(&q.Connection, connectionStatuses),
		"managementRealm":       statusQueryField(&q.Realm, realmStatuses),
		"credentialID":          stringField(&q.CredentialID),
		"startRecord":           intField(&q.StartRecord),
		"numUsers":              intField(&q.NumUsers),
	}
}

func (q *userQuery) matches(u *User) bool {
	return eqFold(q.UserID, u.ID) && eqFold(q.FirstName, u.FirstName) && eqFold(q.LastName, u.LastName) &&
		(q.ModifiedSince == nil || !u.LastModified.Before(*q.ModifiedSince)) &&
		q.Connection.matches(u.ConnectionStatus, u.ConnectionInfo) && q.Realm.matches(u.RealmStatus, u.RealmInfo) &&
		(q.CredentialID == nil || slices.ContainsFunc(u.CredentialIDs, func(c string) bool { return strings.EqualFold(c, *q.CredentialID) }))
}

func (s *Server) getUsers(req *element) (any, error) {
	var q userQuery
	if err := requiredSearchQuery(req, q.fields()); err != nil {
		return nil, err
	}
	var hits []*User
	users := s.activity().users
	for i := range users {
		if q.matches(&users[i]) {
			hits = append(hits, &users[i])
		}
	}
	resp := &getUsersResponse{ResponseCode: codeSuccess, ResponseText: textSuccess, Users: &wireUsers{}}
	first, last, ok := pageBounds(len(hits), s.maxPageSize, startOf(q.StartRecord), q.NumUsers)
	if !ok {
		return resp, nil
	}
	resp.Users.MoreFlag = moreFlag(last < len(hits))
	for n := first; n <= last; n++ {
		resp.Users.User = append(resp.Users.User, toWireUser(hits[n-1], n))
	}
	return resp, nil
}

func toWireUser(u *User, recordNumber int) wireUser {
	w := wireUser{
		LastModifiedTimestamp: formatDateTime(u.LastModified), UserID: u.ID, FirstName: u.FirstName, LastName: u.LastName,
		DriverEmail:     u.Email,
		Connection:      &wireUserConnection{Status: u.ConnectionStatus, RequestTimeStamp: formatDateTime(u.ConnectionRequested), CustomInfos: toWireCustomInfos(u.ConnectionInfo)},
		ManagementRealm: &wireUserRealm{Status: u.RealmStatus, SignupTimeStamp: formatDateTime(u.RealmSignup), CustomInfos: toWireCustomInfos(u.RealmInfo)},
		CredentialIDs:   &wireCredentialIDs{CredentialID: u.CredentialIDs},
		RecordNumber:    recordNumber,
	}
	if h := u.Home; h != nil {
		w.HomeStationDetails = &wireHomeStation{StationSerialNumber: h.SerialNumber, StationStatus: h.Status,
			StationModelNumber: h.ModelNumber, StationMacAddress: h.MacAddress, StationActivationDate: formatDateTime(h.Activated)}
	}
	return w
}

// toWireCustomInfos leaves customInfos out when there are none.
func toWireCustomInfos(infos []CustomInfo) *wireCustomInfos {
	if len(infos) == 0 {
		return nil
	}
	w := &wireCustomInfos{}
	for _, c := range infos {
		w.CustomInfo = append(w.CustomInfo, wireCustomInfo(c))
	}
	return w
}
