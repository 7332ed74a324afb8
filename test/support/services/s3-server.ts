/**
 * `startS3Server()`: a real S3-compatible HTTP server (the `s3rver` package) on a
 * free 127.0.0.1 port, backed by a temporary directory, for end-to-end tests.
 *
 * It verifies request signatures (credentials S3RVER / S3RVER) and supports ranged
 * GETs. Its ListObjectsV2 pagination fails on Node 17+ (continuation tokens are
 * DES-encrypted, which OpenSSL 3 dropped), so `connection` selects V1 listing
 * (markers), which pages fine. It does NOT honour `If-None-Match: *` on
 * PutObject (it only reads that header on GET), so a store pointed at it must be
 * configured without conditional puts, i.e. with the etcd commit lock — unless
 * the harness's own If-None-Match shim is asked for (`conditionalPuts: true`).
 * `storage/object-store/test/s3-capabilities.test.ts` pins this down.
 */
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { removeStaleTempDirs } from './stale-dirs.ts';

/** What a client needs to reach the server (spreads into an S3 store config). */
export interface S3Connection {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly forcePathStyle: true;
  /** s3rver's ListObjectsV2 pagination fails on Node 17+ (its tokens use DES): list with V1 markers. */
  readonly listApi: 'v1';
}

/** A running S3 server; `stop()` closes it and removes its directory. */
export interface S3Service {
  readonly connection: S3Connection;
  /** The buckets created at start. */
  readonly buckets: readonly string[];
  /** The temporary directory holding the buckets (removed by `stop()`). */
  readonly directory: string;
  /** Whether PutObject honours `If-None-Match: *` (only with the `conditionalPuts` shim). */
  readonly conditionalPuts: boolean;
  stop(): Promise<void>;
}

export interface StartS3Options {
  /** Buckets to create; default ['loch-test']. */
  readonly buckets?: readonly string[];
  /**
   * Add `If-None-Match: *` to PutObject with a shim in front of s3rver (default
   * false): such puts of one key are serialized and refused with 412
   * PreconditionFailed when the object exists. Not s3rver's behaviour: it lets
   * tests exercise a store's conditional-put path against a real HTTP server.
   */
  readonly conditionalPuts?: boolean;
}

/** The part of s3rver's API used here (the package ships no types). */
interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer?: Server;
  store: { existsObject(bucket: string, key: string): Promise<boolean> };
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

const require = createRequire(import.meta.url);

/** Starts s3rver with the given buckets; resolves once it listens. */
export async function startS3Server(options: StartS3Options = {}): Promise<S3Service> {
  const S3rver = require('s3rver') as S3rverClass;
  const buckets = options.buckets ?? ['loch-test'];
  await removeStaleTempDirs('loch-s3-');
  const directory = await mkdtemp(nodePath.join(tmpdir(), `loch-s3-${process.pid}-`));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  let address: AddressInfo;
  try {
    address = await server.run();
  } catch (e) {
    await rm(directory, { recursive: true, force: true });
    throw e;
  }
  const conditionalPuts = options.conditionalPuts ?? false;
  if (conditionalPuts && server.httpServer !== undefined) addIfNoneMatchShim(server.httpServer, server);
  let stopped = false;
  return {
    connection: {
      endpoint: `http://127.0.0.1:${address.port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      forcePathStyle: true,
      listApi: 'v1',
    },
    buckets,
    directory,
    conditionalPuts,
    async stop() {
      if (stopped) return;
      stopped = true;
      // Idle keep-alive sockets of clients would keep close() waiting.
      server.httpServer?.closeAllConnections();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** Puts the If-None-Match shim in front of s3rver's request handler (see `StartS3Options.conditionalPuts`). */
function addIfNoneMatchShim(http: Server, server: S3rverInstance): void {
  const [s3rverHandler] = http.listeners('request') as RequestListener[];
  if (s3rverHandler === undefined) throw new Error('s3rver has no request handler to wrap');
  http.removeAllListeners('request');
  const queues = new Map<string, Promise<void>>();
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://s3');
    const [, bucket, ...rest] = url.pathname.split('/');
    const conditional = req.method === 'PUT' && req.headers['if-none-match'] === '*' && req.headers['x-amz-copy-source'] === undefined
      && !url.searchParams.has('uploadId') && bucket !== undefined && rest.length > 0;
    if (!conditional) {
      s3rverHandler(req, res);
      return;
    }
    const key = decodeURIComponent(rest.join('/'));
    const name = `${bucket}/${key}`;
    // One conditional put per key at a time: check and write are one step.
    const previous = queues.get(name) ?? Promise.resolve();
    const mine = previous.then(async () => {
      if (await server.store.existsObject(bucket!, key)) {
        req.resume();
        res.writeHead(412, { 'content-type': 'application/xml' });
        res.end('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>PreconditionFailed</Code>'
          + '<Message>At least one of the pre-conditions you specified did not hold</Message><Condition>If-None-Match</Condition></Error>');
        return;
      }
      await new Promise<void>((resolve) => {
        res.once('close', resolve);
        s3rverHandler(req, res);
      });
    }).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
    queues.set(name, mine);
    void mine.then(() => { if (queues.get(name) === mine) queues.delete(name); });
  });
}
