#!/usr/bin/env bash
# Tests of the skiff command line (tools/skiff/main.cc, build_command.cc)
# against the real binary: exit codes, messages, help, and that a failed
# build never replaces a good output folder.
#
# usage: main_test.sh SKIFF SOURCE_ROOT
set -uo pipefail
skiff=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

check() {  # check NAME CONDITION-COMMAND...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
contains() { [[ $1 == *"$2"* ]]; }

# Help teaches the commands and options with examples.
out=$("$skiff" --help 2>&1); code=$?
check "--help exits 0" test $code -eq 0
check "--help lists build" contains "$out" "build"
out=$("$skiff" build --help 2>&1)
check "build --help shows --out" contains "$out" "--out"
check "build --help shows --jobs" contains "$out" "--jobs"
check "build --help has examples" contains "$out" "skiff build site --out public"

# Unknown options are errors, not ignored.
"$skiff" build --no-such-option >/dev/null 2>&1; code=$?
check "unknown option fails" test $code -ne 0

# A good build: summary on stdout, exit 0, marker in the output.
out=$(NO_COLOR=1 "$skiff" build "$root/tests/sites/basic/site" --out "$tmp/out" 2>&1); code=$?
check "good build exits 0" test $code -eq 0
check "summary names pages per locale" contains "$out" "fr           1 pages + 2 untranslated (fallback)"
check "summary says where to open" contains "$out" "$tmp/out/index.html"
check "no colour codes without a terminal" bash -c '[[ $0 != *$'"'"'\e['"'"'* ]]' "$out"
check "output marked" test -f "$tmp/out/.skiff-output"
before=$(cat "$tmp/out/en/index.html")

# --quiet prints nothing on success.
out=$("$skiff" build "$root/tests/sites/basic/site" --out "$tmp/out" --quiet 2>&1); code=$?
check "quiet build exits 0" test $code -eq 0
check "quiet build prints nothing" test -z "$out"

# A broken site: file:line:col errors, exit 1, and the old output untouched.
cp -r "$root/tests/sites/broken/site" "$tmp/broken"
cp -r "$root/tests/sites/basic/site/pages/en/index.md" "$tmp/broken/pages/en/index.md"
out=$(NO_COLOR=1 "$skiff" build "$tmp/broken" --out "$tmp/out" 2>&1); code=$?
check "broken build exits 1" test $code -eq 1
check "error has file:line:col" contains "$out" "pages/en/bad-body.md:10:1: error: unknown component <Unknown>"
check "yaml error at its line" contains "$out" "pages/en/bad-yaml.md:4:1: error: invalid YAML"
check "failure summary" contains "$out" "build failed: 5 errors"
check "previous output kept" test "$(cat "$tmp/out/en/index.html")" = "$before"
check "no staging folder left" bash -c '! ls -d "$0".skiff-tmp-* 2>/dev/null' "$tmp/out"

# Refusals: the root folder, the site itself, a folder skiff did not make.
out=$("$skiff" build "$root/tests/sites/basic/site" --out / 2>&1); code=$?
check "refuses /" test $code -eq 1
check "refusal explains /" contains "$out" "refusing to use the root folder"
out=$("$skiff" build "$root/tests/sites/basic/site" --out "$root/tests/sites/basic" 2>&1); code=$?
check "refuses an ancestor of the site" contains "$out" "it is the site folder or contains it"
mkdir -p "$tmp/precious" && echo keep >"$tmp/precious/notes.txt"
out=$("$skiff" build "$root/tests/sites/basic/site" --out "$tmp/precious" 2>&1); code=$?
check "refuses a folder it did not make" contains "$out" "was not made by skiff"
check "foreign folder untouched" test "$(cat "$tmp/precious/notes.txt")" = keep

# public/ files never silently replace generated pages; the output may not
# live inside an input folder.
cp -r "$root/tests/sites/basic/site" "$tmp/pub"
mkdir -p "$tmp/pub/public/en" && echo PUBLIC >"$tmp/pub/public/en/index.html"
out=$(NO_COLOR=1 "$skiff" build "$tmp/pub" --out "$tmp/pub-out" 2>&1); code=$?
check "public clash builds" test $code -eq 0
check "public clash warned" contains "$out" "public/en/index.html: warning: replaced by the file skiff generates"
check "page wins over public" bash -c '! grep -q PUBLIC "$0"' "$tmp/pub-out/en/index.html"
out=$("$skiff" build "$tmp/pub" --out "$tmp/pub/public/dist" 2>&1); code=$?
check "refuses output inside public/" contains "$out" "inside the site's public/ folder"

# A missing site folder is a clear error.
out=$("$skiff" build "$tmp/nowhere" 2>&1); code=$?
check "missing site fails" test $code -eq 1
check "missing site explained" contains "$out" "not a folder"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
