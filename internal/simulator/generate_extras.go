package simulator

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The attributes getStations adds to getPublicStations' (organization, groups, warranty, network,
// faults...) come from their own RNG stream, so the public attributes of every station stay what they
// were before these existed.

var (
	firmwares    = []string{"4.9.6.3", "4.10.2.14", "5.1.0.22"}
	driverFirst  = []string{"Alex", "Maria", "Sam", "Priya", "Jonas", "Emma", "Luis", "Mei", "Noah", "Fatima"}
	driverLast   = []string{"Garcia", "Chen", "Novak", "Smith", "Okafor", "Jansen", "Müller", "Kim", "Rossi", "Dubois"}
	wanPrefixes  = []string{"192.0.2.", "198.51.100.", "203.0.113."} // documentation ranges (RFC 5737)
	cityOrdinals = func() map[string]int {
		m := make(map[string]int, len(places))
		for i, p := range places {
			m[p.City] = i
		}
		return m
	}()
)

// addExtras sets the 5.1 getStations attributes of generated station i, its port fault reasons, active
// faults and groups. The ports must already be generated.
func addExtras(s *Station, seed int64, i int) {
	r := newRNG(seed, streamExtras, uint64(i))
	org, _ := organization(orgOfCity[s.City])
	s.OrgID, s.CompanyID, s.OrganizationName = org.ID, org.CompanyID, org.Name

	// Every draw happens whether or not its value is used, so adding a draw at the end changes nothing
	// before it.
	activationBack := time.Duration(r.intn(400*86400)) * time.Second
	modifiedShare := r.float()
	hasDriver, first, last, driverNumber := r.chance(0.12), pick(r, driverFirst), pick(r, driverLast), r.intn(10000)
	assure, warrantyYears := r.chance(0.6), r.between(1, 5)
	planMonths := r.between(-6, 36)
	demo := r.chance(0.03)
	validated, validationDays := r.chance(0.85), r.between(1, 30)
	wan := pick(r, wanPrefixes) + strconv.Itoa(r.between(1, 254))
	firmware, reception := pick(r, firmwares), r.between(1, 5)
	radio := 1000*(cityOrdinals[s.City]+1) + r.intn(4)
	managed := r.chance(0.25)
	inactive := r.chance(0.03)

	s.ActivationDate = s.ModTime.Add(-activationBack)
	s.LastModified = s.ModTime.Add(time.Duration(modifiedShare * float64(referenceTime.Sub(s.ModTime)))).Truncate(time.Second)
	if hasDriver {
		s.DriverName = first + " " + last
		s.DriverAddress = s.Address + ", " + s.City + ", " + s.State + " " + s.PostalCode
		s.DriverEmail = strings.ToLower(asciiFold(first)+"."+asciiFold(last)) + "@example.com"
		s.DriverPhone = fmt.Sprintf("555-%04d", driverNumber)
	}
	s.WarrantyExpiration = s.ActivationDate.AddDate(warrantyYears, 0, 0)
	s.WarrantyService, s.WarrantyType = "Standard", "Parts Only"
	if assure {
		s.WarrantyService, s.WarrantyType = "Assure", "Parts and Labor"
	}
	s.ServicePlanExpiry = referenceTime.AddDate(0, planMonths, 0).Truncate(24 * time.Hour)
	s.ServicePlanRenew = s.ServicePlanExpiry.AddDate(0, 0, -30)
	s.Demo = demo
	if validated {
		s.SiteValidated, s.SiteValidationDate = true, s.ActivationDate.AddDate(0, 0, validationDays)
	}
	s.WANIPAddress, s.Firmware, s.Reception = wan, firmware, reception
	s.NetworkStatus = "Reachable"
	if s.Ports[0].Status == "UNREACHABLE" { // all of a generated station's ports or none
		s.NetworkStatus, s.Reception = "Unreachable", 0
	}
	s.RadioGroupID = strconv.Itoa(radio)
	if managed && org.ID != chargePointOrgID && strings.HasPrefix(org.ID, "1:") {
		s.ManagedBy = chargePointOrgID
	}
	s.AdminStatus, s.ProvisionStatus = "Active", "Provisioned"
	if inactive {
		s.AdminStatus = "Inactive"
	}
	s.Faults = generateFaults(s, r)
	s.groupIDs = groupIDsFor(s, r)
}

// asciiFold replaces the few non-ASCII letters of the name lists, for e-mail addresses.
func asciiFold(s string) string { return strings.ReplaceAll(s, "ü", "ue") }
