#!/usr/bin/env bash
# The CI gate for the public contracts in proto/. Fails (non-zero) when:
#   1. buf lint (STANDARD) finds a problem;
#   2. a .proto is not in buf's canonical format (fix: node_modules/.bin/buf format -w proto);
#   3. buf breaking (FILE) finds a change that breaks the baseline's contracts;
#   4. the committed libs/contracts/src/gen differs from a fresh generation (fix: npm run proto:gen).
# Runs offline: buf and protoc-gen-es come from node_modules, the baseline from local git.
#
# Breaking-change baseline, in order:
#   - $PROTO_BREAKING_AGAINST when set (any git revision);
#   - on a branch that has diverged from main: the merge base with main (origin/main when fetched);
#   - on main itself: the previous commit, HEAD~1.
# The check is skipped, with a message saying why, when there is no such commit (first commit,
# a shallow clone: fetch with depth >= 2) or when proto/ did not exist there yet. CI sets
# PROTO_REQUIRE_BASELINE=1 so that a missing baseline commit fails instead of skipping.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
buf="node_modules/.bin/buf"
if [ ! -x "$buf" ]; then
  echo "proto-check: $buf is missing; run 'npm ci' first" >&2
  exit 1
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

step() { echo "proto-check: $*"; }

step "buf lint"
if ! "$buf" lint proto; then
  echo "proto-check: FAILED: buf lint (STANDARD) found the problems above" >&2
  exit 1
fi

step "buf format"
if ! "$buf" format proto --diff --exit-code; then
  echo "proto-check: FAILED: .proto files are not formatted; run: node_modules/.bin/buf format -w proto" >&2
  exit 1
fi

baseline() {
  if [ -n "${PROTO_BREAKING_AGAINST:-}" ]; then
    echo "$PROTO_BREAKING_AGAINST"
    return
  fi
  local main="${PROTO_MAIN_BRANCH:-main}" main_ref head fork
  if git rev-parse --verify --quiet "refs/remotes/origin/$main" >/dev/null; then
    main_ref="origin/$main"
  elif git rev-parse --verify --quiet "refs/heads/$main" >/dev/null; then
    main_ref="$main"
  else
    echo "HEAD~1"
    return
  fi
  head="$(git rev-parse HEAD)"
  fork="$(git merge-base HEAD "$main_ref" 2>/dev/null || true)"
  if [ -z "$fork" ] || [ "$fork" = "$head" ]; then
    echo "HEAD~1"
  else
    echo "$fork"
  fi
}

step "buf breaking"
if ! git rev-parse --git-dir >/dev/null 2>&1; then
  step "SKIPPED breaking-change check: not a git checkout, no baseline to compare with"
else
  against="$(baseline)"
  if ! rev="$(git rev-parse --verify --quiet "$against^{commit}")"; then
    if [ "${PROTO_REQUIRE_BASELINE:-0}" = "1" ]; then
      echo "proto-check: FAILED: baseline '$against' does not exist and PROTO_REQUIRE_BASELINE=1 (shallow clone? fetch with depth >= 2)" >&2
      exit 1
    fi
    step "SKIPPED breaking-change check: baseline '$against' does not exist (first commit, or a shallow clone: fetch with depth >= 2)"
  elif ! git cat-file -e "$rev:proto/buf.yaml" 2>/dev/null; then
    step "SKIPPED breaking-change check: proto/ did not exist at baseline '$against' ($rev)"
  else
    # git archive reads the baseline from the object store: no clone, no network, and it
    # works the same in a worktree or a CI checkout.
    mkdir -p "$tmp/against"
    git archive "$rev" proto | tar -x -C "$tmp/against"
    step "comparing proto/ with baseline '$against' ($rev)"
    if ! "$buf" breaking proto --against "$tmp/against/proto"; then
      echo "proto-check: FAILED: breaking changes against '$against' (above); add a new version (dw.<area>.v2) instead" >&2
      exit 1
    fi
  fi
fi

step "generated code is up to date"
bash scripts/proto-gen.sh "$tmp/fresh" >/dev/null
if ! diff -ruN libs/contracts/src/gen "$tmp/fresh/libs/contracts/src/gen"; then
  echo "proto-check: FAILED: libs/contracts/src/gen is stale (diff above: committed -> fresh); run: npm run proto:gen" >&2
  exit 1
fi
step "OK"
