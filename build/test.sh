#!/usr/bin/env bash
# The one test command: restores tools and packages, installs chromium, LibreOffice and poppler when missing (as root),
# starts a throwaway PostgreSQL 15 and a throwaway Redis (the cluster tests' membership store) on 127.0.0.1,
# runs every test project, prints "N passed, N failed" from the TRX results and exits non-zero on any failure.
# Usage: build/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Registry]
set -uo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
work="$root/build/.work"
results="$work/results"
rm -rf "$results"; mkdir -p "$results"

pg_bin=/usr/lib/postgresql/15/bin
pg_dir=""
redis_dir=""
cleanup() {
  if [[ -n "$redis_dir" && -f "$redis_dir/redis.pid" ]]; then
    kill "$(cat "$redis_dir/redis.pid")" >/dev/null 2>&1 || true
  fi
  [[ -n "$redis_dir" ]] && rm -rf "$redis_dir"
  if [[ -n "$pg_dir" && -f "$pg_dir/data/postmaster.pid" ]]; then
    run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  [[ -n "$pg_dir" ]] && rm -rf "$pg_dir"
}
trap cleanup EXIT

run_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

ensure_postgres_binaries() {
  if [[ ! -x "$pg_bin/initdb" ]]; then
    echo "== installing PostgreSQL 15 (Debian package)"
    if [[ $(id -u) -eq 0 ]]; then
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null) || true
    fi
  fi
  if [[ ! -x "$pg_bin/initdb" ]]; then
    echo "PostgreSQL 15 binaries not found in $pg_bin; install the Debian package postgresql-15." >&2
    exit 2
  fi
}

start_postgres() {
  ensure_postgres_binaries
  pg_dir="$(mktemp -d /tmp/kerjasama-pg.XXXXXX)"
  chmod 755 "$pg_dir"
  [[ $(id -u) -eq 0 ]] && chown postgres "$pg_dir"
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$pg_dir -c fsync=off -c max_connections=300" start >/dev/null
  export KERJASAMA_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Pooling=true"
  echo "== PostgreSQL 15 on 127.0.0.1:$port ($pg_dir)"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

start_redis() {
  if ! command -v redis-server >/dev/null; then
    echo "== installing Redis (Debian package redis-server)"
    if [[ $(id -u) -eq 0 ]]; then
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null) || true
    fi
  fi
  if ! command -v redis-server >/dev/null; then
    echo "redis-server not found; install the Debian package redis-server." >&2
    exit 2
  fi
  redis_dir="$(mktemp -d /tmp/kerjasama-redis.XXXXXX)"
  local port
  port=$(free_port)
  redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes \
    --dir "$redis_dir" --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/log" || exit 2
  for _ in $(seq 50); do [[ -f "$redis_dir/redis.pid" ]] && break; sleep 0.1; done
  export KERJASAMA_TEST_REDIS="127.0.0.1:$port"
  echo "== Redis on 127.0.0.1:$port ($redis_dir)"
}

# Browser tests (tests/KerjaSama.Browser.Tests) drive Debian's chromium through Playwright; never a downloaded browser.
ensure_chromium() {
  if [[ ! -x /usr/bin/chromium && $(id -u) -eq 0 ]]; then
    echo "== installing chromium (Debian package)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || true
  fi
  if [[ ! -x /usr/bin/chromium ]]; then
    echo "chromium not found at /usr/bin/chromium; install the Debian package chromium (the browser tests need it)." >&2
    exit 2
  fi
}
ensure_chromium

# Format tests (issue 18) open the exports in Debian's LibreOffice (headless soffice) and render PDF pages with poppler.
ensure_office() {
  if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
    if [[ $(id -u) -eq 0 ]]; then
      echo "== installing LibreOffice Calc/Writer and poppler-utils (Debian packages)"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        libreoffice-calc libreoffice-writer poppler-utils fonts-dejavu-core >/dev/null) || true
    fi
  fi
  if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
    echo "soffice or pdftoppm not found; install the Debian packages libreoffice-calc libreoffice-writer poppler-utils." >&2
    exit 2
  fi
}
ensure_office

echo "== restoring tools and packages"
dotnet tool restore >/dev/null || exit 2
dotnet restore KerjaSama.Platform.sln -v q || exit 2
dotnet build KerjaSama.Platform.sln -c Release --no-restore -v q -nologo || exit 2

if [[ -z "${KERJASAMA_TEST_POSTGRES:-}" ]]; then start_postgres; fi
if [[ -z "${KERJASAMA_TEST_REDIS:-}" ]]; then start_redis; fi

status=0
dotnet test KerjaSama.Platform.sln -c Release --no-build \
  --logger "trx" --results-directory "$results" --blame-hang-timeout 10m --blame-hang-dump-type none "$@" || status=$?

# A failed run shows what the throwaway PostgreSQL refused (a test host that could not start says only what it logged).
if [[ $status -ne 0 && -n "$pg_dir" && -f "$pg_dir/log" ]] && grep -qE "FATAL|PANIC" "$pg_dir/log"; then
  echo "== PostgreSQL log, FATAL and PANIC lines (last 20)"
  grep -E "FATAL|PANIC" "$pg_dir/log" | tail -20
fi

python3 - "$results" "$status" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
# A test run that is aborted (a hang past --blame-hang-timeout, a crashed test host) writes no result for the tests
# it was running: the blame collector's sequence files name them, and each counts as failed.
for path in glob.glob(sys.argv[1] + "/**/Sequence_*.xml", recursive=True):
    for test in ET.parse(path).getroot().iter("Test"):
        if test.get("Completed") != "True":
            failed += 1
            print(f"did not finish: {test.get('Name')}")
if int(sys.argv[2]) != 0 and failed == 0:
    print("dotnet test failed without a failed or unfinished test in the results; counted as one failure")
    failed = 1
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
summary=$?
if [[ $status -ne 0 || $summary -ne 0 ]]; then exit 1; fi
exit 0
