package simulator

import "strconv"

// get15minChargingSessionData (5.1): the 15-minute intervals of one session. The request is not
// wrapped: <sessionID> (required) then <energyConsumedInterval> (optional; true gives each interval's
// own energy instead of the cumulative energy, ChargePoint's default). An unknown session is 160. Not
// paged.

type get15minChargingSessionDataResponse struct {
	ResponseCode string         `xml:"responseCode"`
	ResponseText string         `xml:"responseText,omitempty"`
	SessionID    *int64         `xml:"sessionID"`
	StationID    string         `xml:"stationID,omitempty"`
	PortNumber   string         `xml:"portNumber,omitempty"`
	Intervals    []wireInterval `xml:"fifteenminData"`
}

// wireInterval is oChargingSessionsData.
type wireInterval struct {
	StationTime     string `xml:"stationTime"`
	EnergyConsumed  string `xml:"energyConsumed"`
	PeakPower       string `xml:"peakPower"`
	RollingPowerAvg string `xml:"rollingPowerAvg"`
}

func (s *Server) get15minChargingSessionData(req *element) (any, error) {
	var (
		sessionID *int64
		perPeriod *bool
	)
	err := decodeSequence(req, req.Name.Local, []seqField{
		{name: "sessionID", decode: longField(&sessionID), required: true},
		{name: "energyConsumedInterval", decode: boolField(&perPeriod)},
	})
	if err != nil {
		return nil, err
	}
	sess, ok := s.Session(*sessionID)
	if !ok {
		return &get15minChargingSessionDataResponse{ResponseCode: codeNoLoadData, ResponseText: textNoLoadData}, nil
	}
	resp := &get15minChargingSessionDataResponse{ResponseCode: codeSuccess, ResponseText: textSuccess,
		SessionID: &sess.ID, StationID: sess.StationID, PortNumber: strconv.Itoa(sess.PortNumber)}
	previous := 0.0
	for _, iv := range intervals(sess) {
		energy := iv.EnergyConsumed
		if perPeriod != nil && *perPeriod {
			energy = round(iv.EnergyConsumed-previous, 6)
			previous = iv.EnergyConsumed
		}
		resp.Intervals = append(resp.Intervals, wireInterval{
			StationTime: formatDateTime(iv.StationTime), EnergyConsumed: formatEnergy(energy),
			PeakPower: formatKW3(iv.PeakPower), RollingPowerAvg: formatKW3(iv.RollingPowerAvg),
		})
	}
	return resp, nil
}
