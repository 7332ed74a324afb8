#!/bin/sh
# Regenerates proto/gen/ from proto/loch/v1/*.proto (never edit proto/gen/ by hand).
#   loch.js + loch.d.ts  protobufjs static module: typed classes with encode/decode
#   loch.json            the same definitions as a reflection descriptor: proto/index.ts reads
#                        service methods (streaming flags) from it to build @grpc/grpc-js services
#   checksums.json       sha256 of the sources and outputs: proto/test/generated.test.ts fails when
#                        a .proto changed without regenerating, or when a generated file was edited
# 64-bit fields are typed as numbers (--force-number) and proto/index.ts makes the reader decode
# them as numbers: ids, counts and byte sizes stay below 2^53; exact 64-bit SQL values travel as
# strings (LiteralValue.big_integer).
set -eu
cd "$(dirname "$0")/.."
bin=node_modules/.bin
src=$(ls proto/loch/v1/*.proto)
mkdir -p proto/gen
$bin/pbjs -t static-module -w esm --force-number --no-verify --no-delimited --no-typeurl --no-service \
  --dependency protobufjs/minimal.js -p proto -o proto/gen/loch.js -d $src
$bin/pbjs -t json -p proto -o proto/gen/loch.json $src
$bin/node -e '
const { createHash } = require("node:crypto");
const { readFileSync, readdirSync, writeFileSync } = require("node:fs");
const sha = (p) => createHash("sha256").update(readFileSync(p)).digest("hex");
const sources = {};
for (const f of readdirSync("proto/loch/v1").filter((f) => f.endsWith(".proto")).sort()) sources[`loch/v1/${f}`] = sha(`proto/loch/v1/${f}`);
const generated = {};
for (const f of ["loch.js", "loch.d.ts", "loch.json"]) generated[f] = sha(`proto/gen/${f}`);
writeFileSync("proto/gen/checksums.json", JSON.stringify({ sources, generated }, null, 2) + "\n");
'
echo "generated proto/gen/loch.js, loch.d.ts, loch.json, checksums.json"
