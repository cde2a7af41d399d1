#!/usr/bin/env bash
# Runs one browser test file (tests/browser/*.test.mjs) with node's test
# runner, after checking that what `tools/run test` installs is there: node,
# and the npm tools in node_modules/ (playwright-core, axe-core, sirv) as
# package-lock.json pins them. meson passes the paths in the environment
# (see meson.build).
#
# usage: run_test.sh TEST_FILE
set -euo pipefail
root=${SKIFF_SOURCE_ROOT:?run through meson: tools/run test --suite browser}
stamp=$root/node_modules/.skiff-npm-ok   # written by tools/run after npm ci

fail() {
  printf 'browser tests: %s\n' "$1" >&2
  printf 'Run `tools/run test` (or `tools/run test --suite browser`): it installs them.\n' >&2
  exit 1
}
command -v node >/dev/null || fail "node is not installed (Debian's nodejs and npm packages)."
[[ -f $stamp ]] || fail "the npm test tools are not installed (no node_modules/ from npm ci)."
[[ $stamp -nt $root/package-lock.json ]] ||
  fail "node_modules/ is older than package-lock.json (npm ci has not run since it changed)."

exec node --test-reporter=spec "$1"
