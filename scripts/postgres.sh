#!/usr/bin/env bash
# Runs a command with a PostgreSQL server of its own: Debian's `postgresql` (scripts/setup.sh test
# installs it), a fresh cluster in a temporary folder, started on a free port of 127.0.0.1 as an
# unprivileged user (the server refuses to run as root; as root the command runs it as `postgres`),
# and stopped (and deleted) when the command ends. The command sees
#   WR_TEST_DATABASE_URL=postgres://wr@127.0.0.1:<port>/wr, and WR_TEST_PG_BIN (its binaries: createdb…)
#   usage: bash scripts/postgres.sh <command> [args...]
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "postgres.sh: PostgreSQL is not installed (bash scripts/setup.sh test installs Debian's postgresql)" >&2
  exit 1
fi
dir=$(mktemp -d /tmp/wr-postgres.XXXXXX)
as=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$dir"
  as=(runuser -u postgres --)
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
cleanup() {
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
"${as[@]}" "$bin/initdb" -D "$dir/data" -U wr --auth=trust --no-sync -E UTF8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on -c max_connections=100" start >/dev/null
"${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U wr wr
export WR_TEST_DATABASE_URL="postgres://wr@127.0.0.1:$port/wr"
export WR_TEST_PG_BIN="$bin"
"$@"
