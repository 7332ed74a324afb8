/**
 * The wire contract: typed access to the generated protobuf code (proto/gen/, made by
 * scripts/gen-proto.sh from proto/loch/v1/*.proto; never edited by hand) and the gRPC
 * service definitions built from it.
 *
 *   import { pb, encodeMessage, decodeMessage, type loch } from '../proto/index.ts';
 *   const bytes = encodeMessage('TaskIdentity', { jobId: 'j1', stageId: 2, partition: 5 });
 *   const task = decodeMessage('TaskIdentity', bytes);   // loch.v1.TaskIdentity
 *   const shape: loch.v1.TaskIdentity.$Properties = { … };  // plain-object shape of a message
 *
 * Decoded messages are class instances whose unset fields read the proto3 default from the
 * prototype (0, '', false, null for messages). 64-bit integers decode as JS numbers.
 */
import { readFileSync } from 'node:fs';
import type { MethodDefinition, ServiceDefinition } from '@grpc/grpc-js';
import $protobuf from 'protobufjs/minimal.js';
import { loch } from './gen/loch.js';

// 64-bit fields decode as JS numbers, as the generated types say (--force-number only changes
// the types): without `Long` the reader returns numbers. Ids, counts and byte sizes stay below
// 2^53; exact 64-bit SQL values travel as strings (LiteralValue.big_integer).
$protobuf.util.Long = undefined as unknown as typeof $protobuf.util.Long;
$protobuf.configure();

export type { loch } from './gen/loch.js';

/** The generated classes of package `loch.v1`: `pb.PhysicalPlan.encode(…)`, `pb.DataType.Kind.INT32`, … */
export const pb = loch.v1;

/**
 * Wire protocol version: bump when a change to proto/ is not backward compatible
 * (a field renumbered or retyped, a semantic change). A worker whose version differs is
 * refused at registration, so a mixed-version cluster fails loudly instead of misreading plans.
 */
export const PROTOCOL_VERSION = 1;

/** Target size of one Arrow IPC chunk on a stream (shuffle fetch, query results). */
export const ARROW_CHUNK_BYTES = 1 << 20;

/** Why a peer's protocol version is unacceptable, or null when it matches ours. */
export function protocolVersionMismatch(peerVersion: number): string | null {
  if (peerVersion === PROTOCOL_VERSION) return null;
  return `protocol version ${peerVersion} is not supported: this coordinator speaks version ${PROTOCOL_VERSION}; ` +
    'run the same Loch release on every node';
}

type V1 = typeof loch.v1;
interface Codec {
  encode(message: never, writer?: never): { finish(): Uint8Array };
  decode(reader: Uint8Array): unknown;
}

/** Names of the messages of `loch.v1` (services and enums excluded). */
export type MessageName = { [K in keyof V1]: V1[K] extends Codec ? K : never }[keyof V1];
/** Plain-object shape accepted by `encodeMessage(name, …)` (every field optional). */
export type MessageShape<N extends MessageName> = Parameters<V1[N]['encode']>[0];
/** What `decodeMessage(name, …)` returns. */
export type DecodedMessage<N extends MessageName> = ReturnType<V1[N]['decode']>;

function codec(name: string): Codec {
  const c = (loch.v1 as unknown as Record<string, Codec | undefined>)[name];
  if (c === undefined || typeof c.encode !== 'function') throw new Error(`proto message loch.v1.${name} does not exist`);
  return c;
}

/** Serializes a message given as a plain object of its shape. */
export function encodeMessage<N extends MessageName>(name: N, message: MessageShape<N>): Uint8Array {
  return codec(name).encode(message as never).finish();
}

/** Parses bytes as message `name`. */
export function decodeMessage<N extends MessageName>(name: N, bytes: Uint8Array): DecodedMessage<N> {
  return codec(name).decode(bytes) as DecodedMessage<N>;
}

// ---- gRPC services ------------------------------------------------------------------------

/** The gRPC services of package loch.v1. */
export type ServiceName = 'QueryService' | 'ClusterService' | 'WorkerService';

interface MethodDescriptor {
  readonly requestType: string;
  readonly responseType: string;
  readonly requestStream?: boolean;
  readonly responseStream?: boolean;
}
interface Descriptor {
  readonly nested: { readonly loch: { readonly nested: { readonly v1: { readonly nested: Record<string, { readonly methods?: Record<string, MethodDescriptor> }> } } } };
}

let descriptor: Descriptor | undefined;
function serviceMethods(service: ServiceName): Record<string, MethodDescriptor> {
  // The JSON descriptor is generated beside the static code; the static code drops the
  // streaming flags of methods, which grpc-js needs.
  descriptor ??= JSON.parse(readFileSync(new URL('./gen/loch.json', import.meta.url), 'utf8')) as Descriptor;
  const methods = descriptor.nested.loch.nested.v1.nested[service]?.methods;
  if (methods === undefined) throw new Error(`proto service loch.v1.${service} does not exist`);
  return methods;
}

/**
 * A @grpc/grpc-js service definition (for `server.addService` and `makeGenericClientConstructor`),
 * keyed by lowerCamel method name (`executeQuery`, `fetchShufflePartition`, …).
 */
export function grpcServiceDefinition(service: ServiceName): ServiceDefinition {
  const definition: Record<string, MethodDefinition<unknown, unknown>> = {};
  for (const [method, m] of Object.entries(serviceMethods(service))) {
    const request = codec(m.requestType);
    const response = codec(m.responseType);
    definition[method[0]!.toLowerCase() + method.slice(1)] = {
      path: `/loch.v1.${service}/${method}`,
      originalName: method,
      requestStream: m.requestStream === true,
      responseStream: m.responseStream === true,
      requestSerialize: (value) => Buffer.from(request.encode(value as never).finish()),
      requestDeserialize: (bytes) => request.decode(bytes),
      responseSerialize: (value) => Buffer.from(response.encode(value as never).finish()),
      responseDeserialize: (bytes) => response.decode(bytes),
    };
  }
  return definition;
}
