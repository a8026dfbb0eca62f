package cpapi

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Session history: getChargingSessionData (100 sessions per page, fixed, with a capital MoreFlag) and
// get15minChargingSessionData (the 15-minute intervals of one session, not paged).

var (
	opGetChargingSessionData = pagedOperation[SessionSearchRequest, getChargingSessionDataResponse, ChargingSession]{
		operation: operation{name: "getChargingSessionData", noMatch: []string{"136"}},
		setPage:   func(q *SessionSearchRequest, start, _ Int) { q.StartRecord = start }, // the page size is fixed
		page: func(r *getChargingSessionDataResponse) ([]ChargingSession, bool) {
			return r.Sessions, r.MoreFlag.Value || r.MoreFlagLower.Value
		},
		key: func(s ChargingSession) string { return s.SessionID.String() },
	}
	getChargingSessionData = stationBatched[SessionSearchRequest, ChargingSession]{
		ids:  func(q *SessionSearchRequest) *WrappedList[StationIDItem] { return &q.StationIDs },
		each: opGetChargingSessionData.read,
	}
	opGet15minChargingSessionData = operation{name: "get15minChargingSessionData"}
)

// SessionSearchRequest is getChargingSessionData's searchQuery (sessionSearchdata).
type SessionSearchRequest struct {
	StationID   String `xml:"stationID" validate:"stationid" desc:"Only sessions at this station, \"CPNID:StationIdentifier\"."`
	SessionID   Int    `xml:"sessionID" desc:"Only this session."`
	UserID      String `xml:"userID" desc:"Only sessions of this ChargePoint user ID."`
	StationName String `xml:"stationName" desc:"Only sessions at stations of this name."`
	SearchArea
	FromTimeStamp      Time                       `xml:"fromTimeStamp" desc:"Start of the time window, RFC 3339 (for example \"2026-01-31T00:00:00Z\"; sent to ChargePoint in UTC). Must not be after to_time_stamp."`
	ToTimeStamp        Time                       `xml:"toTimeStamp" desc:"End of the time window, RFC 3339 (sent to ChargePoint in UTC)."`
	StartRecord        Int                        `xml:"startRecord" tf:"-"`
	StationIDs         WrappedList[StationIDItem] `xml:"stationIDs" tf:"station_ids" validate:"stationid" desc:"Only sessions at these stations. Any number: the provider asks ChargePoint for at most 100 per call (its limit) and merges the answers. An empty list matches no session (an empty result, without an API call); unset means no filter."`
	ActiveSessionsOnly Bool                       `xml:"activeSessionsOnly" desc:"Only sessions still in progress (ChargePoint's default is false)."`
}

// ChargingSession is sessionSearchResultdata (ChargingSessionData).
type ChargingSession struct {
	StationID                    String `xml:"stationID" desc:"Station identifier, \"CPNID:StationIdentifier\"."`
	StationName                  String `xml:"stationName" desc:"Station name, \"ORGANIZATION / NAME\"."`
	PortNumber                   String `xml:"portNumber" desc:"Port number (1-based)."`
	Address                      String `xml:"Address" desc:"Full one-line address of the station."`
	City                         String `xml:"City" desc:"City."`
	State                        String `xml:"State" desc:"State or province."`
	Country                      String `xml:"Country" desc:"Country."`
	PostalCode                   String `xml:"postalCode" desc:"Postal code."`
	SessionID                    Int    `xml:"sessionID" desc:"Session ID."`
	Energy                       Float  `xml:"Energy" desc:"Energy delivered, kWh."`
	StartTime                    Time   `xml:"startTime" desc:"Start of the session, RFC 3339."`
	EndTime                      Time   `xml:"endTime" desc:"End of the session, RFC 3339; null while it is in progress."`
	TotalChargingDuration        String `xml:"totalChargingDuration" desc:"Time spent charging, \"HH:MM:SS\" (hours may exceed 24)."`
	TotalChargingDurationSeconds Int    `xml:"-" tf:"total_charging_duration_seconds" desc:"total_charging_duration in seconds."`
	TotalSessionDuration         String `xml:"totalSessionDuration" desc:"Time plugged in, \"HH:MM:SS\" (hours may exceed 24)."`
	TotalSessionDurationSeconds  Int    `xml:"-" tf:"total_session_duration_seconds" desc:"total_session_duration in seconds."`
	UserID                       String `xml:"userID" desc:"ChargePoint user ID of the driver."`
	StartBatteryPercentage       Float  `xml:"startBatteryPercentage" desc:"Battery level at the start, percent (0 when unknown)."`
	StopBatteryPercentage        Float  `xml:"stopBatteryPercentage" desc:"Battery level at the end, percent (0 when unknown)."`
	RecordNumber                 Int    `xml:"recordNumber" desc:"Position of the session in ChargePoint's result set (1-based)."`
	CredentialID                 String `xml:"credentialID" desc:"Credential that started the session (card serial number or app identifier)."`
	EndedBy                      String `xml:"endedBy" desc:"What ended the session, for example \"Plug Out at Vehicle\" or \"Timeout\"."`
	VehicleMake                  String `xml:"vehicleMake" desc:"Vehicle make."`
	VehicleModel                 String `xml:"vehicleModel" desc:"Vehicle model."`
	VehicleModelYear             String `xml:"vehicleModelYear" desc:"Vehicle model year."`
	VehicleType                  String `xml:"vehicleType" desc:"Vehicle type."`
	VehiclePortMAC               String `xml:"vehiclePortMAC" desc:"MAC address of the vehicle's charging port."`
	DriverOptedOut               Bool   `xml:"driverOptedOut" desc:"Whether the driver opted out of a demand response event."`
	DriverOptOutTimestamp        Time   `xml:"driverOptOutTimestamp" desc:"When the driver opted out, RFC 3339."`
	PaymentTerminalInfo          String `xml:"paymentTerminalInfo" desc:"Payment terminal information."`
}

