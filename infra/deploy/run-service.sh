#!/bin/sh
# Runs one thidua service from its compiled JavaScript: `thidua-service scoring`. The node flags
# are those of `npm start` (infra/src/service-command.ts): the consuming services get a 4 MB young
# generation, which keeps their memory low; the gateway keeps V8's default for its queries.
set -eu
cd /app
case "${1:-}" in
  gateway) exec node --conditions=compiled services/gateway/dist/main.js ;;
  scoring | ranking | awards | reporting)
    exec node --max-semi-space-size=4 --conditions=compiled "services/$1/dist/main.js" ;;
  *)
    echo "usage: thidua-service gateway|scoring|ranking|awards|reporting" >&2
    exit 64
    ;;
esac
