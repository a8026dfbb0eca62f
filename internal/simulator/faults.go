package simulator

import (
	"fmt"
	"slices"
	"strconv"
	"time"
)

// Fault is an active station fault (getStationActiveFaults stationFault). A station has active faults
// exactly when one of its ports has a FaultReason, i.e. is UNREACHABLE or UNKNOWN.
type Fault struct {
	Code, Name  string
	Time        time.Time
	Severity    string // Critical, Major or Minor
	Description string
	Remedy      string
	FRUs        []FRU // at least one
}

// FRU is a field-replaceable unit involved in a fault.
type FRU struct {
	ID, Name                         string
	PartNumber, SerialNumber         string
	SoftwareVersion, HardwareVersion string
	Faults                           []FRUFault // at least one
}

// FRUFault is a fault reported by one FRU.
type FRUFault struct {
	Code, Name  string
	Time        time.Time
	Severity    string
	Description string
	Remedy      string
}

// faultKind is an entry of the fault catalogue. ChargePoint publishes no fault codes; these are the
// simulator's.
type faultKind struct {
	Code, Name, Severity, Description, Remedy string
	FRUs                                      []fruKind // the first always takes part, the second sometimes
}

type fruKind struct {
	Name, PartNumber, SerialPrefix, Software, Hardware string
	Fault                                              FRUFault // Time is set per occurrence
}

var (
	faultUnreachable = faultKind{Code: "1001", Name: "Network Communication Failure", Severity: "Critical",
		Description: "The station has not communicated with ChargePoint for more than 24 hours.",
		Remedy:      "Check power to the station and its cellular or Wi-Fi connection, then power-cycle it.",
		FRUs: []fruKind{
			{Name: "Modem", PartNumber: "75-000412-02", SerialPrefix: "MD", Software: "3.2.7", Hardware: "B2",
				Fault: FRUFault{Code: "MD-110", Name: "Modem Not Registered", Severity: "Critical",
					Description: "The modem is not registered on the cellular network.", Remedy: "Replace the SIM card or the modem."}},
			{Name: "Power Supply", PartNumber: "75-000387-01", SerialPrefix: "PS", Software: "1.0.4", Hardware: "A1",
				Fault: FRUFault{Code: "PS-201", Name: "Input Voltage Lost", Severity: "Major",
					Description: "The power supply reports no input voltage.", Remedy: "Check the circuit breaker feeding the station."}},
		}}
	faultPowerModule = faultKind{Code: "3002", Name: "Power Module Not Responding", Severity: "Critical",
		Description: "A port's power module stopped responding to the station controller.",
		Remedy:      "Power-cycle the station; replace the power module if the fault persists.",
		FRUs: []fruKind{
			{Name: "Power Module", PartNumber: "75-000520-03", SerialPrefix: "PM", Software: "2.4.1", Hardware: "C1",
				Fault: FRUFault{Code: "PM-301", Name: "No Response", Severity: "Critical",
					Description: "The power module does not answer on the internal bus.", Remedy: "Replace the power module."}},
			{Name: "Control Board", PartNumber: "75-000233-05", SerialPrefix: "CB", Software: "4.10.2", Hardware: "D3",
				Fault: FRUFault{Code: "CB-201", Name: "Internal Bus Error", Severity: "Major",
					Description: "Repeated errors on the internal bus.", Remedy: "Reseat the bus cable; replace the control board if the fault persists."}},
		}}
	// portFaults are what an UNKNOWN port reports.
	portFaults = []faultKind{
		{Code: "2004", Name: "Ground Fault", Severity: "Major",
			Description: "A ground fault (GFCI trip) stopped charging on the port.",
			Remedy:      "Inspect the cable and the vehicle inlet, then reset the port.",
			FRUs: []fruKind{
				{Name: "Power Module", PartNumber: "75-000520-03", SerialPrefix: "PM", Software: "2.4.1", Hardware: "C1",
					Fault: FRUFault{Code: "PM-302", Name: "GFCI Trip", Severity: "Major",
						Description: "Leakage current above 20 mA.", Remedy: "Reset the port; replace the power module after repeated trips."}},
				{Name: "Charging Cable", PartNumber: "75-000611-01", SerialPrefix: "CC", Software: "", Hardware: "A2",
					Fault: FRUFault{Code: "CC-120", Name: "Insulation Fault", Severity: "Major",
						Description: "The cable's insulation resistance is too low.", Remedy: "Replace the charging cable."}},
			}},
		{Code: "2011", Name: "Over Current", Severity: "Major",
			Description: "The vehicle drew more current than the port allows.",
			Remedy:      "Reset the port; if it recurs with several vehicles, replace the power module.",
			FRUs: []fruKind{
				{Name: "Power Module", PartNumber: "75-000520-03", SerialPrefix: "PM", Software: "2.4.1", Hardware: "C1",
					Fault: FRUFault{Code: "PM-315", Name: "Over-Current Trip", Severity: "Major",
						Description: "Current above the configured maximum for more than 5 seconds.", Remedy: "Reset the port."}},
			}},
		{Code: "2020", Name: "Pilot Signal Error", Severity: "Minor",
			Description: "The control pilot signal is out of range.",
			Remedy:      "Inspect the connector pins and the cable.",
			FRUs: []fruKind{
				{Name: "Control Board", PartNumber: "75-000233-05", SerialPrefix: "CB", Software: "4.10.2", Hardware: "D3",
					Fault: FRUFault{Code: "CB-207", Name: "Pilot Voltage Out of Range", Severity: "Minor",
						Description: "Pilot voltage outside the J1772/IEC 61851 bands.", Remedy: "Replace the control board."}},
				{Name: "Charging Cable", PartNumber: "75-000611-01", SerialPrefix: "CC", Software: "", Hardware: "A2",
					Fault: FRUFault{Code: "CC-133", Name: "Pilot Wire Open", Severity: "Minor",
						Description: "No continuity on the pilot wire.", Remedy: "Replace the charging cable."}},
			}},
	}
	faultDisplay = faultKind{Code: "4007", Name: "Display Failure", Severity: "Minor",
		Description: "The station display is blank or unreadable.",
		Remedy:      "Replace the display assembly.",
		FRUs: []fruKind{
			{Name: "Display", PartNumber: "75-000150-02", SerialPrefix: "DS", Software: "1.3.0", Hardware: "B1",
				Fault: FRUFault{Code: "DS-401", Name: "Backlight Failure", Severity: "Minor",
					Description: "The display backlight draws no current.", Remedy: "Replace the display assembly."}},
		}}
)

