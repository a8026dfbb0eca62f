package simulator

import "strings"

// getStationRightsProfile: the tasks of the rights profiles the key holds on a group (<sgID>,
// required, and optionally <stationRightsProfile>, not wrapped), each task once, in profile name order.
// A profile the group does not have gives 100 with no taskList; an unknown sgID gives 124
// "Invalid sgID.".

type getStationRightsProfileResponse struct {
	ResponseCode string         `xml:"responseCode"`
	ResponseText string         `xml:"responseText,omitempty"`
	TaskList     []wireTaskList `xml:"taskList"`
}

type wireTaskList struct {
	Task        string `xml:"Task"`
	Description string `xml:"Description"`
}

func (s *Server) getStationRightsProfile(req *element) (any, error) {
	var (
		sgID    *int
		profile *string
	)
	err := decodeSequence(req, "getStationRightsProfile", []seqField{
		{"sgID", intField(&sgID), true},
		{"stationRightsProfile", stringField(&profile), false},
	})
	if err != nil {
		return nil, err
	}
	g, ok := s.data.Group(*sgID)
	if !ok {
		return &getStationRightsProfileResponse{ResponseCode: codeInvalidSgID, ResponseText: textInvalidSgID}, nil
	}
	resp := &getStationRightsProfileResponse{ResponseCode: codeSuccess, ResponseText: textSuccess}
	seen := map[string]bool{}
	for _, name := range g.RightsProfiles {
		if profile != nil && !strings.EqualFold(name, *profile) {
			continue
		}
		p, _ := rightsProfile(name)
		for _, task := range p.Tasks {
			if !seen[task.Name] {
				seen[task.Name] = true
				resp.TaskList = append(resp.TaskList, wireTaskList{Task: task.Name, Description: task.Description})
			}
		}
	}
	return resp, nil
}
