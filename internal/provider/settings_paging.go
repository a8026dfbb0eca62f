package provider

import (
	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/soap"
)

// Environment variables of the paging settings.
const (
	envMaxConcurrentRequests = "CHARGEPOINT_MAX_CONCURRENT_REQUESTS"
	envMaxRecords            = "CHARGEPOINT_MAX_RECORDS"
)

const (
	maxMaxConcurrentRequests = 32
	minMaxRecords            = 1
)

const pagingDescriptionConcurrent = "Most requests in flight at once, all data sources of this provider together. A paged read " +
	"asks for pages ahead in rounds that grow while pages come back full: the first page alone, then two, then four, up to " +
	"this many (ChargePoint reports no total, so the rest of the last round is requested past the end and ignored); the result " +
	"is the same as reading page by page. `1` reads page by page. Default `5`, at most `32`. Identical requests (same operation " +
	"and query) are made once per run: data sources with the same arguments, and the pages they share, cost one call. " +
	"Defaults to the `" + envMaxConcurrentRequests + "` environment variable."

const pagingDescriptionRecords = "Most records one read returns: a read that reaches it (a server that keeps announcing more " +
	"pages) fails with an error naming the operation. Default `1000000`. Defaults to the `" + envMaxRecords + "` environment variable."

var (
	maxConcurrentRequestsSetting = intSetting{attribute: "max_concurrent_requests", env: envMaxConcurrentRequests,
		def: soap.DefaultMaxConcurrentRequests, min: 1, max: maxMaxConcurrentRequests}
	maxRecordsSetting = intSetting{attribute: "max_records", env: envMaxRecords, def: cpapi.DefaultMaxRecords, min: minMaxRecords}
)

// resolvePaging returns MaxConcurrentRequests and MaxRecords after the environment fallbacks; every
// error names the attribute or variable to fix.
func resolvePaging(cfg providerModel, getenv func(string) string) (cpapi.Config, error) {
	var out cpapi.Config
	n, err := maxConcurrentRequestsSetting.resolve(cfg.MaxConcurrentRequests, getenv)
	if err != nil {
		return out, err
	}
	out.MaxConcurrentRequests = int(n)
	if out.MaxRecords, err = maxRecordsSetting.resolve(cfg.MaxRecords, getenv); err != nil {
		return out, err
	}
	return out, nil
}
