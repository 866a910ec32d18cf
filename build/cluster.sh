#!/usr/bin/env bash
# A local three-host cluster on 127.0.0.1: Redis membership, one shared database, three hosts with distinct ports.
#   bash build/cluster.sh [start]   build (Release), start Redis if none answers, a database, three hosts; print their URLs
#   bash build/cluster.sh stop      stop the hosts (and the Redis / PostgreSQL this script started) by their process ids
#   bash build/cluster.sh restart N stop host N (0-based) gracefully (SIGTERM, drain), start it again on the same ports,
#                                   wait for /health/ready (one step of a rolling restart; see docs/deployment.md)
# Settings (environment):
#   KERJASAMA_CLUSTER_HOSTS=3                  how many hosts
#   KERJASAMA_CLUSTER_REDIS=127.0.0.1:6379     the membership store; started here (no persistence) when nothing answers
#   KERJASAMA_CLUSTER_PROVIDER=PostgreSql      with KERJASAMA_CLUSTER_DB: an existing database (PostgreSql or SqlServer)
#   KERJASAMA_CLUSTER_DB="Host=...;Database=...;Username=...;Password=..."   unset: a throwaway PostgreSQL 15 is started
#   KERJASAMA_CLUSTER_ENVIRONMENT=Development  Development seeds the demo accounts (README "Signing in")
#   KERJASAMA_CLUSTER_HTTP_PORT=5081, _SILO_PORT=11121, _GATEWAY_PORT=30021   first ports; host i uses port + i
# State, logs and the pid file: build/.cluster/ (hosts.pids: "pid url" per line).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
state="$root/build/.cluster"
pids="$state/hosts.pids"
pg_bin=/usr/lib/postgresql/15/bin
run_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop() {
  if [[ -f "$pids" ]]; then
    while read -r pid url; do
      if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
        echo "stopped host $pid ($url)"
      fi
    done < "$pids"
    rm -f "$pids"
  fi
  if [[ -f "$state/redis.pid" ]]; then
    kill "$(cat "$state/redis.pid")" 2>/dev/null && echo "stopped redis-server $(cat "$state/redis.pid")" || true
    rm -f "$state/redis.pid"
  fi
  if [[ -f "$state/pg/data/postmaster.pid" ]]; then
    run_pg "$pg_bin/pg_ctl" -D "$state/pg/data" -m fast stop >/dev/null && echo "stopped PostgreSQL" || true
  fi
  rm -rf "$state/pg"
}

# Starts host $1 with the settings saved at start-up; prints its pid. Waits for /health/ready (false when it never came).
start_host() {
  local i="$1" url="http://127.0.0.1:$((http_port + $1))"
  (cd "$(dirname "$dll")" && env "${common[@]}" "ASPNETCORE_URLS=$url" "KerjaSama__DataDirectory=$state/host$i" \
    "KerjaSama__Cluster__SiloPort=$((silo_port + i))" "KerjaSama__Cluster__GatewayPort=$((gateway_port + i))" \
    nohup dotnet "$dll" >> "$state/logs/host$i.log" 2>&1 & echo $! > "$state/host$i.pid")
  local pid; pid="$(cat "$state/host$i.pid")"
  for _ in $(seq 600); do
    if curl -fs "$url/health/ready" >/dev/null 2>&1; then echo "$pid"; return 0; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  echo "$pid"; return 1
}

if [[ "${1:-start}" == "stop" ]]; then stop; exit 0; fi
if [[ "${1:-start}" == "restart" ]]; then
  i="${2:?usage: bash build/cluster.sh restart N}"
  [[ -f "$pids" && -f "$state/settings.sh" ]] || { echo "No cluster is running (no $pids)." >&2; exit 1; }
  # shellcheck source=/dev/null
  source "$state/settings.sh"
  line="$(sed -n "$((i + 1))p" "$pids")"
  [[ -n "$line" ]] || { echo "No host $i in $pids." >&2; exit 1; }
  pid="${line%% *}"; url="${line#* }"
  started=$(date +%s.%N)
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 450); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then echo "host $i did not stop within 45 s of SIGTERM; killing it" >&2; kill -9 "$pid" || true; fi
  stopped=$(date +%s.%N)
  if ! new_pid="$(start_host "$i")"; then echo "host $i did not become ready; log: $state/logs/host$i.log" >&2; exit 1; fi
  ready=$(date +%s.%N)
  sed -i "$((i + 1))s/.*/$new_pid $(printf '%s' "$url" | sed 's/[\/&]/\\&/g')/" "$pids"
  printf 'host %s restarted: %s (pid %s -> %s), stopped in %.1f s, ready %.1f s after SIGTERM\n' "$i" "$url" "$pid" "$new_pid" \
    "$(awk "BEGIN{print $stopped - $started}")" "$(awk "BEGIN{print $ready - $started}")"
  exit 0
fi
if [[ -f "$pids" ]]; then echo "A cluster is running (see $pids); run: bash build/cluster.sh stop" >&2; exit 1; fi
mkdir -p "$state/logs"

