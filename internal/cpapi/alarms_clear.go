package cpapi

import "context"

// clearAlarms: clears the alarms its searchQuery matches. Clearing is a state (a cleared alarm stays
// cleared), so it is retried like a read; it is never coalesced.

var opClearAlarms = operation{name: "clearAlarms", write: true, idempotent: true}

// ClearAlarmsQuery is clearAlarms' searchQuery (clearAlarmsSearchQuery, xsd:all).
type ClearAlarmsQuery struct {
	OrgID            String `xml:"orgID" desc:"Clear alarms of stations of this organization, \"CPNID:CompanyID\"."`
	OrganizationName String `xml:"organizationName" desc:"Clear alarms of stations of the organization of this name."`
	StationID        String `xml:"stationID" validate:"stationid" desc:"Clear alarms of this station, \"CPNID:StationIdentifier\"."`
	StationName      String `xml:"stationName" desc:"Clear alarms of stations of this name."`
	SgID             Int    `xml:"sgID" desc:"Clear alarms of stations in the station group of this ID."`
	SgName           String `xml:"sgName" desc:"Clear alarms of stations in the station group of this name."`
	StartTime        Time   `xml:"startTime" desc:"Clear alarms raised at or after this time, RFC 3339 (sent in UTC)."`
	EndTime          Time   `xml:"endTime" desc:"Clear alarms raised at or before this time, RFC 3339 (sent in UTC)."`
	PortNumber       String `xml:"portNumber" desc:"Clear alarms of this port number."`
	AlarmType        String `xml:"alarmType" desc:"Clear alarms of this type, for example \"GFCI Trip\"."`
	ClearReason      String `xml:"clearReason" desc:"Why the alarms are cleared, recorded by ChargePoint."`
}

type clearAlarmsResponse struct {
	Result
}

// ClearAlarms clears the alarms q matches.
func (c *Client) ClearAlarms(ctx context.Context, q ClearAlarmsQuery) error {
	var resp clearAlarmsResponse
	return c.call(ctx, opClearAlarms, searchQuery[ClearAlarmsQuery]{q}, &resp)
}
