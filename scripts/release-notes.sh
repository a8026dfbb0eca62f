#!/usr/bin/env bash
# Prints the release notes of one version: the body of its "## [VERSION]" section of CHANGELOG.md,
# up to the next "## [" heading or the link references at the end. The release workflow passes them
# to goreleaser (--release-notes) as the GitHub release's body, and `make release-check` checks that
# they get there. VERSION is without the "v" ("1.2.0"), or "Unreleased".
#
#   scripts/release-notes.sh VERSION [CHANGELOG]
#
# Fails (exit 1) when the section is missing or empty.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 || -z $1 ]]; then
	echo "usage: $0 VERSION [CHANGELOG.md]" >&2
	exit 2
fi
version=$1
changelog=${2:-CHANGELOG.md}

notes=$(awk -v v="$version" '
	index($0, "## [" v "]") == 1 { keep = 1; next }
	/^## \[/ { keep = 0 }
	/^\[[^]]+\]: / { keep = 0 }
	keep
' "$changelog")

if ! grep -q '[^[:space:]]' <<<"$notes"; then
	echo "$0: no '## [$version]' section with content in $changelog" >&2
	exit 1
fi
printf '%s\n' "$notes"
