#!/usr/bin/env bash
# Runs examples/demo with the freshly built provider against the bundled ChargePoint simulator.
#
# Called by `make demo`, which builds bin/terraform-provider-chargepoint and bin/chargepoint-simulator and
# sets TERRAFORM to the CLI to run: terraform (or tofu) on PATH, or one it built into .tools/bin only when
# PATH has none recent enough. This script builds nothing. It works in a temporary directory
# (CLI config, a copy of examples/demo, state) so the repository stays clean, and always stops the
# simulator it started.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TERRAFORM="${TERRAFORM:-$(command -v terraform || command -v tofu || true)}"
SIMULATOR="$ROOT/bin/chargepoint-simulator"
PROVIDER="$ROOT/bin/terraform-provider-chargepoint"
WAIT_SECONDS="${DEMO_WAIT_SECONDS:-30}"

# The simulator's built-in demo credentials (any values work, as long as both sides agree).
LICENSE_KEY="0123456789abcdef0123456789abcdef0123456789abcdef0123456"
PASSWORD="0123456789abcdef0123456789abcdef"

die() {
	echo "demo: error: $*" >&2
	exit 1
}

[[ -n $TERRAFORM ]] || die "no terraform or tofu on PATH; run 'make demo', which builds one"
for f in "$TERRAFORM" "$SIMULATOR" "$PROVIDER"; do
	[[ -x $f ]] || die "$f is missing; run 'make demo', which builds it first"
done

work="$(mktemp -d "${TMPDIR:-/tmp}/chargepoint-demo.XXXXXX")"
sim_pid=""

cleanup() {
	local status=$?
	if [[ -n $sim_pid ]] && kill -0 "$sim_pid" 2>/dev/null; then
		kill -TERM "$sim_pid" 2>/dev/null || true
		wait "$sim_pid" 2>/dev/null || true
	fi
	if [[ $status -ne 0 && -s $work/simulator.log ]]; then
		echo "demo: simulator log (last 20 lines):" >&2
		tail -n 20 "$work/simulator.log" >&2
	fi
	rm -rf "$work"
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- Start the simulator --------------------------------------------------------------------------

echo "==> Starting the ChargePoint simulator"
"$SIMULATOR" -url-file "$work/url" -license-key "$LICENSE_KEY" -password "$PASSWORD" \
	>"$work/simulator.log" 2>&1 &
sim_pid=$!

url=""
deadline=$((SECONDS + WAIT_SECONDS))
while :; do
	if [[ -s $work/url ]]; then
		url="$(head -n 1 "$work/url" | tr -d '[:space:]')"
		[[ $url == http*://*/webservices/* ]] && break
	fi
	kill -0 "$sim_pid" 2>/dev/null || die "the simulator exited before it was listening"
	((SECONDS < deadline)) || die "the simulator did not write its URL to $work/url within ${WAIT_SECONDS}s (set DEMO_WAIT_SECONDS to wait longer)"
	sleep 0.1
done
echo "    listening at $url"

# --- Point Terraform at the built provider and the simulator --------------------------------------

# dev_overrides loads the provider straight from bin/. Terraform's `init` still resolves every provider
# through the installation methods, so a filesystem mirror holding the same binary lets init succeed
# without any registry (chargepoint-community/chargepoint is never fetched from the network).
# Terraform looks for it under registry.terraform.io, OpenTofu under registry.opentofu.org.
platform="$(go env GOOS)_$(go env GOARCH)"
for host in registry.terraform.io registry.opentofu.org; do
	mirror="$work/mirror/$host/chargepoint-community/chargepoint/0.0.1/$platform"
	mkdir -p "$mirror"
	cp "$PROVIDER" "$mirror/terraform-provider-chargepoint_v0.0.1"
done

cat >"$work/terraform.tfrc" <<EOF
provider_installation {
  dev_overrides {
    "chargepoint-community/chargepoint" = "$ROOT/bin"
  }
  filesystem_mirror {
    path    = "$work/mirror"
    include = ["registry.terraform.io/chargepoint-community/chargepoint", "registry.opentofu.org/chargepoint-community/chargepoint"]
  }
}
EOF

mkdir "$work/demo"
cp "$ROOT"/examples/demo/*.tf "$work/demo/"

export TF_CLI_CONFIG_FILE="$work/terraform.tfrc"
export CHARGEPOINT_ENDPOINT="$url"
export CHARGEPOINT_LICENSE_KEY="$LICENSE_KEY"
export CHARGEPOINT_PASSWORD="$PASSWORD"
export CHECKPOINT_DISABLE=1
unset CHARGEPOINT_REGION TF_DATA_DIR TF_WORKSPACE # would conflict with the demo's endpoint or working dir

color=()
[[ -t 1 ]] || color=(-no-color)

echo "==> $("$TERRAFORM" version | head -n 1), provider from bin/ (dev_overrides)"

echo "==> $(basename "$TERRAFORM") init"
"$TERRAFORM" -chdir="$work/demo" init -input=false ${color[@]+"${color[@]}"} >"$work/init.log" 2>&1 ||
	{ cat "$work/init.log" >&2; die "$(basename "$TERRAFORM") init failed"; }
grep -E 'Installed|successfully initialized' "$work/init.log" | sed 's/^/    /'

echo "==> $(basename "$TERRAFORM") apply examples/demo (public stations within 1 mile of 1692 Dell Avenue, Campbell, CA)"
"$TERRAFORM" -chdir="$work/demo" apply -auto-approve -input=false -compact-warnings ${color[@]+"${color[@]}"}
