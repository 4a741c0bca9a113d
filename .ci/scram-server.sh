#!/usr/bin/env bash
# Starts a PostgreSQL server as users meet it: Debian's postgresql-15, `initdb --auth=scram-sha-256`, on a loopback
# port, with an admin role that is no superuser (LOGIN CREATEDB CREATEROLE, as managed servers hand out). Prints the
# JDBC URL of that role on stdout; the tests take it as SNIPCHECK_TEST_SCRAM_URL.
# Usage: .ci/scram-server.sh start DIR   (the cluster, its socket and its log live in DIR)
#        .ci/scram-server.sh stop DIR
set -euo pipefail

command=${1:?usage: scram-server.sh start|stop DIR}
dir=${2:?usage: scram-server.sh start|stop DIR}
bin=/usr/lib/postgresql/15/bin
role=snipcheck_admin
role_password=snipcheck-scram

# PostgreSQL refuses to run as root: the cluster belongs to the postgres user that the package creates
as_postgres() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

if [ "$command" = stop ]; then
    [ -s "$dir/data/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    exit 0
fi

if [ ! -x "$bin/initdb" ]; then
    echo "+ apt-get install postgresql-15" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi

# a port nothing listens on yet
port=55432
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
done

rm -rf "$dir"
mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres: "$dir"
superuser_password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
as_postgres bash -c "printf '%s\n' '$superuser_password' >'$dir/pwfile'"
as_postgres "$bin/initdb" -D "$dir/data" --auth=scram-sha-256 --username=postgres --pwfile="$dir/pwfile" \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null \
    || { tail -n 20 "$dir/server.log" >&2; exit 1; }
PGPASSWORD=$superuser_password psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -c "CREATE ROLE $role LOGIN CREATEDB CREATEROLE PASSWORD '$role_password'" >&2
rm -f "$dir/pwfile"
echo "jdbc:postgresql://127.0.0.1:$port/postgres?user=$role&password=$role_password"
