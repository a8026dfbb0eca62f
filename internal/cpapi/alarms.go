package cpapi

import "context"

// Station alarms: getAlarms. Paged by startRecord with numTransactions (the page-size field really has
// that name) and moreFlag; 153 means no alarm matched.

var (
	opGetAlarms = pagedOperation[AlarmsQuery, getAlarmsResponse, Alarm]{
		operation: operation{name: "getAlarms", noMatch: []string{"153"}},
		setPage:   func(q *AlarmsQuery, start, size Int) { q.StartRecord, q.NumTransactions = start, size },
		page:      func(r *getAlarmsResponse) ([]Alarm, bool) { return r.Alarms, r.MoreFlag.Value },
		key:       alarmKey,
	}
	getAlarms = stationBatched[AlarmsQuery, Alarm]{
		ids:  func(q *AlarmsQuery) *WrappedList[StationIDItem] { return &q.StationIDs },
		each: opGetAlarms.read,
	}
)

// AlarmsQuery is getAlarms' searchQuery (getAlarmsSearchQuery).
type AlarmsQuery struct {
	OrgID            String                     `xml:"orgID" desc:"Only alarms of stations of this organization, \"CPNID:CompanyID\"."`
	CompanyID        String                     `xml:"companyID" desc:"Only alarms of stations of this company ID."`
	OrganizationName String                     `xml:"organizationName" desc:"Only alarms of stations of the organization of this name."`
	StationID        String                     `xml:"stationID" validate:"stationid" desc:"Only alarms of this station, \"CPNID:StationIdentifier\"."`
	StationName      String                     `xml:"stationName" desc:"Only alarms of stations of this name."`
	SgID             Int                        `xml:"sgID" desc:"Only alarms of stations in the station group of this ID."`
	SgName           String                     `xml:"sgName" desc:"Only alarms of stations in the station group of this name."`
	StartTime        Time                       `xml:"startTime" desc:"Start of the time window, RFC 3339 (for example \"2026-01-31T00:00:00Z\"; sent to ChargePoint in UTC). Must not be after end_time."`
	EndTime          Time                       `xml:"endTime" desc:"End of the time window, RFC 3339 (sent to ChargePoint in UTC)."`
	PortNumber       String                     `xml:"portNumber" desc:"Only alarms of this port number."`
	StartRecord      Int                        `xml:"startRecord" tf:"-"`
	NumTransactions  Int                        `xml:"numTransactions" tf:"-"`
	StationIDs       WrappedList[StationIDItem] `xml:"stationIDs" tf:"station_ids" validate:"stationid" desc:"Only alarms of these stations. Any number: the provider asks ChargePoint for at most 100 per call (its limit) and merges the answers. An empty list matches no alarm (an empty result, without an API call); unset means no filter."`
}

// Alarm is oalarms (Alarms).
type Alarm struct {
	StationID           String `xml:"stationID" desc:"Station identifier, \"CPNID:StationIdentifier\"."`
	StationName         String `xml:"stationName" desc:"Station name, \"ORGANIZATION / NAME\"."`
	StationModel        String `xml:"stationModel" desc:"Station model."`
	OrgID               String `xml:"orgID" desc:"Organization of the station, \"CPNID:CompanyID\"."`
	CompanyID           String `xml:"companyID" desc:"Company ID of the station's organization."`
	OrganizationName    String `xml:"organizationName" desc:"Name of the station's organization."`
	StationManufacturer String `xml:"stationManufacturer" desc:"Station manufacturer."`
	StationSerialNum    String `xml:"stationSerialNum" desc:"Station serial number."`
	PortNumber          String `xml:"portNumber" desc:"Port number; empty for an alarm of the whole station."`
	AlarmType           String `xml:"alarmType" desc:"Alarm type, for example \"Reachable\" or \"GFCI Trip\"."`
	AlarmTime           Time   `xml:"alarmTime" desc:"When the alarm was raised, RFC 3339."`
	RecordNumber        Int    `xml:"recordNumber" desc:"Position of the alarm in ChargePoint's result set (1-based)."`
}

type getAlarmsResponse struct {
	Result
	Alarms   []Alarm `xml:"Alarms"`
	MoreFlag Bool    `xml:"moreFlag"`
}

// GetAlarms returns every alarm matching q. station_ids are sent at most MaxIDsPerCall per call; each
// call is read to its last page. A non-nil empty StationIDs selects no station, without a call.
func (c *Client) GetAlarms(ctx context.Context, q AlarmsQuery) ([]Alarm, error) {
	return getAlarms.read(ctx, c, q)
}

func alarmKey(a Alarm) string {
	return a.StationID.Value + "\x00" + a.PortNumber.Value + "\x00" + a.AlarmType.Value + "\x00" + a.AlarmTime.String() + "\x00" + a.RecordNumber.String()
}
