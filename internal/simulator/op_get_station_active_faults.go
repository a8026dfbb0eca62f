package simulator

import "slices"

// getStationActiveFaults (5.1): the active faults of the stations listed in searchQuery/stationIDs
// (required, 1 to 100 IDs), with their FRUs and FRU faults. Only stations with active faults appear,
// in ID order, each once; unknown IDs are ignored, and nothing to report is 100 with no stations. More
// than 100 IDs: 147 "Maximum 100 station IDs allowed.".

type getStationActiveFaultsResponse struct {
	ResponseCode string             `xml:"responseCode"`
	ResponseText string             `xml:"responseText,omitempty"`
	Stations     *wireFaultStations `xml:"stations"`
}

type wireFaultStations struct {
	Station []wireFaultStation `xml:"station"`
}

type wireFaultStation struct {
	StationID     string `xml:"stationID"`
	StationFaults struct {
		Fault []wireStationFault `xml:"stationFault"`
	} `xml:"stationFaults"`
}

type wireStationFault struct {
	FaultCode        string `xml:"faultCode"`
	FaultName        string `xml:"faultName"`
	FaultTime        string `xml:"faultTime"`
	FaultSeverity    string `xml:"faultSeverity,omitempty"`
	FaultDescription string `xml:"faultDescription,omitempty"`
	Remedy           string `xml:"remedy,omitempty"`
	FRUs             struct {
		FRU []wireFRU `xml:"fru"`
	} `xml:"frus"`
}

type wireFRU struct {
	FruID           string `xml:"fruID"`
	FruName         string `xml:"fruName"`
	PartNumber      string `xml:"partNumber,omitempty"`
	SerialNumber    string `xml:"serialNumber"`
	SoftwareVersion string `xml:"softwareVersion,omitempty"`
	HardwareVersion string `xml:"hardwareVersion,omitempty"`
	FruFaults       *struct {
		Fault []wireFRUFault `xml:"fruFault"`
	} `xml:"fruFaults"`
}

type wireFRUFault struct {
	Code        string `xml:"fruFaultCode"`
	Name        string `xml:"fruFaultName"`
	Time        string `xml:"fruFaultTime"`
	Severity    string `xml:"fruFaultSeverity,omitempty"`
	Description string `xml:"fruFaultDescription,omitempty"`
	Remedy      string `xml:"fruFaultRemedy,omitempty"`
}

// maxFaultStationIDs is stationIdListBound's maxOccurs.
const (
	maxFaultStationIDs = 100
	codeTooManyIDs     = "147"
	textTooManyIDs     = "Maximum 100 station IDs allowed."
)

func (s *Server) getStationActiveFaults(req *element) (any, error) {
	var ids []string
	err := decodeAll(req, req.Name.Local, fields{"searchQuery": func(e *element, path string) error {
		return decodeAll(e, path, fields{"stationIDs": stationIDsField(&ids)}, "stationIDs")
	}}, "searchQuery")
	if err != nil {
		return nil, err
	}
	if len(ids) > maxFaultStationIDs {
		return &getStationActiveFaultsResponse{ResponseCode: codeTooManyIDs, ResponseText: textTooManyIDs}, nil
	}
	var indexes []int
	for _, id := range ids {
		if i, ok := s.data.byID[id]; ok && len(s.data.stations[i].Faults) > 0 && !slices.Contains(indexes, i) {
			indexes = append(indexes, i)
		}
	}
	slices.Sort(indexes)
	resp := &getStationActiveFaultsResponse{ResponseCode: codeSuccess, ResponseText: textSuccess}
	if len(indexes) > 0 {
		resp.Stations = &wireFaultStations{}
	}
	for _, i := range indexes {
		st := &s.data.stations[i]
		w := wireFaultStation{StationID: st.ID}
		for _, f := range st.Faults {
			w.StationFaults.Fault = append(w.StationFaults.Fault, toWireFault(f))
		}
		resp.Stations.Station = append(resp.Stations.Station, w)
	}
	return resp, nil
}

func toWireFault(f Fault) wireStationFault {
	w := wireStationFault{FaultCode: f.Code, FaultName: f.Name, FaultTime: formatDateTime(f.Time),
		FaultSeverity: f.Severity, FaultDescription: f.Description, Remedy: f.Remedy}
	for _, fru := range f.FRUs {
		wf := wireFRU{FruID: fru.ID, FruName: fru.Name, PartNumber: fru.PartNumber, SerialNumber: fru.SerialNumber,
			SoftwareVersion: fru.SoftwareVersion, HardwareVersion: fru.HardwareVersion}
		if len(fru.Faults) > 0 {
			wf.FruFaults = &struct {
				Fault []wireFRUFault `xml:"fruFault"`
			}{}
			for _, ff := range fru.Faults {
				wf.FruFaults.Fault = append(wf.FruFaults.Fault, wireFRUFault{Code: ff.Code, Name: ff.Name, Time: formatDateTime(ff.Time),
					Severity: ff.Severity, Description: ff.Description, Remedy: ff.Remedy})
			}
		}
		w.FRUs.FRU = append(w.FRUs.FRU, wf)
	}
	return w
}
