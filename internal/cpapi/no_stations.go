package cpapi

// selectsNoStation reports whether a station ID list is set but empty (station_ids = [], typically the
// IDs of an empty group): it matches nothing, so the operation returns an empty result without asking
// ChargePoint. A nil list (station_ids unset) is no filter.
func selectsNoStation(ids []String) bool { return ids != nil && len(ids) == 0 }
