#!/usr/bin/env bash
# Runs the acceptance tests (TestAcc*) on one Terraform or OpenTofu binary: acc.sh PATH-TO-CLI
# Called by the acc* targets of the GNUmakefile, which build or find the CLI first.
set -euo pipefail

cli="${1:?usage: acc.sh PATH-TO-CLI}"
[[ -x $cli ]] || {
	echo "acc: $cli is not an executable CLI" >&2
	exit 1
}

# A TF_CLI_CONFIG_FILE naming a missing file makes every CLI run print a warning (OpenTofu: on stdout).
[[ -z ${TF_CLI_CONFIG_FILE:-} || -e $TF_CLI_CONFIG_FILE ]] || unset TF_CLI_CONFIG_FILE

# "Terraform v1.5.7" or "OpenTofu v1.12.6"; awk reads to the end, so the CLI never gets SIGPIPE.
first_line="$("$cli" version 2>/dev/null | awk '/^(Terraform|OpenTofu) v[0-9]/ && !found++')"
[[ -n $first_line ]] || {
	echo "acc: $cli version printed no Terraform or OpenTofu version" >&2
	exit 1
}
echo
echo "==> Acceptance tests on $first_line ($cli)"

# terraform-plugin-testing writes provider sources as registry.terraform.io/hashicorp/<name> unless told
# otherwise; OpenTofu resolves unqualified providers in registry.opentofu.org.
if [[ $first_line == OpenTofu* ]]; then
	export TF_ACC_PROVIDER_HOST=registry.opentofu.org TF_ACC_PROVIDER_NAMESPACE=hashicorp
else
	unset TF_ACC_PROVIDER_HOST TF_ACC_PROVIDER_NAMESPACE
fi

export TF_ACC=1 TF_ACC_TERRAFORM_PATH="$cli" CHECKPOINT_DISABLE=1
exec go test ./internal/provider/ -run '^TestAcc' -count=1 -timeout 30m -v
