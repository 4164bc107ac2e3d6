# A throwaway PostgreSQL 15 cluster on a free loopback port, from Debian's packages. Sourced by build/test.sh and
# the benchmarks:  start_throwaway_postgres DIR  — starts a cluster under DIR and sets DISCLOSURE_POSTGRES to its
# connection string (database "postgres"); stop_throwaway_postgres DIR stops it. Tuned for throwaway data
# (no fsync) unless DISCLOSURE_POSTGRES_DURABLE=1.
#   start_throwaway_standby PRIMARY_DIR DIR  — a hot standby of the cluster under PRIMARY_DIR, copied with
# pg_basebackup and streaming from it; sets DISCLOSURE_POSTGRES_STANDBY. stop_throwaway_postgres DIR stops it too.

pg_bin=/usr/lib/postgresql/15/bin

_as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A free loopback port; without python3, a random one at or above $1 (so two clusters started together differ).
_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo $(($1 + RANDOM % 2000))
}

# A cluster's folder: readable by all, and owned by the postgres user when run as root (initdb and the server refuse
# to run as root).
_cluster_folder() {
  chmod 755 "$1"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$1"; fi
}

start_throwaway_postgres() {
  local dir="$1" port options
  _cluster_folder "$dir"
  port="$(_free_port 55432)"
  options="-h 127.0.0.1 -p $port -k $dir -c max_connections=300"
  if [ "${DISCLOSURE_POSTGRES_DURABLE:-0}" != 1 ]; then
    options="$options -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  echo "==> starting PostgreSQL 15 on 127.0.0.1:$port"
  _as_postgres "$pg_bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log"; return 1; }
  _as_postgres "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 -o "$options" start >/dev/null \
    || { cat "$dir/postgres.log"; return 1; }
  echo "$port" >"$dir/port"
  DISCLOSURE_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  export DISCLOSURE_POSTGRES
}

start_throwaway_standby() {
  local primary="$1" dir="$2" port
  _cluster_folder "$dir"
  port="$(_free_port 57432)"
  echo "==> starting a PostgreSQL 15 hot standby of 127.0.0.1:$(cat "$primary/port") on 127.0.0.1:$port"
  # -R writes primary_conninfo and standby.signal: the copy starts as a standby streaming from the primary (initdb's
  # pg_hba.conf trusts replication connections from loopback). max_connections must not be below the primary's.
  _as_postgres "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$(cat "$primary/port")" -U postgres -D "$dir/data" -R -X stream -c fast \
    >"$dir/basebackup.log" 2>&1 || { cat "$dir/basebackup.log"; return 1; }
  _as_postgres "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $dir -c max_connections=300 -c hot_standby=on -c fsync=off" start >/dev/null \
    || { cat "$dir/postgres.log"; return 1; }
  echo "$port" >"$dir/port"
  DISCLOSURE_POSTGRES_STANDBY="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  export DISCLOSURE_POSTGRES_STANDBY
}

stop_throwaway_postgres() {
  _as_postgres "$pg_bin/pg_ctl" -D "$1/data" -m immediate stop >/dev/null 2>&1 || true
}
