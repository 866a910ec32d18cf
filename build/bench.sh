#!/usr/bin/env bash
# Live-session benchmark: builds in Release, starts the real host (SQLite) and a raw SignalR baseline as separate
# processes, runs the scenarios against both in the same run and writes build/bench/results/live-sessions-*.md.
# Usage: bash build/bench.sh [small] [meeting] [burst] [scale-2000] [scale-5000] [flood] [--protocol json|messagepack|both] [--floors]
#        bash build/bench.sh cluster --hosts URL,URL,URL [throughput] [kill] [rolling]   (against build/cluster.sh)
#        bash build/bench.sh board [--rows 300] [--people 40] [--seconds 60]   (the board in chromium: board-*.md)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build tests/KerjaSama.LoadGen -c Release -v q -nologo
dotnet build src/KerjaSama.Host -c Release -v q -nologo
export KERJASAMA_HOST_DLL="$(pwd)/src/KerjaSama.Host/bin/Release/net10.0/KerjaSama.Host.dll"
exec dotnet tests/KerjaSama.LoadGen/bin/Release/net10.0/KerjaSama.LoadGen.dll "$@"
