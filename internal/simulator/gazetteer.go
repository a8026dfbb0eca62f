package simulator

import "strings"

// place is one city of the built-in gazetteer; generated stations are spread around these.
type place struct {
	City        string
	State       string // full name, as stations carry it
	StateCode   string
	Country     string // full name, as stations carry it
	Lat, Long   float64
	PostalCodes []string // geocoded to the city centre; the first token of a postal code is what counts ("V6B 1A1" -> "V6B")
	Streets     []string

	CPN            int // station/org ID prefix: 1 North America, 2 Europe, 4 Canada
	Europe         bool
	Currency       string
	TimezoneOffset string // standard time, no DST
	MainPhone      string
	Weight         int // share of the generated stations, in percent
}

var places = []place{
	{City: "Campbell", State: "California", StateCode: "CA", Country: "United States", Lat: 37.2872, Long: -121.9500,
		PostalCodes: []string{"95008"}, Streets: []string{"E Campbell Ave", "Winchester Blvd", "S Bascom Ave", "Hamilton Ave", "W Campbell Ave"},
		CPN: 1, Currency: "USD", TimezoneOffset: "-08:00", MainPhone: "(888) 758-4389", Weight: 10},
	{City: "San Jose", State: "California", StateCode: "CA", Country: "United States", Lat: 37.3382, Long: -121.8863,
		PostalCodes: []string{"95113", "95112"}, Streets: []string{"N 1st St", "S Market St", "W San Carlos St", "The Alameda", "Park Ave"},
		CPN: 1, Currency: "USD", TimezoneOffset: "-08:00", MainPhone: "(888) 758-4389", Weight: 16},
	{City: "San Francisco", State: "California", StateCode: "CA", Country: "United States", Lat: 37.7749, Long: -122.4194,
		PostalCodes: []string{"94103", "94105"}, Streets: []string{"Market St", "Mission St", "Howard St", "Folsom St", "Brannan St"},
		CPN: 1, Currency: "USD", TimezoneOffset: "-08:00", MainPhone: "(888) 758-4389", Weight: 16},
	{City: "Seattle", State: "Washington", StateCode: "WA", Country: "United States", Lat: 47.6062, Long: -122.3321,
		PostalCodes: []string{"98101", "98104"}, Streets: []string{"Pine St", "Pike St", "1st Ave", "Westlake Ave N", "Denny Way"},
		CPN: 1, Currency: "USD", TimezoneOffset: "-08:00", MainPhone: "(888) 758-4389", Weight: 12},
	{City: "Austin", State: "Texas", StateCode: "TX", Country: "United States", Lat: 30.2672, Long: -97.7431,
		PostalCodes: []string{"78701", "78702"}, Streets: []string{"Congress Ave", "E 6th St", "Lamar Blvd", "Cesar Chavez St", "Red River St"},
		CPN: 1, Currency: "USD", TimezoneOffset: "-06:00", MainPhone: "(888) 758-4389", Weight: 8},
	{City: "New York", State: "New York", StateCode: "NY", Country: "United States", Lat: 40.7128, Long: -74.0060,
		PostalCodes: []string{"10001", "10011"}, Streets: []string{"W 34th St", "8th Ave", "W 23rd St", "10th Ave", "Hudson St"},
		CPN: 1, Currency: "USD", TimezoneOffset: "-05:00", MainPhone: "(888) 758-4389", Weight: 14},
	{City: "Vancouver", State: "British Columbia", StateCode: "BC", Country: "Canada", Lat: 49.2827, Long: -123.1207,
		PostalCodes: []string{"V6B", "V6C"}, Streets: []string{"W Georgia St", "Granville St", "Robson St", "Burrard St", "Main St"},
		CPN: 4, Currency: "CAD", TimezoneOffset: "-08:00", MainPhone: "(888) 758-4389", Weight: 8},
	{City: "Berlin", State: "Berlin", StateCode: "BE", Country: "Germany", Lat: 52.5200, Long: 13.4050,
		PostalCodes: []string{"10115", "10117"}, Streets: []string{"Friedrichstrasse", "Unter den Linden", "Invalidenstrasse", "Torstrasse", "Chausseestrasse"},
		CPN: 2, Europe: true, Currency: "EUR", TimezoneOffset: "+01:00", MainPhone: "+49 800 000 4389", Weight: 8},
	{City: "Amsterdam", State: "Noord-Holland", StateCode: "NH", Country: "Netherlands", Lat: 52.3676, Long: 4.9041,
		PostalCodes: []string{"1012", "1015"}, Streets: []string{"Damrak", "Rokin", "Prinsengracht", "Herengracht", "Nieuwezijds Voorburgwal"},
		CPN: 2, Europe: true, Currency: "EUR", TimezoneOffset: "+01:00", MainPhone: "+31 20 000 4389", Weight: 8},
}