count="${KERJASAMA_CLUSTER_HOSTS:-3}"
http_port="${KERJASAMA_CLUSTER_HTTP_PORT:-5081}"
silo_port="${KERJASAMA_CLUSTER_SILO_PORT:-11121}"
gateway_port="${KERJASAMA_CLUSTER_GATEWAY_PORT:-30021}"
redis="${KERJASAMA_CLUSTER_REDIS:-127.0.0.1:6379}"
environment="${KERJASAMA_CLUSTER_ENVIRONMENT:-Development}"

echo "== building the host (Release)"
dotnet build src/KerjaSama.Host -c Release -v q -nologo >/dev/null
dll="$root/src/KerjaSama.Host/bin/Release/net10.0/KerjaSama.Host.dll"
# The host reads appsettings*.json from its content root, the working directory (start_host changes into it).

redis_host="${redis%:*}"; redis_port="${redis##*:}"
if redis-cli -h "$redis_host" -p "$redis_port" ping >/dev/null 2>&1; then
  echo "== Redis answers on $redis"
else
  command -v redis-server >/dev/null || { echo "redis-server not found; install the Debian package redis-server." >&2; exit 2; }
  redis-server --bind "$redis_host" --port "$redis_port" --save '' --appendonly no --daemonize yes \
    --dir "$state" --pidfile "$state/redis.pid" --logfile "$state/logs/redis.log"
  for _ in $(seq 50); do redis-cli -h "$redis_host" -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  echo "== started redis-server on $redis (no persistence)"
fi

if [[ -n "${KERJASAMA_CLUSTER_DB:-}" ]]; then
  provider="${KERJASAMA_CLUSTER_PROVIDER:-PostgreSql}"
  connection="$KERJASAMA_CLUSTER_DB"
else
  [[ -x "$pg_bin/initdb" ]] || { echo "PostgreSQL 15 not found in $pg_bin: install postgresql-15 or set KERJASAMA_CLUSTER_DB." >&2; exit 2; }
  rm -rf "$state/pg"; mkdir -p "$state/pg"; chmod 755 "$state/pg"
  [[ $(id -u) -eq 0 ]] && chown postgres "$state/pg"
  pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  run_pg "$pg_bin/initdb" -D "$state/pg/data" -U postgres --auth=trust -E UTF8 >/dev/null
  run_pg "$pg_bin/pg_ctl" -D "$state/pg/data" -l "$state/pg/log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$state/pg -c max_connections=300" start >/dev/null
  run_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres kerjasama
  provider=PostgreSql
  connection="Host=127.0.0.1;Port=$pg_port;Database=kerjasama;Username=postgres"
  echo "== started PostgreSQL 15 on 127.0.0.1:$pg_port (database kerjasama)"
fi

common=(
  "ASPNETCORE_ENVIRONMENT=$environment"
  "KerjaSama__Database__Provider=$provider"
  "KerjaSama__Database__ConnectionString=$connection"
  "KerjaSama__Identity__Issuer=http://127.0.0.1:$http_port/"
  "KerjaSama__Identity__KeysDirectory=$state/keys"
  "KerjaSama__Identity__AllowHttpOnLoopback=true"
  "KerjaSama__Identity__SignInRequestsPerMinute=100000"
  "KerjaSama__Cluster__Membership=Redis"
  "KerjaSama__Cluster__RedisConnectionString=$redis"
  "KerjaSama__Cluster__AdvertisedIPAddress=127.0.0.1"
  "KerjaSama__Cluster__ClusterId=kerjasama-local"
  "KerjaSama__Logging__Json=false"
  "Logging__LogLevel__Default=Warning"
  "Logging__LogLevel__KerjaSama=Information"
)

# What `restart` needs to start a host again exactly as here.
declare -p common dll http_port silo_port gateway_port > "$state/settings.sh"

echo "== applying migrations and seed data"
(cd "$(dirname "$dll")" && env "${common[@]}" "KerjaSama__DataDirectory=$state/migrate" dotnet "$dll" migrate) > "$state/logs/migrate.log" 2>&1 \
  || { cat "$state/logs/migrate.log" >&2; stop; exit 1; }

: > "$pids"
for i in $(seq 0 $((count - 1))); do
  url="http://127.0.0.1:$((http_port + i))"
  # One at a time: the first host creates the shared signing keys the others read.
  if ! pid="$(start_host "$i")"; then
    echo "$pid $url" >> "$pids"
    echo "host $i did not become ready; log: $state/logs/host$i.log" >&2; tail -20 "$state/logs/host$i.log" >&2; stop; exit 1
  fi
  echo "$pid $url" >> "$pids"
  echo "host $i ready: $url (silo $((silo_port + i)), gateway $((gateway_port + i)), pid $pid)"
done

echo "== cluster of $count hosts on $redis; database $provider"
echo "URLs: $(awk '{print $2}' "$pids" | paste -sd, -)"
echo "pids: $pids   logs: $state/logs/   stop: bash build/cluster.sh stop"
