#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 (port KOTWIJZER_PG_PORT, default 55432) for the test suite and
# prints its SQLAlchemy URL.
# Data lives in var/pgtest (ignored by git). Safe to run when it is already running.
#   postgres-test.sh          start (when not running) and print the URL
#   postgres-test.sh status   exit 0 when this checkout's test server (on this port) is running, 1 when not
#   postgres-test.sh stop     stop it (./dev test does this only for a server it started itself)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${KOTWIJZER_PG_PORT:-55432}"
dir="$root/var/pgtest"
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root; its own user may not be able to enter the checkout (e.g. under /root)
  dir="/tmp/kotwijzer-pgtest-$port"
fi
bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -n "$bindir" ] || { echo "PostgreSQL is not installed" >&2; exit 1; }
runas=()
if [ "$(id -u)" -eq 0 ]; then
  id kotwijzer-pg >/dev/null 2>&1 || useradd --system --no-create-home kotwijzer-pg
  runas=(runuser -u kotwijzer-pg --)
fi
pg_ctl_status() { [ -f "$dir/data/PG_VERSION" ] && "${runas[@]}" "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; }
case "${1:-start}" in
  status) pg_ctl_status; exit $? ;;
  stop)
    if pg_ctl_status; then "${runas[@]}" "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null; fi
    exit 0 ;;
  start) ;;
  *) echo "usage: $0 [start|status|stop]" >&2; exit 2 ;;
esac
mkdir -p "$dir"
[ "$(id -u)" -eq 0 ] && chown -R kotwijzer-pg "$dir"
if [ ! -f "$dir/data/PG_VERSION" ]; then
  "${runas[@]}" "$bindir/initdb" -D "$dir/data" -U kotwijzer --auth=trust >/dev/null
fi
if ! "${runas[@]}" "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  "${runas[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -o "-p $port -k $dir -c listen_addresses=127.0.0.1" -w start >/dev/null
fi
"${runas[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U kotwijzer kotwijzer_test 2>/dev/null || true
echo "postgresql+psycopg://kotwijzer@127.0.0.1:$port/kotwijzer_test"
