package simulator

import "strconv"

// Response types of getStationStatus (oStatusdata, portDataStatus) and getPublicStationStatus
// (publicStatusdata, publicPortDataStatus), in XSD sequence order. Note TimeStamp's capitals.

type wireStationStatus struct {
	StationID     string           `xml:"stationID"`
	Ports         []wirePortStatus `xml:"Port"`
	RecordNumber  int              `xml:"recordNumber"`
	NetworkStatus string           `xml:"networkStatus,omitempty"` // never set in publicStatusdata
}

type wirePortStatus struct {
	PortNumber  string          `xml:"portNumber"`
	Status      string          `xml:"Status"`
	FaultReason string          `xml:"faultReason,omitempty"` // never set in publicPortDataStatus
	TimeStamp   string          `xml:"TimeStamp"`
	Connectors  *wireConnectors `xml:"Connectors"`
	Connector   string          `xml:"Connector,omitempty"`
	Power       string          `xml:"Power,omitempty"`
}

// toWireStationStatus renders the status of s. Connectors, Connector and Power are sent only with
// portDetails; the fault reasons and networkStatus only in getStationStatus (private is true).
func toWireStationStatus(s *Station, recordNumber int, portDetails, private bool) wireStationStatus {
	w := wireStationStatus{StationID: s.ID, Ports: make([]wirePortStatus, len(s.Ports)), RecordNumber: recordNumber}
	if private {
		w.NetworkStatus = s.NetworkStatus
	}
	for i, p := range s.Ports {
		wp := wirePortStatus{PortNumber: strconv.Itoa(p.Number), Status: p.Status, TimeStamp: formatDateTime(p.TimeStamp)}
		if private {
			wp.FaultReason = p.FaultReason
		}
		if portDetails {
			wp.Connector, wp.Power = p.Connector, p.Power
			if len(p.Connectors) > 0 {
				wp.Connectors = &wireConnectors{Connector: make([]wireConnector, len(p.Connectors))}
				for j, c := range p.Connectors {
					wp.Connectors.Connector[j] = wireConnector{Label: c.Label, Status: c.Status}
				}
			}
		}
		w.Ports[i] = wp
	}
	return w
}
