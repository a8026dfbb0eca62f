#!/usr/bin/env bash
# make release-check: a release as the release workflow makes it, published to a fake GitHub on
# loopback, then checked the way the Terraform Registry and a user check it.
#
#  1. goreleaser check.
#  2. A throwaway GPG key in a temporary GNUPGHOME (no passphrase) and GPG_FINGERPRINT set to it.
#  3. The release notes from CHANGELOG.md by scripts/release-notes.sh (the workflow's own script): the
#     [Unreleased] section, else the newest one with content.
#  4. `goreleaser release --release-notes <notes>` with .goreleaser.yml as it is (builds, archives,
#     checksum, signs, release), except that GitHub is internal/fakegithub on 127.0.0.1 and, unless
#     RELEASE_CHECK_ALL_TARGETS=1, only the host platform is built. It is not a --snapshot: a snapshot
#     skips the changelog step (so it never sees the notes) and the publishing. The tag is
#     v0.0.0-release-check, given by GORELEASER_CURRENT_TAG and never created; --skip=validate lets
#     it run on a work tree with changes.
#  5. Checks of what was uploaded: the release body is the notes; gpg --verify of the SHA256SUMS
#     signature by the throwaway key; sha256sum -c of every file SHA256SUMS lists; every zip and the
#     manifest listed and uploaded; the signature itself not listed (a checksums file that lists its own
#     signature was changed after it was signed: goreleaser 2.15.x did that).
#
# Needs go, git and gpg. GORELEASER is the goreleaser to run (the GNUmakefile passes its pinned one).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

GORELEASER=${GORELEASER:-.tools/bin/goreleaser}
TAG=v0.0.0-release-check

missing=
for tool in go git gpg gpgconf; do
	command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [[ -n $missing ]]; then
	echo "ERROR: release-check needs:$missing (gpg and gpgconf: apt-get install gnupg)" >&2
	exit 1
fi
if command -v sha256sum >/dev/null 2>&1; then
	sha256check() { sha256sum --strict -c "$@"; }
else
	sha256check() { shasum -a 256 -c "$@"; }
fi
if grep -q '^github_urls:' .goreleaser.yml; then
	echo "ERROR: .goreleaser.yml sets github_urls, which release-check replaces with its fake GitHub" >&2
	exit 1
fi

echo "==> goreleaser check ($("$GORELEASER" --version 2>/dev/null | awk '/^GitVersion:/ { print $2 }'))"
"$GORELEASER" check

