#!/usr/bin/env bash
# Builds, from the image .ci/postgres-image.sh makes, one whose server logs clients in with scram-sha-256 whatever
# POSTGRES_HOST_AUTH_METHOD says (snipcheck asks for `password`), as servers that ignore it do. Skips the build when
# the image exists. Usage: .ci/scram-image.sh BASE IMAGE
set -euo pipefail

base=${1:?usage: scram-image.sh BASE IMAGE}
image=${2:?usage: scram-image.sh BASE IMAGE}

if docker image inspect "$image" >/dev/null 2>&1; then
    echo "scram-image: $image exists, not rebuilding"
    exit 0
fi
entrypoint=/usr/local/bin/docker-entrypoint.sh
# the one change: the pg_hba.conf line for clients over the network names scram-sha-256 itself
container=$(docker create --entrypoint sed "$base" -i \
    's/"${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}" >>"$PGDATA\/pg_hba.conf"/scram-sha-256 >>"$PGDATA\/pg_hba.conf"/' \
    "$entrypoint")
trap 'docker rm -f "$container" >/dev/null' EXIT
docker start -a "$container"
docker cp "$container:$entrypoint" - | tar -xO | grep -q '^ *printf .*scram-sha-256 >>"$PGDATA/pg_hba.conf"$' \
    || { echo "scram-image: the entrypoint of $base has no pg_hba.conf line to change" >&2; exit 1; }
docker commit \
    --change "ENTRYPOINT [\"$entrypoint\"]" \
    --change 'CMD ["postgres"]' \
    "$container" "$image" >/dev/null
echo "scram-image: built $image"
