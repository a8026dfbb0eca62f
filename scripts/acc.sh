#!/usr/bin/env bash
# Runs the acceptance tests (TestAcc*) on one Terraform or OpenTofu binary: acc.sh PATH-TO-CLI
# Called by the acc* targets of the GNUmakefile, which build or find the CLI first.
set -euo pipefail

cli="${1:?usage: acc.sh PATH-TO-CLI}"
[[ -x $cli ]] || {
	echo "acc: $cli is not an executable CLI" >&2
	exit 1
}

first_line="$("$cli" version 2>/dev/null | head -n 1)"
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
