#!/usr/bin/env bash
# Imports every dataset in ../shared/data into DATABASE_URL (after the starter catalogue), in the order a
# newsroom would: TVmaze's schedule, the Netflix catalogue, The Economist's ratings, Netflix's Top 10 and
# its engagement reports. Run it twice: the second run must change nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${SHARED_DATA:-../shared/data}
ns() { node bin/nextseason.js "$@"; }
ns seed
ns import tvmaze --quiet "$data"/tvmaze-web-schedule-2024-01/*.json.gz
ns import netflix-titles --quiet "$data"/netflix-titles/netflix_titles.csv.gz
ns import economist-imdb --quiet "$data"/imdb-economist-tv-ratings/IMDb_Economist_tv_ratings.csv
ns import netflix-top10 --quiet "$data"/netflix-top10/all-weeks-global.csv.gz
ns import netflix-engagement --quiet "$data"/netflix-engagement/2023Jul-Dec-TV.csv.gz "$data"/netflix-engagement/2024Jan-Jun-TV.csv.gz
