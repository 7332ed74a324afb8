import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const sha = (rel: string) => createHash('sha256').update(readFileSync(new URL(rel, root))).digest('hex');
const checksums = JSON.parse(readFileSync(new URL('gen/checksums.json', root), 'utf8')) as {
  sources: Record<string, string>;
  generated: Record<string, string>;
};

describe('proto/gen', () => {
  it('was generated from the current .proto sources (run `npm run gen-proto` after editing one)', () => {
    const now: Record<string, string> = {};
    for (const f of readdirSync(new URL('loch/v1/', root)).filter((f) => f.endsWith('.proto')).sort()) now[`loch/v1/${f}`] = sha(`loch/v1/${f}`);
    expect(now).toEqual(checksums.sources);
  });

  it('has not been edited by hand', () => {
    for (const [file, digest] of Object.entries(checksums.generated)) {
      expect(sha(`gen/${file}`), `proto/gen/${file} differs from what scripts/gen-proto.sh wrote`).toBe(digest);
    }
  });
});
