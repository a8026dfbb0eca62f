package provider

import (
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/chargepoint-community/terraform-provider-chargepoint/internal/cpapi"
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

// resolvePaging returns MaxConcurrentRequests and MaxRecords after the environment fallbacks; every
// error names the attribute or variable to fix.
func resolvePaging(cfg providerModel, getenv func(string) string) (cpapi.Config, error) {
	var out cpapi.Config
	n, err := int64Setting(cfg.MaxConcurrentRequests, "max_concurrent_requests", getenv, envMaxConcurrentRequests, cpapi.DefaultMaxConcurrentRequests)
	if err != nil {
		return out, err
	}
	if n < 1 || n > maxMaxConcurrentRequests {
		return out, fmt.Errorf("max_concurrent_requests is %d; it must be between 1 and %d", n, maxMaxConcurrentRequests)
	}
	out.MaxConcurrentRequests = int(n)
	if out.MaxRecords, err = int64Setting(cfg.MaxRecords, "max_records", getenv, envMaxRecords, cpapi.DefaultMaxRecords); err != nil {
		return out, err
	}
	if out.MaxRecords < minMaxRecords {
		return out, fmt.Errorf("max_records is %d; it must be at least %d", out.MaxRecords, minMaxRecords)
	}
	return out, nil
}

func int64Setting(v types.Int64, attribute string, getenv func(string) string, env string, def int64) (int64, error) {
	switch {
	case !v.IsNull():
		return v.ValueInt64(), nil
	case getenv(env) != "":
		n, err := strconv.ParseInt(getenv(env), 10, 64)
		if err != nil {
			return 0, fmt.Errorf("%s=%q is not a whole number (it sets %s)", env, getenv(env), attribute)
		}
		return n, nil
	}
	return def, nil
}
