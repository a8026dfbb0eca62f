package simulator

import (
	"strconv"
	"strings"
	"time"
)

// Response types shared by the station operations. Field order is the XSD's sequence order (it
// matters); every element is unqualified.

// wireStation is the 5.1 stationData type (getPublicStations).
type wireStation struct {
	StationID      string        `xml:"stationID"`
	Manufacturer   string        `xml:"stationManufacturer,omitempty"`
	Model          string        `xml:"stationModel,omitempty"`
	MacAddr        string        `xml:"stationMacAddr,omitempty"`
	SerialNum      string        `xml:"stationSerialNum,omitempty"`
	StationName    string        `xml:"stationName,omitempty"`
	Description    string        `xml:"Description,omitempty"`
	Address        string        `xml:"Address,omitempty"`
	City           string        `xml:"City,omitempty"`
	State          string        `xml:"State,omitempty"`
	Country        string        `xml:"Country,omitempty"`
	PostalCode     string        `xml:"postalCode,omitempty"`
	Ports          []wirePort    `xml:"Port"`
	Pricing        []wirePricing `xml:"Pricing"`
	NumPorts       int           `xml:"numPorts"`
	MainPhone      string        `xml:"mainPhone,omitempty"`
	ModTimeStamp   string        `xml:"modTimeStamp,omitempty"`
	TimezoneOffset string        `xml:"timezoneOffset,omitempty"`
	CurrencyCode   string        `xml:"currencyCode,omitempty"`
	RecordNumber   int           `xml:"recordNumber"`
}

// wirePort is the 5.1 portData type.
type wirePort struct {
	PortNumber    string          `xml:"portNumber"`
	Geo           wireGeo         `xml:"Geo"`
	Reservable    int             `xml:"Reservable"`
	Status        string          `xml:"Status,omitempty"`
	Level         string          `xml:"Level,omitempty"`
	TimeStamp     string          `xml:"timeStamp,omitempty"`
	Mode          string          `xml:"Mode,omitempty"`
	Connectors    *wireConnectors `xml:"Connectors"`
	Connector     string          `xml:"Connector,omitempty"`
	Voltage       string          `xml:"Voltage,omitempty"`
	Current       string          `xml:"Current,omitempty"`
	Power         string          `xml:"Power,omitempty"`
	EstimatedCost string          `xml:"estimatedCost"`
}

// wireGeo is geoData: Lat and Long as strings with 15 decimals, as ChargePoint sends them.
type wireGeo struct {
	Lat  string `xml:"Lat"`
	Long string `xml:"Long"`
}

type wireConnectors struct {
	Connector []wireConnector `xml:"Connector"`
}

type wireConnector struct {
	Label       string `xml:"connectorLabel,omitempty"`
	Status      string `xml:"connectorStatus,omitempty"`
	FaultReason string `xml:"connectorFaultReason,omitempty"`
}

// wirePricing is pricingSpecification (the optional initialUnitPriceDuration,
// unitPricePerHourThereafter and sessionTime are never sent).
type wirePricing struct {
	Type                string `xml:"Type"`
	StartTime           string `xml:"startTime"`
	EndTime             string `xml:"endTime"`
	MinPrice            string `xml:"minPrice"`
	MaxPrice            string `xml:"maxPrice"`
	UnitPricePerHour    string `xml:"unitPricePerHour"`
	UnitPricePerSession string `xml:"unitPricePerSession"`
	UnitPricePerKWh     string `xml:"unitPricePerKWh"`
}

// toWireStation renders s as the 5.1 stationData; estimatedCost is the same for every port.
func toWireStation(s *Station, recordNumber int, estimatedCost float64) wireStation {
	w := wireStation{
		StationID: s.ID, Manufacturer: s.Manufacturer, Model: s.Model, MacAddr: s.MacAddr, SerialNum: s.SerialNum,
		StationName: s.Name, Description: s.Description,
		Address: s.Address, City: s.City, State: s.State, Country: s.Country, PostalCode: s.PostalCode,
		Ports:        make([]wirePort, len(s.Ports)),
		NumPorts:     len(s.Ports),
		MainPhone:    s.MainPhone,
		ModTimeStamp: formatDateTime(s.ModTime), TimezoneOffset: s.TimezoneOffset, CurrencyCode: s.CurrencyCode,
		RecordNumber: recordNumber,
	}
	geo := wireGeo{Lat: formatCoordinate(s.Lat), Long: formatCoordinate(s.Long)}
	for i, p := range s.Ports {
		wp := wirePort{
			PortNumber: strconv.Itoa(p.Number), Geo: geo, Reservable: boolInt(p.Reservable),
			Status: p.Status, Level: p.Level, TimeStamp: formatDateTime(p.TimeStamp), Mode: p.Mode,
			Connector: p.Connector, Voltage: p.Voltage, Current: p.Current, Power: p.Power,
			EstimatedCost: formatMoney(estimatedCost),
		}
		if len(p.Connectors) > 0 {
			wp.Connectors = &wireConnectors{Connector: make([]wireConnector, len(p.Connectors))}
			for j, c := range p.Connectors {
				wp.Connectors.Connector[j] = wireConnector{Label: c.Label, Status: c.Status}
			}
		}
		w.Ports[i] = wp
	}
	for _, p := range s.Pricing {
		w.Pricing = append(w.Pricing, wirePricing{
			Type: p.Type, StartTime: p.StartTime, EndTime: p.EndTime,
			MinPrice: formatMoney(p.MinPrice), MaxPrice: formatMoney(p.MaxPrice),
			UnitPricePerHour: formatMoney(p.UnitPricePerHour), UnitPricePerSession: formatMoney(p.UnitPricePerSession),
			UnitPricePerKWh: formatMoney(p.UnitPricePerKWh),
		})
	}
	return w
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// formatCoordinate writes decimal degrees with 15 decimals, as ChargePoint does
// ("37.261489868164060"): the shortest exact representation, padded with zeros.
func formatCoordinate(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	dot := strings.IndexByte(s, '.')
	switch {
	case dot < 0:
		return s + "." + strings.Repeat("0", 15)
	case len(s)-dot-1 > 15:
		return strconv.FormatFloat(v, 'f', 15, 64)
	default:
		return s + strings.Repeat("0", 15-(len(s)-dot-1))
	}
}

// formatMoney writes an amount with two decimals ("0.50").
func formatMoney(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

// formatDateTime writes an xsd:dateTime in UTC with a Z ("2012-11-15T01:29:16Z"); "" for the zero time.
func formatDateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02T15:04:05Z")
}
