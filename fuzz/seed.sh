#!/bin/sh
# Seeds fuzz/corpus/<target>/ with the test fixtures and the shipped examples
# (tests/fixtures/examples). Each seed gets a leading 0x00 byte, so the
# targets read it as written (an odd first byte would prepend a valid opening).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
for target in any model norms scenario; do
    dir="$here/corpus/$target"
    mkdir -p "$dir"
    for f in "$root"/tests/fixtures/good/*.ron "$root"/tests/fixtures/bad/* "$root"/tests/fixtures/examples/*.ron; do
        [ -f "$f" ] || continue
        name=$(basename "$f")
        { printf '\000'; cat "$f"; } > "$dir/seed-$name"
    done
done
mkdir -p "$here/corpus/import"
for f in "$root"/tests/fixtures/import/*; do
    { printf '\000'; cat "$f"; } > "$here/corpus/import/seed-$(basename "$f")"
done
echo "seeded $(ls "$here/corpus/any" | wc -l) files per target"