tmp=$(mktemp -d "${TMPDIR:-/tmp}/release-check.XXXXXX")
server_pid=
cleanup() {
	if [[ -n $server_pid ]]; then
		kill "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
	fi
	GNUPGHOME="$tmp/gnupg" gpgconf --kill all 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT

echo "==> Throwaway GPG key"
export GNUPGHOME="$tmp/gnupg"
mkdir -m 700 "$GNUPGHOME"
# RSA, as the Terraform Registry accepts; no passphrase, so --batch signing needs no agent prompt.
if ! gpg --batch --pinentry-mode loopback --passphrase '' \
	--quick-gen-key "terraform-provider-chargepoint release-check (throwaway) <release-check@example.invalid>" \
	rsa3072 sign never 2>"$tmp/gpg-gen"; then
	cat "$tmp/gpg-gen" >&2
	exit 1
fi
GPG_FINGERPRINT=$(gpg --batch --with-colons --list-secret-keys | awk -F: '$1 == "fpr" { print $10; exit }')
export GPG_FINGERPRINT
echo "    $GPG_FINGERPRINT"

echo "==> Release notes from CHANGELOG.md"
notes="$tmp/release-notes.md"
notes_version=
for v in $(sed -n 's/^## \[\([^]]*\)\].*/\1/p' CHANGELOG.md); do
	if bash scripts/release-notes.sh "$v" >"$notes" 2>/dev/null; then
		notes_version=$v
		break
	fi
done
if [[ -z $notes_version ]]; then
	echo "ERROR: CHANGELOG.md has no '## [...]' section with content" >&2
	exit 1
fi
echo "    [$notes_version]: $(wc -l <"$notes") lines"

echo "==> Fake GitHub on loopback"
go build -o "$tmp/fakegithub" ./internal/fakegithub
gh="$tmp/github"
"$tmp/fakegithub" -out "$gh" &
server_pid=$!
for _ in $(seq 100); do
	[[ -s $gh/url ]] && break
	kill -0 "$server_pid" 2>/dev/null || { echo "ERROR: fakegithub exited" >&2; exit 1; }
	sleep 0.1
done
base=$(cat "$gh/url")
echo "    $base"

# .goreleaser.yml with GitHub replaced and, unless RELEASE_CHECK_ALL_TARGETS=1, one target (`targets`
# replaces the goos/goarch matrix of the first build); nothing else changes.
config="$tmp/goreleaser.yml"
if [[ ${RELEASE_CHECK_ALL_TARGETS:-} == 1 ]]; then
	cp .goreleaser.yml "$config"
	echo "==> All targets"
else
	target="$(go env GOOS)_$(go env GOARCH)"
	awk -v target="$target" '
		/^[a-z_]+:/ { in_builds = ($0 ~ /^builds:/) }
		in_builds && !done && sub(/^  - /, "  - targets: [\"" target "\"]\n    ") { done = 1 }
		{ print }
		END { exit !done }
	' .goreleaser.yml >"$config" || { echo "ERROR: no build in .goreleaser.yml to limit to $target" >&2; exit 1; }
	echo "==> Host platform only ($target; RELEASE_CHECK_ALL_TARGETS=1 builds them all)"
fi
cat >>"$config" <<EOF

github_urls:
  api: ${base}api/v3/
  upload: ${base}api/uploads/
  download: ${base}
EOF

# goreleaser reads the remote URL; a checkout without one gets the project's, for this run only.
git_env=()
if [[ -z $(git remote) ]]; then
	git_env=(GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=remote.origin.url
		GIT_CONFIG_VALUE_0=https://github.com/chargepoint-community/terraform-provider-chargepoint.git)
fi

echo "==> goreleaser release $TAG (signed, published to the fake GitHub)"
env -u GITLAB_TOKEN -u GITEA_TOKEN -u GORELEASER_PREVIOUS_TAG "${git_env[@]}" \
	GITHUB_TOKEN=release-check GORELEASER_CURRENT_TAG="$TAG" \
	"$GORELEASER" release --config "$config" --clean --skip=validate --release-notes "$notes"

echo "==> Checking what was published"
fail=0
error() {
	echo "ERROR: $*" >&2
	fail=1
}
if [[ -s $gh/unexpected.log ]]; then
	error "goreleaser made requests the fake GitHub does not serve:"
	sed 's/^/    /' "$gh/unexpected.log" >&2
fi
if [[ ! -f $gh/body.md ]]; then
	error "no release was created"
elif ! diff -u <(printf '%s\n' "$(cat "$notes")") <(printf '%s\n' "$(cat "$gh/body.md")") >"$tmp/body.diff"; then
	# (goreleaser's body template ends in a newline: trailing newlines are not compared)
	error "the release body is not the [$notes_version] notes of CHANGELOG.md:"
	head -20 "$tmp/body.diff" >&2
else
	echo "    release body: the [$notes_version] notes ($(wc -c <"$gh/body.md") bytes)"
fi
grep -q '"draft":false' "$gh/updates.json" 2>/dev/null || error "the draft release was never published"

assets="$gh/assets"
version=${TAG#v}
sums="terraform-provider-chargepoint_${version}_SHA256SUMS"
if [[ ! -f $assets/$sums || ! -f $assets/$sums.sig ]]; then
	error "$sums and $sums.sig were not both uploaded; uploaded: $(ls "$assets" | tr '\n' ' ')"
	exit 1
fi
echo "    uploaded: $(ls "$assets" | tr '\n' ' ')"

status="$tmp/gpg-status"
if gpg --batch --status-fd 3 --verify "$assets/$sums.sig" "$assets/$sums" 3>"$status" 2>"$tmp/gpg-out"; then
	sed 's/^/    /' "$tmp/gpg-out"
	grep -q "^\[GNUPG:\] VALIDSIG $GPG_FINGERPRINT " "$status" || error "$sums.sig is not by the throwaway key $GPG_FINGERPRINT"
else
	sed 's/^/    /' "$tmp/gpg-out" >&2
	error "gpg --verify $sums.sig $sums failed: the signature does not verify"
fi

if (cd "$assets" && sha256check "$sums" >"$tmp/sums-out" 2>&1); then
	sed 's/^/    /' "$tmp/sums-out"
else
	sed 's/^/    /' "$tmp/sums-out" >&2
	error "sha256sum -c $sums failed"
fi
cmp -s "$assets/$sums" "dist/$sums" || error "the uploaded $sums differs from dist/$sums"
listed=$(awk '{ print $2 }' "$assets/$sums")
grep -qxF "$sums.sig" <<<"$listed" && error "$sums lists its own signature: it was changed after it was signed"
grep -qxF "terraform-provider-chargepoint_${version}_manifest.json" <<<"$listed" || error "$sums does not list the registry manifest"
grep -q '\.zip$' <<<"$listed" || error "$sums lists no zip archive"
for f in "$assets"/*; do
	name=${f##*/}
	[[ $name == "$sums" || $name == "$sums.sig" ]] && continue
	grep -qxF "$name" <<<"$listed" || error "$name was uploaded but $sums does not list it"
done

if [[ $fail -ne 0 ]]; then
	echo "==> release-check FAILED" >&2
	exit 1
fi
echo "==> release-check passed: the signed $sums verifies, its checksums match, the release body is the notes"
