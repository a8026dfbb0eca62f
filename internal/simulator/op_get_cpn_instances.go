package simulator

// getCPNInstances: the ChargePoint network instances (an empty request element; the response has no
// responseCode).

type getCPNInstancesResponse struct {
	CPN []wireCPN `xml:"CPN"`
}

type wireCPN struct {
	CpnID          string `xml:"cpnID"`
	CpnName        string `xml:"cpnName"`
	CpnDescription string `xml:"cpnDescription"`
}

func (s *Server) getCPNInstances(req *element) (any, error) {
	if err := decodeSequence(req, "getCPNInstances", nil); err != nil {
		return nil, err
	}
	if text := req.value(); text != "" {
		return nil, clientFault("getCPNInstances must be empty, not hold %q", text)
	}
	resp := &getCPNInstancesResponse{}
	for _, c := range s.data.CPNInstances() {
		resp.CPN = append(resp.CPN, wireCPN{CpnID: c.ID, CpnName: c.Name, CpnDescription: c.Description})
	}
	return resp, nil
}
