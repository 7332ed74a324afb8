/** Settings a task reads from TaskDefinition.settings (a file of its own: the worker's main thread needs it without the planner). */
export const TASK_SETTINGS = {
  /** host:port of the coordinator that launched the task (reports go there). */
  coordinator: 'loch.coordinator',
  batchSize: 'loch.batch_size',
  memoryLimitBytes: 'loch.memory_limit_bytes',
  /** Bumped by the coordinator on CLEAR CACHE: a thread that sees a new value drops its decoded-column cache. */
  cacheEpoch: 'loch.cache_epoch',
} as const;
