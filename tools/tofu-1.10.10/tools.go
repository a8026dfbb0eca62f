//go:build tools

// Package tofu pins the OpenTofu CLI that the acceptance tests run against.
// `make tools` builds it from source into .tools/bin/tofu-1.10.10.
package tofu

import _ "github.com/opentofu/opentofu/cmd/tofu"
