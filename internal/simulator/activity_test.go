package simulator

import (
	"math"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"
)

// TestSeedStationSessions pins the facts the provider's acceptance tests rely on, for every seed.
func TestSeedStationSessions(t *testing.T) {
	for _, seed := range []int64{1, 7} {
		s := New(Options{Seed: seed})
		var energies []float64
		var oneInterval, overADay int
		for _, sess := range s.Sessions() {
			if sess.StationID != "1:81203" {
				continue
			}
			if sess.Active || sess.PortNumber != 1 || sess.UserID != "1000001" {
				t.Errorf("seed %d: seed station session %+v", seed, sess)
			}
			if !sess.Start.Before(Now.Add(-7*24*time.Hour)) && sess.End.Before(Now) {
				energies = append(energies, sess.Energy)
			}
			if iv, _ := s.FifteenMinuteData(sess.ID); len(iv) == 1 {
				oneInterval++
			}
			if sess.Duration() > 24*time.Hour {
				overADay++
			}
		}
		want := []float64{12.120572, 18.734210, 1.203311, 25.480000}
		if !slices.Equal(energies, want) {
			t.Errorf("seed %d: last 7 days' energies %v, want %v", seed, energies, want)
		}
		if oneInterval != 1 || overADay != 1 {
			t.Errorf("seed %d: %d one-interval and %d over-a-day sessions, want 1 and 1", seed, oneInterval, overADay)
		}
	}
}

// TestActivityInvariants checks the coherence of the generated activity across its parts.
func TestActivityInvariants(t *testing.T) {
	s := New(Options{Stations: 1000})
	sessions := s.Sessions()
	users := map[string]User{}
	for _, u := range s.Users() {
		users[u.ID] = u
	}
	busy := map[portRef][]Session{}
	var active, short, long, anonymous int
	for i, sess := range sessions {
		if i > 0 && (sess.ID <= sessions[i-1].ID || sess.Start.Before(sessions[i-1].Start)) {
			t.Fatalf("sessions not in ID and start order at %d", i)
		}
		st, ok := s.Dataset().Station(sess.StationID)
		if !ok || sess.PortNumber < 1 || sess.PortNumber > len(st.Ports) {
			t.Fatalf("session %d on unknown station/port %s/%d", sess.ID, sess.StationID, sess.PortNumber)
		}
		port := st.Ports[sess.PortNumber-1]
		if port.Status == "UNREACHABLE" {
			t.Errorf("session %d on an UNREACHABLE port", sess.ID)
		}
		if sess.Start.Before(Now.Add(-30*24*time.Hour)) || sess.Start.After(Now) || (!sess.Active && sess.End.After(Now)) {
			t.Errorf("session %d outside the 30 days before Now: %v - %v", sess.ID, sess.Start, sess.End)
		}
		if sess.Charging > sess.Duration() || sess.Energy <= 0 {
			t.Errorf("session %d charges %v of %v for %v kWh", sess.ID, sess.Charging, sess.Duration(), sess.Energy)
		}
		if sess.UserID == "" {
			anonymous++
			if sess.CredentialID != "" || sess.TransactionID == 0 && !sess.Active {
				t.Errorf("anonymous session %d: credential %q, transaction %d", sess.ID, sess.CredentialID, sess.TransactionID)
			}
		} else if u, ok := users[sess.UserID]; !ok || !slices.Contains(u.CredentialIDs, sess.CredentialID) {
			t.Errorf("session %d: credential %s is not one of user %s's", sess.ID, sess.CredentialID, sess.UserID)
		}
		if sess.Active {
			active++
			if port.Status != "INUSE" || !sess.End.IsZero() || sess.EndedBy != "" {
				t.Errorf("active session %d on a %s port, end %v, endedBy %q", sess.ID, port.Status, sess.End, sess.EndedBy)
			}
		}
		if sess.Duration() <= 15*time.Minute {
			short++
		}
		if sess.Duration() > 24*time.Hour {
			long++
		}
		ref := portRef{sess.StationID, sess.PortNumber}
		for _, other := range busy[ref] {
			end := other.End
			if other.Active {
				end = Now
			}
			if sess.Start.Before(end) {
				t.Errorf("sessions %d and %d overlap on %v", other.ID, sess.ID, ref)
			}
		}
		busy[ref] = append(busy[ref], sess)
	}
	// Every INUSE port charges: exactly one active session, load > 0.
	inUse := 0
	for _, st := range s.Dataset().Stations() {
		load, _ := s.LoadOf(st.ID)
		sum := 0.0
		for i, p := range st.Ports {
			pl := load.Ports[i]
			sum += pl.Load
			if charging := p.Status == "INUSE"; charging != (pl.Load > 0) || charging != (pl.SessionID != 0) {
				t.Errorf("%s port %d (%s): load %v, session %d", st.ID, p.Number, p.Status, pl.Load, pl.SessionID)
			}
			if p.Status == "INUSE" {
				inUse++
				if sess, ok := s.Session(pl.SessionID); !ok || !sess.Active || sess.StationID != st.ID || sess.PortNumber != p.Number {
					t.Errorf("%s port %d: session %d is not its active session", st.ID, p.Number, pl.SessionID)
				}
			}
		}
		if math.Abs(load.Load-sum) > 1e-9 {
			t.Errorf("%s: station load %v, ports sum to %v", st.ID, load.Load, sum)
		}
	}
	if inUse != active || active == 0 || short == 0 || long == 0 || anonymous == 0 {
		t.Errorf("%d INUSE ports, %d active, %d short, %d long, %d anonymous sessions", inUse, active, short, long, anonymous)
	}

	// One transaction per paid, completed session, pointing back at it.
	txs := s.Transactions()
	for i, tx := range txs {
		sess, ok := s.Session(tx.SessionID)
		if !ok || sess.TransactionID != tx.ID || sess.Active || tx.Energy != sess.Energy || tx.GrossAmount <= 0 {
			t.Fatalf("transaction %+v does not match its session %+v", tx, sess)
		}
		if i > 0 && (tx.ID <= txs[i-1].ID || tx.Time.Before(txs[i-1].Time)) {
			t.Fatalf("transactions not in ID and time order at %d", i)
		}
		if math.Abs(tx.NetRevenue-(tx.GrossAmount-tx.ServiceFee)) > 0.005 || math.Abs(tx.NetAmount-(tx.GrossAmount-tx.TaxAmount)) > 0.005 {
			t.Errorf("transaction %d amounts do not add up: %+v", tx.ID, tx)
		}
	}

	// Fleet vehicles carry their driver's credentials; usage rows are the driver's completed sessions.
	vehicles := map[string]FleetVehicle{}
	for _, v := range s.FleetVehicles() {
		vehicles[v.ID] = v
		if u := users[v.UserID]; u.FleetVehicleID != v.ID || !reflect.DeepEqual(u.CredentialIDs, v.CredentialIDs) {
			t.Errorf("vehicle %s and its driver %+v disagree", v.ID, u)
		}
	}
	usage := s.FleetUsage()
	if len(vehicles) == 0 || len(usage) == 0 {
		t.Fatalf("%d vehicles, %d usage rows", len(vehicles), len(usage))
	}
	for _, row := range usage {
		sess, _ := s.Session(row.SessionID)
		v := vehicles[row.FleetVehicleID]
		if sess.Active || !slices.Contains(v.CredentialIDs, sess.CredentialID) || row.Energy != sess.Energy ||
			(row.TransactionID != sess.TransactionID && (sess.TransactionID != 0 || row.TransactionID != sess.ID)) {
			t.Errorf("usage row %+v does not match session %+v", row, sess)
		}
		if sess.VehicleMake != v.Make || sess.VehicleModel != v.Model || sess.VehicleModelYear != strconv.Itoa(v.Year) {
			t.Errorf("session %d of vehicle %s reports a %s %s %s", sess.ID, v.ID, sess.VehicleModelYear, sess.VehicleMake, sess.VehicleModel)
		}
		if row.SessionDuration >= 24*time.Hour {
			t.Errorf("usage row %s lasts %v: does not fit xsd:time", row.ID, row.SessionDuration)
		}
	}
}

