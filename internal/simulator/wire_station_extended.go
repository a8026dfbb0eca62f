package simulator

import (
	"strconv"
	"strings"
	"time"
)

// Response types of getStations (stationDataExtended) and getCustomGroupStations
// (customGroupstationDataExtended), in XSD sequence order: getStationData, then the extension.

// wireStationData is the 5.1 getStationData type.
type wireStationData struct {
	RecordNumber             int           `xml:"recordNumber"`
	StationID                string        `xml:"stationID"`
	Manufacturer             string        `xml:"stationManufacturer,omitempty"`
	Model                    string        `xml:"stationModel,omitempty"`
	MacAddr                  string        `xml:"stationMacAddr,omitempty"`
	SerialNum                string        `xml:"stationSerialNum,omitempty"`
	StationName              string        `xml:"stationName,omitempty"`
	Description              string        `xml:"Description,omitempty"`
	ActivationDate           string        `xml:"stationActivationDate,omitempty"`
	Address                  string        `xml:"Address,omitempty"`
	City                     string        `xml:"City,omitempty"`
	State                    string        `xml:"State,omitempty"`
	Country                  string        `xml:"Country,omitempty"`
	PostalCode               string        `xml:"postalCode,omitempty"`
	Ports                    []wirePort    `xml:"Port"`
	Pricing                  []wirePricing `xml:"Pricing"`
	NumPorts                 int           `xml:"numPorts"`
	DriverName               string        `xml:"driverName,omitempty"`
	DriverAddress            string        `xml:"driverAddress,omitempty"`
	DriverEmail              string        `xml:"driverEmail,omitempty"`
	DriverPhoneNumber        string        `xml:"driverPhoneNumber,omitempty"`
	LastModifiedDate         string        `xml:"lastModifiedDate,omitempty"`
	MainPhone                string        `xml:"mainPhone,omitempty"`
	ModTimeStamp             string        `xml:"modTimeStamp,omitempty"`
	TimezoneOffset           string        `xml:"timezoneOffset,omitempty"`
	CurrencyCode             string        `xml:"currencyCode,omitempty"`
	WarrantyExpirationDate   string        `xml:"warrantyExpirationDate,omitempty"`
	WarrantyService          string        `xml:"warrantyService,omitempty"`
	WarrantyType             string        `xml:"warrantyType,omitempty"`
	ServicePlanExpiryDate    string        `xml:"servicePlanExpiryDate,omitempty"`
	ServicePlanAutoRenewDate string        `xml:"servicePlanAutoRenewDate,omitempty"`
	Demo                     string        `xml:"demo,omitempty"`
}

// wireOrgExtension is the part of the stationDataExtended and customGroupstationDataExtended
// extensions the two share.
type wireOrgExtension struct {
	OrgID              string `xml:"orgID"`
	CompanyID          string `xml:"companyID,omitempty"`
	OrganizationName   string `xml:"organizationName"`
	SgID               string `xml:"sgID,omitempty"`
	SgName             string `xml:"sgName,omitempty"`
	SiteValidated      bool   `xml:"siteValidated"`
	SiteValidationDate string `xml:"siteValidationDate,omitempty"`
	WanIPAddress       string `xml:"wanIpAddress,omitempty"`
	NetworkStatus      string `xml:"networkStatus,omitempty"`
	StationFirmware    string `xml:"stationFirmware,omitempty"`
	StationReception   int    `xml:"stationReception"`
	RadioGroupID       string `xml:"radioGroupID,omitempty"`
}

// wireStationExtended is stationDataExtended (getStations).
type wireStationExtended struct {
	wireStationData
	wireOrgExtension
	ManagedBy *wirePartnerOrg `xml:"managedBy"`
}

// wireCustomGroupStation is customGroupstationDataExtended (getCustomGroupStations): no managedBy.
type wireCustomGroupStation struct {
	wireStationData
	wireOrgExtension
}

// wirePartnerOrg is partnerOrgDetails: every child required.
type wirePartnerOrg struct {
	OrgID            string `xml:"orgID"`
	CompanyID        string `xml:"companyID"`
	OrganizationName string `xml:"organizationName"`
}

// toWireStationData renders s as getStationData, reusing the getPublicStations rendering of the
// fields the two types share.
func toWireStationData(s *Station, recordNumber int, estimatedCost float64) wireStationData {
	pub := toWireStation(s, recordNumber, estimatedCost)
	demo := "0"
	if s.Demo {
		demo = "1"
	}
	return wireStationData{
		RecordNumber: recordNumber,
		StationID:    pub.StationID, Manufacturer: pub.Manufacturer, Model: pub.Model, MacAddr: pub.MacAddr, SerialNum: pub.SerialNum,
		StationName: pub.StationName, Description: pub.Description,
		ActivationDate: formatDateTime(s.ActivationDate),
		Address:        pub.Address, City: pub.City, State: pub.State, Country: pub.Country, PostalCode: pub.PostalCode,
		Ports: pub.Ports, Pricing: pub.Pricing, NumPorts: pub.NumPorts,
		DriverName: s.DriverName, DriverAddress: s.DriverAddress, DriverEmail: s.DriverEmail, DriverPhoneNumber: s.DriverPhone,
		LastModifiedDate: formatDateTime(s.LastModified),
		MainPhone:        pub.MainPhone, ModTimeStamp: pub.ModTimeStamp, TimezoneOffset: pub.TimezoneOffset, CurrencyCode: pub.CurrencyCode,
		WarrantyExpirationDate: formatDateTime(s.WarrantyExpiration),
		WarrantyService:        s.WarrantyService, WarrantyType: s.WarrantyType,
		ServicePlanExpiryDate:    formatDate(s.ServicePlanExpiry),
		ServicePlanAutoRenewDate: formatDate(s.ServicePlanRenew),
		Demo:                     demo,
	}
}

// toWireOrgExtension renders the organization, group and network fields of s; sgID and sgName list
// every group of the station, ", "-separated, in group ID order.
func (d *Dataset) toWireOrgExtension(s *Station) wireOrgExtension {
	ids := make([]string, len(s.groupIDs))
	names := make([]string, len(s.groupIDs))
	for i, id := range s.groupIDs {
		ids[i], names[i] = strconv.Itoa(id), d.groups[d.groupIndex[id]].Name
	}
	return wireOrgExtension{
		OrgID: s.OrgID, CompanyID: s.CompanyID, OrganizationName: s.OrganizationName,
		SgID: strings.Join(ids, ", "), SgName: strings.Join(names, ", "),
		SiteValidated: s.SiteValidated, SiteValidationDate: formatDateTime(s.SiteValidationDate),
		WanIPAddress: s.WANIPAddress, NetworkStatus: s.NetworkStatus, StationFirmware: s.Firmware,
		StationReception: s.Reception, RadioGroupID: s.RadioGroupID,
	}
}

func (d *Dataset) toWireStationExtended(s *Station, recordNumber int, estimatedCost float64) wireStationExtended {
	w := wireStationExtended{wireStationData: toWireStationData(s, recordNumber, estimatedCost), wireOrgExtension: d.toWireOrgExtension(s)}
	if org, ok := organization(s.ManagedBy); ok {
		w.ManagedBy = &wirePartnerOrg{OrgID: org.ID, CompanyID: org.CompanyID, OrganizationName: org.Name}
	}
	return w
}

// formatDate writes an xsd:date ("2027-10-01"); "" for the zero time.
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}
