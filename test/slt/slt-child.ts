/**
 * The runner's child process: runs the files it is sent, one at a time, each in
 * a fresh embedded engine, reporting a heartbeat before every record so the
 * parent can end a statement that hangs (slt-child-pool.ts).
 */
import { createLocalEngine } from '../../cli/index.ts';
import { runSltFile } from './slt-runner.ts';
import type { ChildRequest, ChildMessage } from './slt-child-pool.ts';

function send(message: ChildMessage): void {
  process.send!(message);
}

// the parent ended (or was killed): stop, even in the middle of a file
process.on('disconnect', () => process.exit(0));

process.on('message', (request: ChildRequest) => {
  void (async () => {
    try {
      const result = await runSltFile(request.file, {
        createEngine: () => createLocalEngine(),
        recordTimeoutMs: request.recordTimeoutMs,
        complete: request.complete,
        ...(request.cwd !== undefined ? { cwd: request.cwd } : {}),
        ...(request.maxRecords !== undefined ? { maxRecords: request.maxRecords } : {}),
        onRecord: (progress) => send({ type: 'record', progress }),
      });
      send({ type: 'done', result });
    } catch (e) {
      send({ type: 'crash', message: e instanceof Error ? e.stack ?? e.message : String(e) });
    }
  })();
});
