import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CoordinatorMembership, type MemberSelf, StatusReporter, type WorkerLog } from '../index.ts';
import { FakeCluster } from './cluster-fake.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function recordingLog(): { log: WorkerLog; events: string[] } {
  const events: string[] = [];
  return { events, log: (_level, event) => { events.push(event); } };
}

describe('CoordinatorMembership', () => {
  it('keeps retrying registration while the coordinator is unreachable, then registers and heartbeats', async () => {
    const port = await freePort();
    const { log, events } = recordingLog();
    const self: MemberSelf = {
      info: { workerId: 'w-test', host: '127.0.0.1', port: 1, taskSlots: 3, version: 'test' },
      load: () => ({ freeSlots: 2, runningTasks: [{ jobId: 'j', taskId: 4 }] }),
      log,
    };
    const membership = new CoordinatorMembership(`127.0.0.1:${port}`, { retryMs: 100, callTimeoutMs: 500 });
    membership.start(self);
    await new Promise((r) => setTimeout(r, 600));
    expect(events.filter((e) => e === 'worker_registration_failed').length).toBeGreaterThanOrEqual(2);
    const fake = await new FakeCluster(300).start(port);
    try {
      await membership.registered();
      expect(fake.registrations[0]!.worker).toMatchObject({ workerId: 'w-test', taskSlots: 3 });
      await fake.until(() => fake.heartbeats.length >= 2, 5000);
      expect(fake.heartbeats[0]).toMatchObject({ workerId: 'w-test', freeSlots: 2, runningTasks: [{ jobId: 'j', taskId: 4 }] });
    } finally {
      await membership.stop();
      await fake.stop();
    }
  });
});

describe('StatusReporter', () => {
  it('retries a report a few times, then drops it with a log line instead of failing', async () => {
    const { log, events } = recordingLog();
    const reporter = new StatusReporter('w-test', log, { retryDelaysMs: [50, 50], callTimeoutMs: 300 });
    const delivered = await reporter.report(`127.0.0.1:${await freePort()}`, { task: { jobId: 'j', taskId: 1 }, failed: { killed: { reason: 'x' } } });
    expect(delivered).toBe(false);
    expect(events).toEqual(['task_report_dropped']);
    reporter.close();
  });

  it('delivers to the coordinator a task names', async () => {
    const fake = await new FakeCluster().start();
    const reporter = new StatusReporter('w-test', () => {});
    try {
      expect(await reporter.report(fake.address, { task: { jobId: 'j', taskId: 2 }, succeeded: { locations: [] } })).toBe(true);
      expect(fake.statuses[0]).toMatchObject({ workerId: 'w-test', task: { jobId: 'j', taskId: 2 } });
    } finally {
      reporter.close();
      await fake.stop();
    }
  });
});
