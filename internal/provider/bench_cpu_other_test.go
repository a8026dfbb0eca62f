//go:build !unix

package provider

import "time"

// processCPUTime is not measured here: BenchmarkFrameworkVsProtocol10k then reports no CPU ratio.
func processCPUTime() time.Duration { return 0 }
