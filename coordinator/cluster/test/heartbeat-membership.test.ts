import { describe, expect, it } from 'vitest';
import { HeartbeatMembership, parseWorkerRecord, workerAddress } from '../index.ts';

describe('HeartbeatMembership', () => {
  it('keeps workers while they heartbeat within the lease and loses them after it', () => {
    let now = 1000;
    const m = new HeartbeatMembership({ leaseTtlMs: 500, now: () => now });
    const events: string[] = [];
    m.subscribe({ joined: (w) => events.push(`+${w.workerId}/${w.taskSlots}`), lost: (id, reason) => events.push(`-${id}: ${reason}`) });
    expect(m.register({ workerId: 'a', host: '127.0.0.1', port: 1, taskSlots: 2 })).toEqual({ accepted: true, reason: '', leaseTtlMs: 500 });
    m.register({ workerId: 'b', host: '::1', port: 2, taskSlots: 1 });
    now += 400;
    expect(m.heartbeat('a')).toBe(true);
    now += 200; // a: 200 ms since its heartbeat; b: 600 ms since it registered
    m.expire();
    expect(m.workers().map((w) => w.workerId)).toEqual(['a']);
    expect(events).toEqual(['+a/2', '+b/1', '-b: no heartbeat for 600 ms (lease 500 ms)']);
    // An unknown worker is told to register again; registering again re-joins it.
    expect(m.heartbeat('b')).toBe(false);
    m.register({ workerId: 'b', host: '::1', port: 2, taskSlots: 3 });
    expect(events.at(-1)).toBe('+b/3');
    expect(m.lastSeenMs('b')).toBe(now);
    expect(workerAddress(m.worker('b')!)).toBe('[::1]:2');
    // A subscriber added later hears the current members first.
    const late: string[] = [];
    m.subscribe({ joined: (w) => late.push(w.workerId), lost: () => {} });
    expect(late).toEqual(['a', 'b']);
  });

  it('refuses registrations without an id or slots', () => {
    const m = new HeartbeatMembership();
    expect(m.register({ workerId: '', host: 'h', port: 1, taskSlots: 1 }).accepted).toBe(false);
    expect(m.register({ workerId: 'x', host: 'h', port: 1, taskSlots: 0 }).reason).toMatch(/offers 0 task slots/);
    expect(m.workers()).toEqual([]);
  });
});

describe('parseWorkerRecord (etcd values)', () => {
  it('accepts the record workers put, checks a numeric protocol version, and names bad keys', () => {
    expect(parseWorkerRecord('/loch/workers/w1', JSON.stringify({ workerId: 'w1', host: 'h', port: 5, taskSlots: 4, version: '0.1.0' })))
      .toEqual({ worker: { workerId: 'w1', host: 'h', port: 5, taskSlots: 4, version: '0.1.0' } });
    expect(parseWorkerRecord('/loch/workers/w1', JSON.stringify({ workerId: 'w1', host: 'h', port: 5, taskSlots: 4, version: 99 })))
      .toEqual({ problem: expect.stringMatching(/worker w1: protocol version 99 is not supported/) });
    expect(parseWorkerRecord('/loch/workers/w1', JSON.stringify({ workerId: 'w1', host: 'h', port: 5, taskSlots: 4, version: '0.1.0', protocolVersion: 99 })))
      .toEqual({ problem: expect.stringMatching(/protocol version 99/) });
    expect(parseWorkerRecord('/loch/workers/w2', 'not json')).toEqual({ problem: 'etcd key /loch/workers/w2 does not hold JSON' });
    expect(parseWorkerRecord('/loch/workers/w3', '{"host":"h"}')).toEqual({ problem: expect.stringMatching(/is not a worker record/) });
  });
});
