/** worker/shuffle: map-side shuffle files, reduce-side reads (local and over gRPC), and the fetch service. */
export {
  type ShuffleMapTask, type MapOutputLocation, checkJobId, jobDir, mapAttemptDir, partitionFileName, partitionFilePath,
  toPartitionLocationProto, fromPartitionLocationProto, describeLocation,
} from './shuffle-layout.ts';
export { type ShufflePartitioning, outputPartitionCount, checkPartitioning, hashPartition, PartitionedRows } from './shuffle-partitioner.ts';
export { IpcStreamFraming, IPC_EOS } from './ipc-stream-framing.ts';
export { ShuffleWriter, writeShuffle, type ShuffleWriterOptions, type MapOutputPartition } from './shuffle-writer.ts';
export { ShuffleFetchError, isShuffleFetchError, fetchFailureReport, type FetchFailureDetail } from './fetch-failure.ts';
export { ShuffleClientPool, fetchRemotePartition } from './shuffle-fetch-client.ts';
export { readShufflePartition, readLocalFile, decodeShuffleStream, type ShuffleReadOptions, type ShuffleReadMetrics, newShuffleReadMetrics } from './shuffle-reader.ts';
export { ShuffleService, startShuffleServer, type ShuffleServer, type RemovedShuffleData } from './shuffle-service.ts';
export { type ShuffleEnvironment, ShuffleReadOperator, fieldsOf, runShuffleWrite, shuffleWriteOptionsOf } from './shuffle-plan.ts';
