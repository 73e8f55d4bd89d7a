#!/usr/bin/env bash
# Rebuilds enrich/src/main/resources/io/newsmon/enrich/tone/vader-lexicon.tsv, the word → valence table the
# nlp tone scorer reads, from the VADER lexicon in the npm package vader-sentiment 1.1.3 (Apache-2.0,
# Copyright 2018 Comcast Cable Communications Management, LLC; lexicon by C.J. Hutto and E. Gilbert, MIT).
# Keeps the token and its mean valence (-4 … +4); drops the per-rater columns. Needs npm (registry access).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=$here/src/main/resources/io/newsmon/enrich/tone/vader-lexicon.tsv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent vader-sentiment@1.1.3 >/dev/null && tar xzf vader-sentiment-1.1.3.tgz)
{
  printf '# token\tmean valence (-4..4). From vader-sentiment 1.1.3 (npm, Apache-2.0; Copyright 2018 Comcast\n'
  printf '# Cable Communications Management, LLC), VADER lexicon by C.J. Hutto and E. Gilbert (MIT). Built by\n'
  printf '# enrich/scripts/build-tone-lexicon.sh; do not edit by hand.\n'
  awk -F'\t' 'NF >= 2 && $1 != "" { printf "%s\t%s\n", $1, $2 }' "$work/package/vader_lexicon.txt" | LC_ALL=C sort
} >"$out"
echo "wrote $(grep -vc '^#' "$out") entries to $out"
