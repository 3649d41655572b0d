#!/usr/bin/env bash
# The fetch handler, unchanged, in workerd, Deno and Bun: bundled once with esbuild as an edge worker
# (scripts/ci/edge/worker.ts), served by each runtime on 127.0.0.1 and checked against the built Node
# CLI with the same requests (scripts/ci/edge/conformance.ts). The runtimes come from the npm registry
# (their packages carry the platform binaries) into a throwaway folder, not into the project's
# dependencies. Bounded: each runtime gets 60 s to start. Run it as `npm run test:edge` (after a build).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "▶ installing workerd, Deno, Bun and esbuild from the npm registry into $work"
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --loglevel=error \
  workerd@1.20261117.1 deno@2.9.6 bun@1.4.5 esbuild@0.28.2
bin="$work/node_modules/.bin"

echo "▶ bundling the fetch handler as a worker"
# graphql-armor's token limit imports graphql/language/parser, which resolves to graphql's CommonJS copy
# next to the ES modules yoga uses: aliased to the ES module, graphql is bundled once (−120 KB).
# GraphiQL's 9 MB of assets are left out (the worker runs with graphiql: false).
"$bin/esbuild" "$root/scripts/ci/edge/worker.ts" --bundle --format=esm --platform=browser \
  --target=es2022 --conditions=worker,browser,import,default --log-level=warning \
  --external:@graphql-yoga/render-graphiql/graphiql \
  --alias:graphql/language/parser="$root/node_modules/graphql/language/parser.mjs" \
  --outfile="$work/worker.js"
bytes=$(wc -c <"$work/worker.js")
gzipped=$(gzip -9 -c "$work/worker.js" | wc -c)
echo "  worker bundle: $((bytes / 1024)) KB, $((gzipped / 1024)) KB gzip -9"

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
wait_ready() { # name url pid log
  for _ in $(seq 1 600); do
    if curl -sf "$2/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$3" 2>/dev/null; then echo "$1 exited before listening:"; cat "$4"; return 1; fi
    sleep 0.1
  done
  echo "$1 did not listen within 60 s:"; cat "$4"; return 1
}

echo "▶ starting the Node CLI and the worker in workerd, Deno and Bun"
node_port=$(free_port)
node "$root/packages/gateway/dist/cli.js" --host 127.0.0.1 --port "$node_port" --no-graphiql --log-level warn >"$work/node.log" 2>&1 &
pids+=($!); wait_ready node "http://127.0.0.1:$node_port" "${pids[-1]}" "$work/node.log"

deno_port=$(free_port)
"$bin/deno" serve --allow-env --host 127.0.0.1 --port "$deno_port" "$work/worker.js" >"$work/deno.log" 2>&1 &
pids+=($!); wait_ready deno "http://127.0.0.1:$deno_port" "${pids[-1]}" "$work/deno.log"

bun_port=$(free_port)
cat >"$work/bun-serve.js" <<'JS'
const { default: worker } = await import(process.argv[2]);
Bun.serve({ hostname: "127.0.0.1", port: Number(process.argv[3]), fetch: worker.fetch });
JS
"$bin/bun" "$work/bun-serve.js" "$work/worker.js" "$bun_port" >"$work/bun.log" 2>&1 &
pids+=($!); wait_ready bun "http://127.0.0.1:$bun_port" "${pids[-1]}" "$work/bun.log"

workerd_port=$(free_port)
cat >"$work/workerd.capnp" <<CAPNP
using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .gateway) ],
  sockets = [ (name = "http", address = "127.0.0.1:$workerd_port", http = (), service = "main") ],
);
const gateway :Workerd.Worker = (
  modules = [ (name = "worker", esModule = embed "worker.js") ],
  compatibilityDate = "2025-09-01",
  compatibilityFlags = ["nodejs_compat"],
);
CAPNP
"$bin/workerd" serve "$work/workerd.capnp" >"$work/workerd.log" 2>&1 &
pids+=($!); wait_ready workerd "http://127.0.0.1:$workerd_port" "${pids[-1]}" "$work/workerd.log"

echo "▶ the same requests to each (Node is the reference)"
node "$root/scripts/ci/edge/conformance.ts" \
  "node=http://127.0.0.1:$node_port" "workerd=http://127.0.0.1:$workerd_port" \
  "deno=http://127.0.0.1:$deno_port" "bun=http://127.0.0.1:$bun_port"