// TestActivityIntervals: cumulative energy grows to the session's energy, one interval per started
// quarter hour.
func TestActivityIntervals(t *testing.T) {
	s := New(Options{})
	for _, sess := range s.Sessions() {
		iv, _ := s.FifteenMinuteData(sess.ID)
		want := int(math.Ceil(sess.Duration().Minutes() / 15))
		if len(iv) != max(1, want) {
			t.Fatalf("session %d of %v: %d intervals", sess.ID, sess.Duration(), len(iv))
		}
		last := iv[len(iv)-1]
		if last.EnergyConsumed != sess.Energy || !last.StationTime.Equal(sess.Start.Add(sess.Duration())) {
			t.Fatalf("session %d: last interval %+v, want %v kWh at the end", sess.ID, last, sess.Energy)
		}
		for k := 1; k < len(iv); k++ {
			if iv[k].EnergyConsumed < iv[k-1].EnergyConsumed || iv[k].StationTime.Sub(iv[k-1].StationTime) > 15*time.Minute {
				t.Fatalf("session %d: intervals %d and %d: %+v %+v", sess.ID, k-1, k, iv[k-1], iv[k])
			}
		}
		if iv[0].PeakPower <= 0 {
			t.Fatalf("session %d: no power in the first interval", sess.ID)
		}
	}
}

func TestActivityDeterminism(t *testing.T) {
	a, b, c := New(Options{Seed: 3}), New(Options{Seed: 3}), New(Options{Seed: 4})
	if !reflect.DeepEqual(a.Sessions(), b.Sessions()) || !reflect.DeepEqual(a.Users(), b.Users()) ||
		!reflect.DeepEqual(a.Alarms(), b.Alarms()) || !reflect.DeepEqual(a.Transactions(), b.Transactions()) ||
		!reflect.DeepEqual(a.FleetVehicles(), b.FleetVehicles()) || !reflect.DeepEqual(a.FleetUsage(), b.FleetUsage()) {
		t.Error("same options, different activity")
	}
	if reflect.DeepEqual(a.Sessions(), c.Sessions()) || reflect.DeepEqual(a.Users(), c.Users()) {
		t.Error("different seeds, same activity")
	}
}

// TestActivityIsLazy: a server that never answers an activity operation never builds the data.
func TestActivityIsLazy(t *testing.T) {
	s, url := startServer(t, Options{})
	if res := post(t, url, guideRequest); res.Status != 200 {
		t.Fatalf("HTTP %d", res.Status)
	}
	if s.activityData.data != nil {
		t.Fatal("activity built before use")
	}
	if len(s.Sessions()) == 0 || s.activityData.data == nil {
		t.Fatal("activity not built on use")
	}
}
