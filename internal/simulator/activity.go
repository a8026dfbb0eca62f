package simulator

import (
	"slices"
	"sync"
	"time"
)

// Now is the simulator's fixed clock for activity data (sessions, live load, alarms, drivers,
// transactions, fleet usage): everything happened in the 30 days before it, and sessions still in
// progress are in progress at Now. It never follows the wall clock, so expected values in tests stay
// put. Do not modify it.
var Now = time.Date(2026, time.November, 20, 12, 0, 0, 0, time.UTC)

// activityWindow is how far back the generated session and alarm history reaches from Now.
const activityWindow = 30 * 24 * time.Hour

// Session is one charging session (getChargingSessionData, get15minChargingSessionData, getLoad).
type Session struct {
	ID           int64
	StationID    string
	PortNumber   int
	UserID       string // "" for a contactless credit card session (anonymous)
	CredentialID string // "" for a contactless credit card session
	Start        time.Time
	End          time.Time // zero while Active
	Active       bool      // in progress at Now, on a port whose Status is INUSE
	Charging     time.Duration
	Energy       float64 // kWh, 6 decimals; so far, for an active session

	StartBattery, StopBattery float64 // percent, 1 decimal; 0 when the vehicle does not report it

	EndedBy                                                  string // "" while Active
	VehicleMake, VehicleModel, VehicleModelYear, VehicleType string // "" when the vehicle is unknown
	VehiclePortMAC                                           string
	DriverOptedOut                                           bool
	DriverOptOutTime                                         time.Time // zero unless DriverOptedOut
	PaymentTerminalInfo                                      string
	TransactionID                                            int64 // 0 for free and active sessions
}

// Duration is the time plugged in: End-Start, or Now-Start while the session is active.
func (s Session) Duration() time.Duration {
	if s.Active {
		return Now.Sub(s.Start)
	}
	return s.End.Sub(s.Start)
}

// Interval is one fifteenminData row. EnergyConsumed is cumulative since the start of the session.
type Interval struct {
	StationTime                time.Time
	EnergyConsumed             float64 // kWh, 6 decimals
	PeakPower, RollingPowerAvg float64 // kW, 3 decimals
}

// User is a driver (getUsers). Every session's UserID and CredentialID are a User's.
type User struct {
	ID                  string
	FirstName, LastName string
	Email               string
	LastModified        time.Time
	ConnectionStatus    string // APPROVED, NOT CONNECTED, REJECTED or PENDING
	ConnectionRequested time.Time
	ConnectionInfo      []CustomInfo
	RealmStatus         string    // APPROVED or NOT MANAGED
	RealmSignup         time.Time // zero when NOT MANAGED
	RealmInfo           []CustomInfo
	CredentialIDs       []string // sorted
	Home                *HomeStation
	FleetVehicleID      string // "" unless the driver drives a fleet vehicle
}

// CustomInfo is a Key/Value pair of a driver's connection or management realm.
type CustomInfo struct{ Key, Value string }

// HomeStation is a driver's home charger (homeStationDetails).
type HomeStation struct {
	SerialNumber, Status, ModelNumber, MacAddress string
	Activated                                     time.Time
}

// Alarm is one getAlarms row; the station fields come from the station.
type Alarm struct {
	StationID  string
	PortNumber int // 0 for a station-level alarm (sent as an empty portNumber)
	Type       string
	Time       time.Time
}

// Transaction is the billing transaction of one paid, completed session (getTransactionData).
type Transaction struct {
	ID              int64
	SessionID       int64
	StationID       string
	PortNumber      int
	PricingRuleName string
	Type            string // always Session
	Energy          float64
	Time            time.Time // transactionTime, shortly after the session's end
	Start, End      time.Time
	Currency        string
	GrossAmount     float64
	ServiceFee      float64 // flexBillingServiceFee
	NetRevenue      float64
	ExchangeRateUSD float64
	TaxAmount       float64
	NetAmount       float64
	CreditCard      string // anonymousCreditCardNumber; "" unless a contactless card paid
}

// FleetVehicle is a fleet vehicle (getFleetVehicles). A generated vehicle's CredentialIDs are those
// of its driver, the User whose ID is UserID, so the driver's sessions are the vehicle's.
type FleetVehicle struct {
	ID                                   string // fleetVehicleID
	FleetName, VehicleID, VIN, License   string
	Color, Make, Model                   string
	Year                                 int
	UserID                               string   // fleetUserID (addFleetVehicle's driverID)
	CredentialIDs                        []string // the cards' serial numbers (chargePointCardSn)
	MifareIDs                            []string // the cards' MIFARE IDs (mifareID); getFleetVehicles does not show them
	PortMACs                             []string // vehiclePortMacIDs; getFleetVehicles does not show them
	OrgID, OrganizationName              string
	TelematicsProvider, TelematicsStatus string
	Created, LastModified                time.Time
	ChargingStatus                       string // Fault, Charged, Charging or Not Plugged In

	companyID string // of OrgID
}