// streetAddress is an exact street-level gazetteer entry.
type streetAddress struct {
	Streets   []string // accepted spellings of number + street
	City      string
	State     []string // accepted spellings (code and name)
	Postal    string
	Lat, Long float64
}

var streetAddresses = []streetAddress{
	{Streets: []string{"1692 Dell Avenue", "1692 Dell Ave"}, City: "Campbell", State: []string{"CA", "California"}, Postal: "95008",
		Lat: seedLat, Long: seedLong},
}

// stateAliases and countryAliases map every accepted spelling (normalized) to one canonical name, so
// that a query's State "CA" matches a station's "California".
var stateAliases = map[string]string{}

var countryAliases = map[string]string{
	"us": "united states", "usa": "united states", "united states of america": "united states",
	"ca": "canada", "can": "canada",
	"de": "germany", "deu": "germany", "deutschland": "germany",
	"nl": "netherlands", "nld": "netherlands", "the netherlands": "netherlands", "nederland": "netherlands",
}

func init() {
	for _, p := range places {
		stateAliases[normalize(p.StateCode)] = normalize(p.State)
	}
	stateAliases["north holland"] = "noord-holland"
}

func canonicalState(s string) string { return canonical(stateAliases, s) }

func canonicalCountry(s string) string { return canonical(countryAliases, s) }

func canonical(aliases map[string]string, s string) string {
	n := normalize(s)
	if c, ok := aliases[n]; ok {
		return c
	}
	return n
}

// normalize lower-cases s, turns commas and full stops into spaces and collapses white space.
func normalize(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == ',' || r == '.' {
			return ' '
		}
		return r
	}, strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

// postalKey is the part of a postal code the gazetteer knows: its first token ("V6B 1A1" -> "v6b").
func postalKey(code string) string {
	f := strings.Fields(normalize(code))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// Geocode resolves an address with the built-in gazetteer, case- and white-space-insensitively: an
// exact street address first (e.g. "1692 Dell Ave", Campbell, CA, 95008, which is the seed station),
// then the postal code, then the city (with its state, when one is given). Empty arguments are ignored,
// but those given must not contradict the entry found. ok is false when nothing matches.
func Geocode(address, city, state, postalCode string) (lat, long float64, ok bool) {
	addr, cty, st, pc := normalize(address), normalize(city), canonicalState(state), postalKey(postalCode)
	stateOK := func(p place) bool { return st == "" || st == normalize(p.State) }
	cityOK := func(p place) bool { return cty == "" || cty == normalize(p.City) }
	if addr != "" {
		for _, e := range streetAddresses {
			if cty != "" && cty != normalize(e.City) || pc != "" && pc != postalKey(e.Postal) {
				continue
			}
			if st != "" && st != canonicalState(e.State[0]) {
				continue
			}
			for _, street := range e.Streets {
				// "1692 Dell Ave" also matches "1692 Dell Ave, Campbell, CA 95008".
				if s := normalize(street); addr == s || strings.HasPrefix(addr, s+" ") {
					return e.Lat, e.Long, true
				}
			}
		}
	}
	if pc != "" {
		for _, p := range places {
			for _, code := range p.PostalCodes {
				if pc == postalKey(code) && cityOK(p) && stateOK(p) {
					return p.Lat, p.Long, true
				}
			}
		}
	}
	if cty != "" {
		for _, p := range places {
			if cty == normalize(p.City) && stateOK(p) {
				return p.Lat, p.Long, true
			}
		}
	}
	return 0, 0, false
}
