#!/usr/bin/env bash
# `make test`: every suite, in order, then a summary. A failing suite does not stop the ones after it;
# the exit status is 1 when any failed.
#
# The GNUmakefile exports TERRAFORM_MIN_VERSION, TOFU_MIN_VERSION, TOFU_NEWEST_VERSION, TERRAFORM_MIN,
# TOFU_MIN and TOFU_NEWEST (the paths of the pinned CLIs in .tools/bin), and TERRAFORM_ACTIONS_VERSION,
# TERRAFORM_ACTIONS and TERRAFORM_ACTIONS_SRC: Terraform 1.15.9 (actions and list resources need >= 1.14),
# built from a source archive that may be absent; its suite then shows as SKIP in the summary.
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

# record NAME STATUS SECONDS LOG: one summary line.
record() {
	local result=PASS
	(($2 == 0)) || {
		result=FAIL
		failed=1
	}
	summary+=("$(printf '  %s  %-48s %7s  %s' "$result" "$1" "$(duration "$3")" "$(count "$4")")")
}

# skip NAME REASON: a summary line for a suite that could not run.
skip() {
	summary+=("$(printf '  SKIP  %s: skipped, %s' "$1" "$2")")
}

# step NAME COMMAND...: runs COMMAND, showing and keeping its output, and records the outcome.
step() {
	local name=$1 t0=$SECONDS status
	shift
	"$@" 2>&1 | tee "$logs/step.log"
	status=${PIPESTATUS[0]}
	record "$name" "$status" $((SECONDS - t0)) "$logs/step.log"
}

# The acceptance suites mostly wait on CLI processes, not on CPU, so they run ACC_JOBS at a time
# (default: all at once); each one's output is shown, in order, when all have finished.
acc_names=()
acc_clis=()
acc() {
	acc_names+=("$1")
	acc_clis+=("$2")
}
run_acc() {
	local i n=${#acc_clis[@]} jobs=${ACC_JOBS:-${#acc_clis[@]}}
	echo
	echo "==> Acceptance tests on $n CLIs, $jobs at a time (each one's output follows when all have finished)"
	for ((i = 0; i < n; i++)); do
		while (($(jobs -rp | wc -l) >= jobs)); do wait -n || true; done
		(
			t0=$SECONDS
			bash scripts/acc.sh "${acc_clis[i]}" >"$logs/acc-$i.log" 2>&1
			echo "$? $((SECONDS - t0))" >"$logs/acc-$i.result"
		) &
	done
	wait
	for ((i = 0; i < n; i++)); do
		cat "$logs/acc-$i.log"
		read -r status secs <"$logs/acc-$i.result"
		record "${acc_names[i]}" "$status" "$secs" "$logs/acc-$i.log"
	done
}

m() { make --no-print-directory "$@"; }
version() { bash scripts/cli.sh version "$1"; }

step "unit tests (go test -race ./...)" m unit
# Build every pinned tool, two at a time (no-op when .tools/bin has them).
# `make tools` includes Terraform $TERRAFORM_ACTIONS_VERSION when its source archive is there. -k: a failed
# build of it does not stop the others; it fails this step only under CI=true (elsewhere its suite is
# reported as skipped, with the reason).
actions_name="Terraform $TERRAFORM_ACTIONS_VERSION (actions, list resources)"
tools() {
	local status=0 tool
	m -k -j2 tools || status=$?
	for tool in "$TERRAFORM_MIN" "$TOFU_MIN" "$TOFU_NEWEST" .tools/bin/tfplugindocs .tools/bin/golangci-lint; do
		[[ -x $tool ]] || return 1
	done
	if [[ -f $TERRAFORM_ACTIONS_SRC && ! -x $TERRAFORM_ACTIONS ]]; then
		echo "ERROR: building $actions_name from $TERRAFORM_ACTIONS_SRC failed"
		[[ ${CI:-} == true ]] && return 1
		return 0
	fi
	return "$status"
}
step "build CLIs and tools into .tools/bin (-j2)" tools
acc "acceptance: Terraform $TERRAFORM_MIN_VERSION (minimum, built)" "$TERRAFORM_MIN"
if [[ -x $TERRAFORM_ACTIONS ]]; then
	acc "acceptance: $actions_name" "$TERRAFORM_ACTIONS"
elif [[ -f $TERRAFORM_ACTIONS_SRC ]]; then
	skip "acceptance: $actions_name" "building it from $TERRAFORM_ACTIONS_SRC failed (see the tools step)"
else
	skip "acceptance: $actions_name" "$TERRAFORM_ACTIONS_SRC not found"
fi

# Any terraform or tofu on PATH is tested too, unless it is a version already tested above.
if tf="$(bash scripts/cli.sh on-path terraform "$TERRAFORM_MIN_VERSION")" &&
	[[ $(version "$tf") != "$TERRAFORM_MIN_VERSION" && ! ($(version "$tf") == "$TERRAFORM_ACTIONS_VERSION" && -x $TERRAFORM_ACTIONS) ]]; then
	acc "acceptance: Terraform $(version "$tf") (on PATH)" "$tf"
fi
acc "acceptance: OpenTofu $TOFU_MIN_VERSION (minimum, built)" "$TOFU_MIN"
acc "acceptance: OpenTofu $TOFU_NEWEST_VERSION (newest, built)" "$TOFU_NEWEST"
if tofu="$(bash scripts/cli.sh on-path tofu "$TOFU_MIN_VERSION")" &&
	[[ $(version "$tofu") != "$TOFU_MIN_VERSION" && $(version "$tofu") != "$TOFU_NEWEST_VERSION" ]]; then
	acc "acceptance: OpenTofu $(version "$tofu") (on PATH)" "$tofu"
fi
run_acc

step "docs drift check (make docs-check)" m docs-check
step "release check (make release-check: signed, verified)" m release-check
step "lint (gofmt, golangci-lint)" m lint

echo
echo "==> make test summary ($(duration $((SECONDS - start))) in all)"
printf '%s\n' "${summary[@]}"
if ((failed)); then
	echo "==> make test FAILED"
	exit 1
fi
echo "==> make test passed"
