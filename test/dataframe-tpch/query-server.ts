/**
 * A coordinator QueryService in its own process, for the gRPC client tests:
 * the real QueryService (coordinator/cluster) over one in-process engine
 * (cli/local-engine.ts) shared by all requests. Prints `listening <port>` and
 * runs until stdin closes or it is killed (the dropped-connection test kills it).
 *
 *   node test/dataframe-tpch/query-server.ts
 */
import * as grpc from '@grpc/grpc-js';
import { createLocalEngine } from '../../cli/index.ts';
import { EmbeddedLeadership, QueryService, type QueryEngine } from '../../coordinator/index.ts';
import { grpcServiceDefinition } from '../../proto/index.ts';

const engine = await createLocalEngine();
const shared: QueryEngine = { execute: (sql, options) => engine.execute(sql, options), close: async () => {} };
const queries = new QueryService({
  coordinatorId: 'test-coordinator',
  engineFactory: () => shared,
  leadership: new EmbeddedLeadership(),
  cluster: () => ({ workers: [], jobs: [] }),
  progressIntervalMs: 0,
});
const server = new grpc.Server();
server.addService(grpcServiceDefinition('QueryService'), queries.handlers() as unknown as grpc.UntypedServiceImplementation);
const port = await new Promise<number>((resolve, reject) => {
  server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, p) => (error ? reject(error) : resolve(p)));
});
process.stdout.write(`listening ${port}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  server.forceShutdown();
  void engine.close().then(() => process.exit(0));
});
