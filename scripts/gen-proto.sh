#!/bin/sh
# Regenerates proto/gen/ from proto/loch/v1/*.proto (never edit proto/gen/ by hand).
#   loch.js + loch.d.ts  protobufjs static module: typed classes with encode/decode
#   loch.json            the same definitions as a reflection descriptor: proto/index.ts reads
#                        service methods (streaming flags) from it to build @grpc/grpc-js services
# 64-bit fields decode as JS numbers (--force-number): ids, counts and byte sizes stay below 2^53;
# exact 64-bit SQL values travel as strings (LiteralValue.big_integer).
set -eu
cd "$(dirname "$0")/.."
bin=node_modules/.bin
src=$(ls proto/loch/v1/*.proto)
mkdir -p proto/gen
$bin/pbjs -t static-module -w esm --force-number --no-verify --no-delimited --no-typeurl --no-service --dependency protobufjs/minimal.js \
  -p proto -o proto/gen/loch.js -d $src
$bin/pbjs -t json -p proto -o proto/gen/loch.json $src
echo "generated proto/gen/loch.js, loch.d.ts, loch.json"