// FleetUsage is one getFleetUsageData row: a completed session of a fleet vehicle.
type FleetUsage struct {
	ID                   string
	FleetVehicleID       string
	DriverID             string // fleetDriverID
	FleetCustomerID      string // the companyID of the vehicle's organization
	SessionID            int64
	TransactionID        int64 // the session's transaction, or the session ID when it was free
	TransactionTime      time.Time
	StationID            string
	PortNumber           int
	CredentialID         string
	Energy               float64
	Start, End           time.Time
	ChargingTime         time.Duration // < 24 h: fleet sessions fit xsd:time
	SessionDuration      time.Duration
	StartSOC, EndSOC     float64
	FraudDetectionStatus string
	GasolineSavings      float64 // US gallons
	GHGSavings           float64 // kg CO2e
	Odometer             float64 // miles
	Fee                  float64
	Currency             string
	PaymentID            string
	PaymentSourceAccount string
	PaymentType          string
	PricingRule          string
}

// StationLoad is a station's live load (getLoad) at Now.
type StationLoad struct {
	StationID, StationName string
	Address                string  // one line: street, city, state, postal code, country
	Load                   float64 // kW, the sum of the port loads
	Ports                  []PortLoad
}

// PortLoad is one port's live load. A port is charging exactly when its Status is INUSE; it then has
// an active Session and Load > 0, unless a shed (an allowed load of 0) holds it at 0.
type PortLoad struct {
	PortNumber         int
	UserID             string // "" when idle or anonymous
	CredentialID       string
	Shed               bool
	Load               float64 // kW, 3 decimals
	AllowedLoad        float64 // kW; 0 when shed by percentage or not shed
	PercentShed        int     // 0 when shed by allowed load or not shed
	SessionID          int64   // 0 when idle
	LastBatteryPercent float64
}

// activity is the data behind the activity operations, built once per Server from its stations.
type activity struct {
	stations         *Dataset
	sessions         []Session // sorted by ID, which is also start order
	sessionIndex     map[int64]int
	activeOnPort     map[portRef]int // index into sessions
	users            []User          // sorted by ID
	userIndex        map[string]int
	alarms           []Alarm       // sorted by Time, StationID, PortNumber
	transactions     []Transaction // sorted by ID, which is also Time order
	transactionIndex map[int64]int
	vehicles         []FleetVehicle
	vehicleIndex     map[string]int
	usage            []FleetUsage   // sorted by SessionID
	shedPercent      map[string]int // the generated sheds (percentShed by station); the write state starts from them
}

type portRef struct {
	station string
	port    int
}

// lazyActivity builds the activity data on first use, so servers that never see an activity
// operation do not pay for it.
type lazyActivity struct {
	once sync.Once
	data *activity
}

func (s *Server) activity() *activity {
	s.activityData.once.Do(func() { s.activityData.data = buildActivity(s.data) })
	return s.activityData.data
}

// Sessions returns every charging session, sorted by ID (also start order). The slice is a copy.
func (s *Server) Sessions() []Session { return slices.Clone(s.activity().sessions) }

// Session returns the session with the given ID.
func (s *Server) Session(id int64) (Session, bool) {
	a := s.activity()
	i, ok := a.sessionIndex[id]
	if !ok {
		return Session{}, false
	}
	return a.sessions[i], true
}

// FifteenMinuteData returns the 15-minute intervals of a session (cumulative energy), as
// get15minChargingSessionData reports them.
func (s *Server) FifteenMinuteData(sessionID int64) ([]Interval, bool) {
	sess, ok := s.Session(sessionID)
	if !ok {
		return nil, false
	}
	return intervals(sess), true
}

// Users returns every driver, sorted by ID. The slice is a copy; the users' slices are shared and
// must not be modified.
func (s *Server) Users() []User { return slices.Clone(s.activity().users) }

// Transactions returns every transaction, sorted by ID (also transaction time order).
func (s *Server) Transactions() []Transaction { return slices.Clone(s.activity().transactions) }

// FleetUsage returns every fleet usage row, sorted by session ID.
func (s *Server) FleetUsage() []FleetUsage { return slices.Clone(s.activity().usage) }

// LoadOf returns a station's live load as getLoad reports it: the sessions in progress at Now, each
// port with its shed state at the simulator's clock (Clock).
func (s *Server) LoadOf(stationID string) (StationLoad, bool) {
	st, ok := s.data.Station(stationID)
	if !ok {
		return StationLoad{}, false
	}
	a, w := s.activity(), s.state()
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.loadOf(a, w, &st), true
}
