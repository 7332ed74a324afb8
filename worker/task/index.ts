/** worker/task: one task of a distributed stage, run whole; the piscina pool of task slots. */
export { runTask, runTaskStatus, type TaskResult, type TaskRunEnvironment } from './run-task.ts';
export { TASK_SETTINGS } from './task-settings.ts';
export { taskFailureOf, killedFailure, isDeterministicError } from './task-failure.ts';
export { TaskPool, taskKey, type TaskPoolOptions, type RunningTask } from './task-pool.ts';
export type { TaskThreadEnvironment, TaskThreadMessage } from './task-thread.ts';
