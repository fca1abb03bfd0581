#!/usr/bin/env bash
# Brings the tracked public API up to date after a change to it:
#   - PublicAPI.Unshipped.txt of every C# library (Chemistry, Torch, Depiction, Training), from the compiler's own
#     RS0016 (public symbol not declared) and RS0017 (declared symbol gone) diagnostics: a new symbol is added, a symbol
#     that is gone is deleted from Unshipped or, when it had shipped, marked *REMOVED* there;
#   - TopoPool.Core's public surface file (tests/TopoPool.Core.Tests/PublicSurface/TopoPool.Core.txt), from the
#     surface test's actual surface.
# Then review the diff and commit it. With --ship, everything unshipped is moved into PublicAPI.Shipped.txt afterwards
# (do that when a version is released).
#
# The diagnostics come from a real build of each library (generated featurizer members included), in dependency order,
# so an error that is not about the API stops the script with the build's output.
#
#   bash build/update-public-api.sh [--ship]
set -euo pipefail
cd "$(dirname "$0")/.."

ship=false
case "${1:-}" in
  --ship) ship=true ;;
  "") ;;
  *) echo "usage: bash build/update-public-api.sh [--ship]" >&2; exit 2 ;;
esac

libraries=(TopoPool.Chemistry TopoPool.Torch TopoPool.Depiction TopoPool.Training)
header='#nullable enable'
log=$(mktemp)
trap 'rm -f "$log" "$log".*' EXIT

# Rewrites an API file with its header first and the other lines sorted ordinally, without duplicates.
normalise() {
  local file=$1
  { echo "$header"; grep -v -x -F "$header" "$file" | grep -v '^$' | LC_ALL=C sort -u || true; } > "$file.sorted"
  mv "$file.sorted" "$file"
}

for library in "${libraries[@]}"; do
  directory="src/$library"
  shipped="$directory/PublicAPI.Shipped.txt"
  unshipped="$directory/PublicAPI.Unshipped.txt"
  [ -f "$shipped" ] || echo "$header" > "$shipped"
  [ -f "$unshipped" ] || echo "$header" > "$unshipped"
  for pass in 1 2 3 4 5; do
    if dotnet build "$directory/$library.csproj" -c Release -nologo -clp:NoSummary > "$log" 2>&1; then
      echo "$library: public API files up to date"
      break
    fi
    sed -nE "s/.*error RS0016: Symbol '(.*)' is not part of the declared public API.*/\1/p" "$log" | LC_ALL=C sort -u > "$log.added"
    sed -nE "s/.*error RS0017: Symbol '(.*)' is part of the declared API, but is either not public or could not be found.*/\1/p" "$log" | LC_ALL=C sort -u > "$log.removed"
    if [ ! -s "$log.added" ] && [ ! -s "$log.removed" ]; then
      grep -E ': error ' "$log" | sort -u >&2 || tail -n 40 "$log" >&2
      echo "$library: the build fails for reasons other than the public API files (above)" >&2
      exit 1
    fi
    cat "$log.added" >> "$unshipped"
    while IFS= read -r symbol; do
      if grep -q -x -F -- "$symbol" "$unshipped"; then
        grep -v -x -F -- "$symbol" "$unshipped" > "$log.kept" || true
        mv "$log.kept" "$unshipped"
      else
        echo "*REMOVED*$symbol" >> "$unshipped"
      fi
    done < "$log.removed"
    normalise "$unshipped"
    echo "$library: $(wc -l < "$log.added") added, $(wc -l < "$log.removed") removed"
    if [ "$pass" -eq 5 ]; then
      echo "$library: still not up to date after $pass builds" >&2
      exit 1
    fi
  done
done

if $ship; then
  for library in "${libraries[@]}"; do
    shipped="src/$library/PublicAPI.Shipped.txt"
    unshipped="src/$library/PublicAPI.Unshipped.txt"
    sed -n 's/^\*REMOVED\*//p' "$unshipped" > "$log.removed"
    grep -v -x -F -f "$log.removed" "$shipped" > "$log.kept" || true
    grep -v '^\*REMOVED\*' "$unshipped" >> "$log.kept" || true
    mv "$log.kept" "$shipped"
    normalise "$shipped"
    echo "$header" > "$unshipped"
    echo "$library: unshipped API moved into PublicAPI.Shipped.txt"
  done
fi

# TopoPool.Core (F#, which the analyzers do not read): the surface test writes the actual surface beside its binaries
# when it differs from the committed file.
surface=tests/TopoPool.Core.Tests/PublicSurface/TopoPool.Core.txt
received=tests/TopoPool.Core.Tests/bin/Release/net10.0/PublicSurface/TopoPool.Core.received.txt
rm -f "$received"
if dotnet test tests/TopoPool.Core.Tests -c Release --filter 'FullyQualifiedName~PublicSurface' > "$log" 2>&1; then
  echo "TopoPool.Core: public surface file up to date"
elif [ -f "$received" ]; then
  cp "$received" "$surface"
  echo "TopoPool.Core: public surface file rewritten ($surface)"
else
  tail -n 40 "$log" >&2
  echo "TopoPool.Core: the surface test failed without writing the actual surface (above)" >&2
  exit 1
fi
git --no-pager diff --stat -- 'src/*/PublicAPI.*.txt' "$surface" || true
