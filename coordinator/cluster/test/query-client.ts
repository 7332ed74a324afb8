/** A QueryService client for tests: ExecuteQuery as a list of events. */
import * as grpc from '@grpc/grpc-js';
import { grpcServiceDefinition, type loch } from '../../../proto/index.ts';

/** The QueryService methods the tests call. */
export interface QueryClient extends grpc.Client {
  executeQuery(r: loch.v1.ExecuteQueryRequest.$Properties): grpc.ClientReadableStream<loch.v1.QueryEvent>;
  cancelQuery(r: loch.v1.CancelQueryRequest.$Properties, cb: (e: grpc.ServiceError | null, r?: loch.v1.CancelQueryResponse) => void): void;
  getClusterStatus(r: loch.v1.GetClusterStatusRequest.$Properties, cb: (e: grpc.ServiceError | null, r?: loch.v1.ClusterStatus) => void): void;
}

export function queryClient(address: string): QueryClient {
  const C = grpc.makeGenericClientConstructor(grpcServiceDefinition('QueryService'), 'QueryService');
  return new C(address, grpc.credentials.createInsecure()) as unknown as QueryClient;
}

/** Runs `sql` and collects the stream's events. */
export async function events(client: QueryClient, sql: string, onEvent?: (e: loch.v1.QueryEvent) => void): Promise<loch.v1.QueryEvent[]> {
  const out: loch.v1.QueryEvent[] = [];
  for await (const e of client.executeQuery({ sql, credentials: { principal: 'alice', token: 'tok' }, settings: { timezone: 'UTC' } }) as AsyncIterable<loch.v1.QueryEvent>) {
    out.push(e);
    onEvent?.(e);
  }
  return out;
}

