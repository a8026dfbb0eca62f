package cpapi

import (
	"fmt"
	"net"
	"net/url"
	"sort"
	"strings"
)

// ChargePoint's service: the 5.1 endpoint path on every host, the namespace of the operation elements
// and the prefix of the SOAPAction header (then the operation's name).
const (
	ServicePath      = "/webservices/chargepoint/services/5.1"
	ServiceNS        = "urn:dictionary:com.chargepoint.webservices"
	soapActionPrefix = "urn:provider/interface/chargepointservices/"
)

// Regions maps a region code to its Web Services host.
var Regions = map[string]string{
	"NA": "webservices.chargepoint.com",
	"CA": "webservices-ca.chargepoint.com",
	"EU": "webservices-eu.chargepoint.com",
}

// DefaultRegion is used when neither region nor endpoint is configured.
const DefaultRegion = "NA"

// RegionCodes returns the region codes in a stable order.
func RegionCodes() []string {
	codes := make([]string, 0, len(Regions))
	for c := range Regions {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	return codes
}

// RegionEndpoint returns the 5.1 endpoint URL of a region.
func RegionEndpoint(region string) (string, error) {
	host, ok := Regions[strings.ToUpper(region)]
	if !ok {
		return "", fmt.Errorf("unknown region %q: expected one of %s", region, strings.Join(RegionCodes(), ", "))
	}
	return "https://" + host + ServicePath, nil
}

// ValidateEndpoint accepts https URLs anywhere and plain http only on loopback hosts: the license key and
// password travel in the request body, so they must never cross a network unencrypted.
func ValidateEndpoint(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("not a URL: %w", err)
	}
	if u.Host == "" {
		return fmt.Errorf("%q has no host; expected a full URL such as https://%s%s", raw, Regions[DefaultRegion], ServicePath)
	}
	switch u.Scheme {
	case "https":
		return nil
	case "http":
		if isLoopback(u.Hostname()) {
			return nil
		}
		return fmt.Errorf("%q uses plain http on a non-loopback host: the credentials travel in the request body, "+
			"so http is only accepted for 127.0.0.1, ::1 or localhost (a local simulator); use https", raw)
	default:
		return fmt.Errorf("%q: scheme must be https (or http for a loopback host)", raw)
	}
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
