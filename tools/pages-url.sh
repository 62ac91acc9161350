#!/usr/bin/env bash
# The path GitHub Pages serves a repository's site at, for trunk's --public-url: a user or
# organisation site (a repository named <owner>.github.io) at /, any other repository at /<name>/.
# Usage: tools/pages-url.sh <owner>/<name>   (in a workflow: "$GITHUB_REPOSITORY")
set -euo pipefail
repository=${1:?usage: tools/pages-url.sh <owner>/<name>}
owner=${repository%%/*}
name=${repository#*/}
# GitHub compares owner names without regard to case.
if [ "${name,,}" = "${owner,,}.github.io" ]; then
  echo /
else
  echo "/$name/"
fi
