#!/usr/bin/env bash
# Mutation testing of the pure rules: cargo-mutants changes the code in src/domain one mutation at a
# time (a `<` becomes `<=`, a match arm disappears, ...) and runs the unit tests; every mutant that no
# test fails on is listed in mutants.out/missed.txt. Run it whenever a rule changes. It takes about
# half an hour here, so it is not part of CI. Extra arguments go to cargo-mutants (e.g. `--list` to
# only list the mutants, `--re privacy` to keep those whose name, which starts with the file, matches).
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8 TZ=UTC
version=27.1.0
if [ "$(cargo mutants --version 2>/dev/null)" != "cargo-mutants $version" ]; then
    cargo install --locked cargo-mutants --version "$version"
fi
# `-- --lib`: cargo test runs the library's unit tests only.
cargo mutants --file 'src/domain/*.rs' "$@" -- --lib