// newFault instantiates kind at time at for station s; all lists it uses are fresh. withSecond says
// whether the kind's second FRU (if any) takes part. n numbers the station's FRUs, for unique IDs.
func newFault(kind faultKind, s *Station, at time.Time, withSecond bool, n *int) Fault {
	f := Fault{Code: kind.Code, Name: kind.Name, Time: at, Severity: kind.Severity,
		Description: kind.Description, Remedy: kind.Remedy}
	frus := kind.FRUs[:1]
	if withSecond {
		frus = kind.FRUs
	}
	for k, fk := range frus {
		*n++
		ff := fk.Fault
		ff.Time = at.Add(-time.Duration(k+1) * time.Second) // the FRU reports just before the station does
		f.FRUs = append(f.FRUs, FRU{
			ID: s.SerialNum + "-" + strconv.Itoa(*n), Name: fk.Name, PartNumber: fk.PartNumber,
			SerialNumber:    fmt.Sprintf("%s%s%02d", fk.SerialPrefix, s.SerialNum, *n),
			SoftwareVersion: fk.Software, HardwareVersion: fk.Hardware,
			Faults: []FRUFault{ff},
		})
	}
	return f
}

// generateFaults sets the FaultReason of the generated station's UNREACHABLE and UNKNOWN ports and
// returns its active faults (none, one or two).
func generateFaults(s *Station, r *rng) []Fault {
	var faults []Fault
	n := 0
	display := r.chance(0.3)
	for j := range s.Ports {
		p := &s.Ports[j]
		second := r.chance(0.5)
		kind := pick(r, portFaults)
		minutes := r.between(5, 360)
		switch {
		case p.Status == "UNREACHABLE":
			p.FaultReason = faultUnreachable.Name
			if len(faults) == 0 { // one fault for the whole station
				faults = append(faults, newFault(faultUnreachable, s, p.TimeStamp.Add(24*time.Hour), second, &n))
			}
		case p.Status == "UNKNOWN" && len(faults) < 2:
			p.FaultReason = kind.Name
			faults = append(faults, newFault(kind, s, p.TimeStamp.Add(-time.Duration(minutes)*time.Minute), second, &n))
		case p.Status == "UNKNOWN": // at most two faults: a third faulted port shares the last one
			p.FaultReason = faults[len(faults)-1].Name
		}
	}
	if len(faults) == 1 && display {
		faults = append(faults, newFault(faultDisplay, s, faults[0].Time.Add(-time.Hour), false, &n))
	}
	slices.SortStableFunc(faults, func(a, b Fault) int { return a.Time.Compare(b.Time) })
	return faults
}

// ActiveFaults returns the active faults of a station, oldest first (none for an unknown station or one
// without faults). The FRU slices are shared with the data set and must not be modified.
func (d *Dataset) ActiveFaults(stationID string) []Fault {
	i, ok := d.byID[stationID]
	if !ok {
		return nil
	}
	return slices.Clone(d.stations[i].Faults)
}
