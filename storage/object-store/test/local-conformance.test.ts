import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { LocalObjectStore } from '../../index.ts';
import { objectStoreConformance } from './conformance.ts';

let dir = '';
beforeAll(async () => { dir = await mkdtemp(nodePath.join(tmpdir(), 'loch-conformance-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

objectStoreConformance('LocalObjectStore', () => new LocalObjectStore(dir));
