#!/usr/bin/env bash
# `make test`: every suite, in order, then a summary. A failing suite does not stop the ones after it;
# the exit status is 1 when any failed.
#
# The GNUmakefile exports TERRAFORM_MIN_VERSION, TOFU_MIN_VERSION, TOFU_NEWEST_VERSION, TERRAFORM_MIN,
# TOFU_MIN and TOFU_NEWEST (the paths of the pinned CLIs in .tools/bin).
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit

logs="$(mktemp -d "${TMPDIR:-/tmp}/chargepoint-test.XXXXXX")"
trap 'rm -rf "$logs"' EXIT
start=$SECONDS
summary=()
failed=0

duration() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

# count LOG: what a suite checked, from go test's output.
count() {
	local log=$1 pass fail skip
	if grep -q '^=== RUN' "$log"; then # go test -v: count top-level tests
		pass=$(grep -c '^--- PASS' "$log")
		fail=$(grep -c '^--- FAIL' "$log")
		skip=$(grep -c '^--- SKIP' "$log")
		echo "$pass passed, $fail failed, $skip skipped"
	elif grep -qP '^(ok +|FAIL)\t' "$log"; then # go test ./...: count packages
		echo "$(grep -cP '^ok +\t' "$log") packages ok, $(grep -cP '^FAIL\t' "$log") failed"
	fi
}

# step NAME COMMAND...: runs COMMAND, showing and keeping its output, and records the outcome.
step() {
	local name=$1 t0=$SECONDS status what
	shift
	"$@" 2>&1 | tee "$logs/step.log"
	status=${PIPESTATUS[0]}
	what="$(count "$logs/step.log")"
	if ((status == 0)); then
		summary+=("$(printf '  PASS  %-48s %7s  %s' "$name" "$(duration $((SECONDS - t0)))" "$what")")
	else
		failed=1
		summary+=("$(printf '  FAIL  %-48s %7s  %s' "$name" "$(duration $((SECONDS - t0)))" "$what")")
	fi
}

m() { make --no-print-directory "$@"; }
version() { bash scripts/cli.sh version "$1"; }

step "unit tests (go test ./...)" m unit
# Build every pinned tool, two at a time (no-op when .tools/bin has them).
step "build CLIs and tools into .tools/bin (-j2)" m -j2 tools
step "acceptance: Terraform $TERRAFORM_MIN_VERSION (minimum, built)" bash scripts/acc.sh "$TERRAFORM_MIN"

# Any terraform or tofu on PATH is tested too, unless it is a version already tested above.
if tf="$(bash scripts/cli.sh on-path terraform "$TERRAFORM_MIN_VERSION")" &&
	[[ $(version "$tf") != "$TERRAFORM_MIN_VERSION" ]]; then
	step "acceptance: Terraform $(version "$tf") (on PATH)" bash scripts/acc.sh "$tf"
fi
step "acceptance: OpenTofu $TOFU_MIN_VERSION (minimum, built)" bash scripts/acc.sh "$TOFU_MIN"
step "acceptance: OpenTofu $TOFU_NEWEST_VERSION (newest, built)" bash scripts/acc.sh "$TOFU_NEWEST"
if tofu="$(bash scripts/cli.sh on-path tofu "$TOFU_MIN_VERSION")" &&
	[[ $(version "$tofu") != "$TOFU_MIN_VERSION" && $(version "$tofu") != "$TOFU_NEWEST_VERSION" ]]; then
	step "acceptance: OpenTofu $(version "$tofu") (on PATH)" bash scripts/acc.sh "$tofu"
fi

step "docs drift check (make docs-check)" m docs-check
step "lint (gofmt, golangci-lint)" m lint

echo
echo "==> make test summary ($(duration $((SECONDS - start))) in all)"
printf '%s\n' "${summary[@]}"
if ((failed)); then
	echo "==> make test FAILED"
	exit 1
fi
echo "==> make test passed"
