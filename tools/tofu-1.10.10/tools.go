//go:build tools

// Package tofu pins the OpenTofu CLI that the acceptance tests run against.
// `make tools` builds it from source into .tools/bin/tofu.
package tofu

import _ "github.com/opentofu/opentofu/cmd/tofu"
