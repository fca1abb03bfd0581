#!/usr/bin/env bash
# Merges the CSV parts of a sharded `topopool predict` (or `embed`) run into one table:
#
#   deploy/merge-shards.sh [-n N] PART.csv... > predictions.csv
#
# The header once (every part must have the same one), then every part's rows ordered by their first column, `row`.
# For parts written by `--shard 0/N` ... `--shard N-1/N` with the same --model, --input and --batch-size, the result is
# byte for byte the CSV the unsharded run writes: a shard computes whole blocks of --batch-size consecutive rows, so
# each row's numbers are those of the single run, and the union ordered by row is its table.
#
# -n N   refuse unless exactly N parts are given (a failed task leaves no part; see deploy/README.md)
#
# Refused, with one line on standard error and exit 2: a part that is missing, empty or lacks the final line end
# (a task killed while writing), headers that differ, a row number that appears twice (parts of two runs mixed),
# and a line that does not start with a row number (a quoted field holding a line break, which line-based
# sorting cannot keep together; merge such tables with a CSV reader instead).
# The sort uses $TMPDIR for its temporary files (sort -T) when a table is larger than memory.
set -euo pipefail
export LC_ALL=C

usage() { echo "usage: $0 [-n N] PART.csv... > merged.csv" >&2; exit 2; }
fail() { echo "error: $*" >&2; exit 2; }

expected=""
if [ "${1:-}" = "-n" ]; then
  [ $# -ge 2 ] || usage
  expected=$2
  shift 2
  [[ $expected =~ ^[1-9][0-9]*$ ]] || fail "-n $expected: expected a whole number of parts, 1 or more"
fi
[ $# -ge 1 ] || usage
if [ -n "$expected" ] && [ "$#" -ne "$expected" ]; then
  fail "$# part(s) given, but -n says $expected (did a task fail or not finish?)"
fi

header=""
for part in "$@"; do
  [ -f "$part" ] || fail "$part: no such file"
  [ -s "$part" ] || fail "$part: empty (no header)"
  [ "$(tail -c 1 "$part" | od -An -c | tr -d ' ')" = '\n' ] || fail "$part: the last line has no line end (was the task killed while writing?)"
  first=$(head -n 1 "$part")
  if [ -z "$header" ]; then header=$first; source=$part
  elif [ "$first" != "$header" ]; then fail "$part: its header differs from $source's"
  fi
  if bad=$(tail -n +2 "$part" | grep -n -v -m 1 -E '^[0-9]+,'); then
    fail "$part line $(( ${bad%%:*} + 1 )): does not start with a row number (a field with a line break?)"
  fi
done

rows=$(mktemp)
trap 'rm -f "$rows"' EXIT
for part in "$@"; do tail -n +2 "$part"; done | sort -t, -k1,1n -s -T "${TMPDIR:-/tmp}" > "$rows"
if repeated=$(cut -d, -f1 "$rows" | uniq -d | head -n 1) && [ -n "$repeated" ]; then
  fail "row $repeated is in more than one part (parts of different runs, or a shard given twice?)"
fi
printf '%s\n' "$header"
cat "$rows"
