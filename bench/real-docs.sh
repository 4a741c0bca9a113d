#!/usr/bin/env bash
# Measures snipcheck on real documentation nobody here wrote (issue 16): the pgjdbc docs and the READMEs of
# r2dbc-postgresql, r2dbc-pool and r2dbc-proxy, first as they are, then adopted through adoption/<repo>/
# (a snipcheck.yaml, a prelude file and a small patch of hidden blocks and fence attributes).
#
#   bench/real-docs.sh CLONES [SNIPCHECK_JAR]
#
# CLONES holds clones named pgjdbc, r2dbc-postgresql, r2dbc-pool and r2dbc-proxy, e.g.
#   git clone https://github.com/pgjdbc/pgjdbc CLONES/pgjdbc   (likewise pgjdbc/r2dbc-postgresql,
#   r2dbc/r2dbc-pool, r2dbc/r2dbc-proxy). The patches were made against pgjdbc 3a699d57,
#   r2dbc-postgresql 1874ffd1, r2dbc-pool 55f8f30b and r2dbc-proxy 2e88d020; on other commits a hunk may not
#   apply, and the script says so. The clones are not changed: each run works on copies.
# SNIPCHECK_JAR defaults to target/snipcheck.jar (build it with `mvn -B -q -DskipTests package`).
# Prints, per page, its java and sql blocks, the verdicts as is and adopted, then each real bug the adoption
# expects (adoption/<repo>/expected-bugs.tsv) and whether a failed block reported it at its line.
# Extra snipcheck options go in SNIPCHECK_OPTS (default: --postgres embedded).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
clones=$(cd "${1:?usage: bench/real-docs.sh CLONES [SNIPCHECK_JAR]}" && pwd)
jar=$(cd "$(dirname "${2:-$root/target/snipcheck.jar}")" && pwd)/$(basename "${2:-$root/target/snipcheck.jar}")
opts=${SNIPCHECK_OPTS:---postgres embedded}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

declare -A pages=(
  [pgjdbc]="docs/content/documentation/query.md docs/content/documentation/use.md
            docs/content/documentation/datasource.md docs/content/documentation/server-prepare.md
            docs/content/documentation/callproc.md docs/content/documentation/escapes.md
            docs/content/documentation/binary-data.md"
  [r2dbc-postgresql]="README.md" [r2dbc-pool]="README.md" [r2dbc-proxy]="README.md")

# copy REPO DIR: the repository's pages, nothing else, into DIR
copy() {
  for page in ${pages[$1]}; do
    mkdir -p "$2/$(dirname "$page")"
    cp "$clones/$1/$page" "$2/$page"
  done
}

# run DIR REPORT: snipcheck on the pages in DIR (its own snipcheck.yaml, if any), the JSON report to REPORT
run() {
  local repo=$1 dir=$2 report=$3
  # shellcheck disable=SC2086
  (cd "$dir" && nice -n 19 java -Xmx512m -jar "$jar" $opts --format json --output "$report" ${pages[$repo]} \
      2> "$report.stderr") || [ $? -eq 1 ] || { cat "$report.stderr" >&2; exit 2; }
}

# counts REPORT PAGE: "passed failed skipped not-run" of the page's own visible java and sql blocks
counts() {
  jq -r --arg f "$2" '[.blocks[] | select(.file == $f and (.language == "java" or .language == "sql") and (.hidden | not))]
      | [length, (map(select(.verdict == "passed")) | length), (map(select(.verdict == "failed")) | length),
         (map(select(.verdict == "skipped")) | length), (map(select(.verdict == "not run")) | length)] | @tsv' "$1"
}

printf '%-48s %6s | %-22s | %-30s\n' page blocks 'as is: pass fail notrun' 'adopted: pass fail skip notrun'
bugs=$work/bugs.txt
: > "$bugs"
for repo in pgjdbc r2dbc-postgresql r2dbc-pool r2dbc-proxy; do
  copy "$repo" "$work/$repo-as-is"
  run "$repo" "$work/$repo-as-is" "$work/$repo-as-is.json"

  adopted=$work/$repo-adopted
  copy "$repo" "$adopted"
  cp "$root/adoption/$repo/snipcheck.yaml" "$root/adoption/$repo/snipcheck-prelude.md" "$adopted/"
  if [ -f "$root/adoption/$repo/pages.patch" ]; then
    patch -s -p2 -d "$adopted" < "$root/adoption/$repo/pages.patch" \
      || { echo "real-docs: adoption/$repo/pages.patch does not apply to $clones/$repo" >&2; exit 2; }
  fi
  run "$repo" "$adopted" "$adopted.json"

  for page in ${pages[$repo]}; do
    read -r n p f s r <<< "$(counts "$work/$repo-as-is.json" "$page")"
    read -r _ ap af as ar <<< "$(counts "$adopted.json" "$page")"
    printf '%-48s %6s | %5s %4s %6s        | %5s %4s %4s %6s\n' "$repo/${page#docs/content/documentation/}" \
      "$n" "$p" "$f" "$((s + r))" "$ap" "$af" "$as" "$ar"
  done

  grep -v '^#' "$root/adoption/$repo/expected-bugs.tsv" | while IFS=$'\t' read -r page line what; do
    if jq -e --arg f "$page" --argjson l "$line" '[.blocks[] | select(.file == $f and .verdict == "failed")
        | select(.position.line == $l or any(.diagnostics[]?; .position.line == $l))] | length > 0' \
        "$adopted.json" > /dev/null; then
      verdict="failed at its line"
    else
      verdict="NOT REPORTED"
    fi
    printf '%-20s %-18s %s:%s: %s\n' "$repo" "$verdict" "${page#docs/content/documentation/}" "$line" "$what" >> "$bugs"
  done
done
echo
echo "expected real bugs (lines of the adopted pages):"
cat "$bugs"