type getChargingSessionDataResponse struct {
	Result
	Sessions []ChargingSession `xml:"ChargingSessionData"`
	MoreFlag Bool              `xml:"MoreFlag"`
	// Some clients document a lower-case moreFlag here too; either one means more pages follow.
	MoreFlagLower Bool `xml:"moreFlag"`
}

// GetChargingSessionData returns every session matching q. station_ids are sent at most MaxIDsPerCall
// per call; each call is read to its last page (ChargePoint's page size is fixed at 100). A non-nil empty
// StationIDs selects no station, without a call.
func (c *Client) GetChargingSessionData(ctx context.Context, q SessionSearchRequest) ([]ChargingSession, error) {
	sessions, err := getChargingSessionData.read(ctx, c, q)
	if err != nil {
		return nil, err
	}
	for i := range sessions {
		if err := sessions[i].deriveSeconds(); err != nil {
			return nil, fmt.Errorf("%s: %w", opGetChargingSessionData.name, err)
		}
	}
	return sessions, nil
}

func (s *ChargingSession) deriveSeconds() error {
	for _, d := range []struct {
		name    string
		from    String
		seconds *Int
	}{
		{"totalChargingDuration", s.TotalChargingDuration, &s.TotalChargingDurationSeconds},
		{"totalSessionDuration", s.TotalSessionDuration, &s.TotalSessionDurationSeconds},
	} {
		*d.seconds = Int{}
		if !d.from.Valid || strings.TrimSpace(d.from.Value) == "" {
			continue
		}
		secs, err := parseDuration(d.from.Value)
		if err != nil {
			return fmt.Errorf("session %s: %s: %w", s.SessionID, d.name, err)
		}
		*d.seconds = IntOf(secs)
	}
	return nil
}

// parseDuration reads ChargePoint's "HH:MM:SS" durations, whose hours may exceed 24 ("63:45:20").
func parseDuration(s string) (int64, error) {
	bad := fmt.Errorf("%q is not a duration HH:MM:SS", s)
	parts := strings.Split(strings.TrimSpace(s), ":")
	if len(parts) != 3 {
		return 0, bad
	}
	var n [3]int64
	for i, p := range parts {
		v, err := strconv.ParseUint(p, 10, 31)
		if err != nil || (i > 0 && (len(p) != 2 || v > 59)) {
			return 0, bad
		}
		n[i] = int64(v)
	}
	return n[0]*3600 + n[1]*60 + n[2], nil
}

// SessionIntervalsRequest is the get15minChargingSessionData request: its two elements sit directly
// under the operation element, not in a searchQuery.
type SessionIntervalsRequest struct {
	SessionID              Int  `xml:"sessionID" tf:",required" desc:"Charging session whose 15-minute intervals to read."`
	EnergyConsumedInterval Bool `xml:"energyConsumedInterval" desc:"true: energy_consumed is the energy of each interval; false or unset (ChargePoint's default): the cumulative energy since the start of the session."`
}

// SessionIntervals is get15minChargingSessionDataResponse without its responseCode.
type SessionIntervals struct {
	SessionID  Int               `xml:"sessionID" desc:"Session ID."`
	StationID  String            `xml:"stationID" desc:"Station of the session, \"CPNID:StationIdentifier\"."`
	PortNumber String            `xml:"portNumber" desc:"Port of the session."`
	Intervals  []SessionInterval `xml:"fifteenminData" tf:"intervals" desc:"15-minute intervals, sorted by station_time."`
}

// SessionInterval is oChargingSessionsData (fifteenminData).
type SessionInterval struct {
	StationTime     Time  `xml:"stationTime" desc:"Time of the interval, RFC 3339."`
	EnergyConsumed  Float `xml:"energyConsumed" desc:"Energy, kWh: cumulative since the start of the session, or of this interval alone with energy_consumed_interval = true."`
	PeakPower       Float `xml:"peakPower" desc:"Peak power during the interval, kW."`
	RollingPowerAvg Float `xml:"rollingPowerAvg" desc:"Rolling average power, kW."`
}

type get15minChargingSessionDataResponse struct {
	Result
	SessionIntervals
}

// Get15minChargingSessionData returns the 15-minute intervals of one session. An unknown session is a
// ResponseError (160).
func (c *Client) Get15minChargingSessionData(ctx context.Context, q SessionIntervalsRequest) (SessionIntervals, error) {
	var resp get15minChargingSessionDataResponse
	if err := c.call(ctx, opGet15minChargingSessionData, q, &resp); err != nil {
		return SessionIntervals{}, err
	}
	resp.sortLists()
	return resp.SessionIntervals, nil
}

func (s *SessionIntervals) sortLists() {
	slices.SortStableFunc(s.Intervals, func(a, b SessionInterval) int { return a.StationTime.Value.Compare(b.StationTime.Value) })
}
