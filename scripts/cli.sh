#!/usr/bin/env bash
# Finds and describes the Terraform and OpenTofu CLIs the GNUmakefile runs.
#
#   cli.sh version CLI            prints the CLI's version (1.11.4), from `CLI version`
#   cli.sh on-path NAME MIN       prints the path of NAME (terraform or tofu) on PATH when its version
#                                 is at least MIN; exits 1, printing nothing, when there is none
#   cli.sh pick                   the CLI `make demo` and `make acc` use: terraform on PATH (>= TERRAFORM_MIN),
#                                 else tofu on PATH (>= TOFU_MIN); exits 1 when neither is there
#
# Binaries built into .tools/bin are never on PATH, so on-path only ever finds the user's own CLIs.
set -euo pipefail

# A TF_CLI_CONFIG_FILE naming a missing file makes every CLI run print a warning (OpenTofu: on stdout).
[[ -z ${TF_CLI_CONFIG_FILE:-} || -e $TF_CLI_CONFIG_FILE ]] || unset TF_CLI_CONFIG_FILE

# The first "Terraform v1.2.3" or "OpenTofu v1.2.3" line; awk reads to the end, so the CLI never gets SIGPIPE.
version_of() {
	"$1" version 2>/dev/null | awk '/^(Terraform|OpenTofu) v[0-9]/ && !found++ { sub(/^[A-Za-z]+ v/, ""); print $1 }'
}

# at_least A B: A >= B, comparing dotted versions numerically (1.10.0 > 1.9.9).
at_least() {
	[[ $(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1) == "$2" ]]
}

on_path() {
	local name=$1 min=$2 path version
	path="$(command -v "$name" 2>/dev/null)" || return 1
	version="$(version_of "$path")"
	[[ -n $version ]] && at_least "$version" "$min" || return 1
	echo "$path"
}

case "${1:-}" in
version)
	version_of "$2"
	;;
on-path)
	on_path "$2" "$3"
	;;
pick)
	on_path terraform "${TERRAFORM_MIN:?}" || on_path tofu "${TOFU_MIN:?}"
	;;
*)
	echo "usage: $0 version CLI | on-path NAME MIN | pick" >&2
	exit 2
	;;
esac
