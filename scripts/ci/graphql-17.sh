#!/usr/bin/env bash
# The schema's and the gateway's test suites against graphql 17 (`npm test` runs them against 16), in a
# throwaway copy of the repository with graphql pinned to 17; then an app that pins graphql 17 installs
# the packed packages without --legacy-peer-deps and runs a query through the gateway.
# Run it as `npm run test:graphql17` (npm puts the repository's Node 24 on the PATH).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
version="${GRAPHQL_17_VERSION:-17.1.0}"

echo "▶ copying the repository (tracked files) to $work/repo"
mkdir "$work/repo"
git -C "$root" ls-files -z | (cd "$root" && tar --null -T - -cf -) | tar -xf - -C "$work/repo"
cd "$work/repo"
npm pkg set "overrides.graphql=$version" "devDependencies.graphql=$version"
npm install --no-audit --no-fund --loglevel=error
node --input-type=module -e "import { version } from 'graphql'; if (!version.startsWith('17.')) { console.error('graphql is ' + version); process.exit(1) } console.log('graphql ' + version)"

echo "▶ building and testing @ca-timeline/schema and @ca-timeline/gateway on graphql $version"
npx turbo run build --filter=@ca-timeline/gateway... --output-logs=errors-only
npm test -w @ca-timeline/schema
npm test -w @ca-timeline/gateway

echo "▶ an app that pins graphql $version installs the packed packages (no --legacy-peer-deps)"
mkdir "$work/tarballs" "$work/app"
npm pack --silent --pack-destination "$work/tarballs" \
  -w @ca-timeline/data -w @ca-timeline/schema -w @ca-timeline/timeline-widget -w @ca-timeline/gateway >/dev/null
cd "$work/app"
npm init -y >/dev/null
npm pkg set type=module
npm install --no-audit --no-fund --loglevel=error "graphql@$version" "$work"/tarballs/*.tgz
cat > check.js <<'JS'
import { createFetchHandler } from "@ca-timeline/gateway/fetch";
import { version as graphqlVersion } from "graphql";
const handler = createFetchHandler({ logger: "silent" });
const response = await handler.fetch(
  new Request("http://app.test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query: "{ dataset { eventCount } events(first: 2) { nodes { slug } } }" }),
  }),
);
const { data, errors } = await response.json();
if (response.status !== 200 || errors || data.events.nodes.length !== 2) {
  console.error(response.status, JSON.stringify(errors));
  process.exit(1);
}
console.log(`✓ the packed gateway answers on graphql ${graphqlVersion} (${data.dataset.eventCount} events)`);
JS
node check.js
npm ls graphql --all | grep -c "graphql@$version" >/dev/null
echo "✓ graphql $version: schema and gateway suites pass, the packages install beside it"
