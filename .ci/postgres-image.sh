#!/usr/bin/env bash
# Builds a PostgreSQL image that behaves like the official `postgres` image, from Debian's packages,
# for machines that reach Debian's archive but no container registry. Skips the build when the image
# exists. Usage: .ci/postgres-image.sh [IMAGE]   (default: snipcheck/postgres:15-bookworm)
# Also tags the image as alpine:3.17, which Testcontainers pulls at startup for its own checks.
set -euo pipefail

image=${1:-snipcheck/postgres:15-bookworm}
helper=alpine:3.17

if docker image inspect "$image" >/dev/null 2>&1; then
    echo "postgres-image: $image exists, not rebuilding"
else
    rootfs=$(mktemp -d /tmp/snipcheck-rootfs.XXXXXX)
    trap 'rm -rf "$rootfs"' EXIT
    # the archive that apt on this machine uses (debootstrap's own default otherwise)
    mirror=$(sed -n 's/^URIs: *\([^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1 || true)
    if [ -z "$mirror" ]; then
        mirror=$(awk '$1 == "deb" && $2 ~ /\/debian\/?$/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
    fi
    echo "postgres-image: debootstrap bookworm with postgresql-15 into $rootfs ${mirror:+from $mirror}"
    debootstrap --variant=minbase --include=postgresql-15 bookworm "$rootfs" $mirror >"$rootfs.log" 2>&1 \
        || { tail -n 30 "$rootfs.log" >&2; exit 1; }
    rm -f "$rootfs.log"

    # the cluster that the package created at install time: the entrypoint makes its own in PGDATA
    rm -rf "$rootfs"/var/lib/postgresql/15 "$rootfs"/etc/postgresql/15
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    mkdir -p "$rootfs"/var/lib/postgresql/data "$rootfs"/var/run/postgresql
    chroot "$rootfs" chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
    chmod 700 "$rootfs"/var/lib/postgresql/data

    cat >"$rootfs"/usr/local/bin/docker-entrypoint.sh <<'ENTRYPOINT'
#!/bin/bash
# The contract of the official postgres image: POSTGRES_USER, POSTGRES_PASSWORD and POSTGRES_DB, an
# initdb on first start with a temporary server for the setup, then the real server on 0.0.0.0:5432.
set -eo pipefail
export PATH=/usr/lib/postgresql/15/bin:$PATH
export PGDATA=${PGDATA:-/var/lib/postgresql/data}

if [ "${1:0:1}" = '-' ]; then
    set -- postgres "$@"
fi
if [ "$1" != 'postgres' ]; then
    exec "$@"
fi
if [ "$(id -u)" = '0' ]; then
    mkdir -p "$PGDATA"
    chown postgres:postgres "$PGDATA"
    chmod 700 "$PGDATA"
    exec setpriv --reuid=postgres --regid=postgres --init-groups "$BASH_SOURCE" "$@"
fi

user=${POSTGRES_USER:-postgres}
database=${POSTGRES_DB:-$user}
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "${POSTGRES_HOST_AUTH_METHOD:-}" != 'trust' ]; then
        echo 'error: POSTGRES_PASSWORD is not set (or set POSTGRES_HOST_AUTH_METHOD=trust)' >&2
        exit 1
    fi
    password_file=()
    if [ -n "${POSTGRES_PASSWORD:-}" ]; then
        password_file=(--pwfile="$(mktemp)")
        printf '%s\n' "$POSTGRES_PASSWORD" >"${password_file[0]#--pwfile=}"
    fi
    initdb --username="$user" "${password_file[@]}" --encoding=UTF8 --locale=C.UTF-8 $POSTGRES_INITDB_ARGS
    rm -f "${password_file[@]#--pwfile=}"
    printf '\nhost all all all %s\n' "${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}" >>"$PGDATA/pg_hba.conf"
    # the temporary server listens on the socket only, so no client connects before setup is done
    pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p 5432" -w start
    if [ "$database" != 'postgres' ]; then
        psql -v ON_ERROR_STOP=1 --username="$user" --dbname=postgres \
            -c "CREATE DATABASE \"$database\""
    fi
    pg_ctl -D "$PGDATA" -m fast -w stop
    echo 'PostgreSQL init process complete; ready for start up.'
fi
shift
exec postgres -c listen_addresses='*' -p 5432 "$@"
ENTRYPOINT
    chmod 755 "$rootfs"/usr/local/bin/docker-entrypoint.sh

    tar -C "$rootfs" -c . | docker import \
        --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
        --change 'CMD ["postgres"]' \
        --change 'ENV PGDATA=/var/lib/postgresql/data' \
        --change 'EXPOSE 5432' \
        - "$image" >/dev/null
    echo "postgres-image: built $image"
fi

if ! docker image inspect "$helper" >/dev/null 2>&1; then
    docker tag "$image" "$helper"
    echo "postgres-image: tagged $image as $helper"
fi
