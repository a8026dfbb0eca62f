package simulator

import "slices"

// Station rights profiles the API key holds on groups (Group.RightsProfiles).
const (
	profileNetworkManager = "network_manager"
	profileStationViewer  = "station_viewer"
)

// RightsProfile is a station rights profile and the tasks it allows (getStationRightsProfile).
type RightsProfile struct {
	Name  string
	Tasks []Task
}

// Task is one task of a rights profile.
type Task struct {
	Name, Description string
}

// rightsProfiles, sorted by name. ChargePoint documents no profile or task names beyond
// "network_manager"; the tasks are the simulator's.
var rightsProfiles = []RightsProfile{
	{Name: profileNetworkManager, Tasks: []Task{
		{"View Station Details", "View station information, status and configuration."},
		{"Manage Station Configuration", "Change station settings such as name, description and access control."},
		{"Manage Pricing", "Create pricing policies and assign them to stations."},
		{"Manage Power", "Shed and restore station load (demand response)."},
		{"Manage Alarms", "View and clear station alarms."},
		{"View Session Data", "View charging sessions and usage reports."},
	}},
	{Name: profileStationViewer, Tasks: []Task{
		{"View Station Details", "View station information, status and configuration."},
		{"View Session Data", "View charging sessions and usage reports."},
	}},
}

// RightsProfiles returns every station rights profile, sorted by name. The Tasks slices are shared and
// must not be modified.
func (d *Dataset) RightsProfiles() []RightsProfile { return slices.Clone(rightsProfiles) }

func rightsProfile(name string) (RightsProfile, bool) {
	for _, p := range rightsProfiles {
		if p.Name == name {
			return p, true
		}
	}
	return RightsProfile{}, false
}
