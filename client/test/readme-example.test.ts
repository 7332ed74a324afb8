/**
 * Issue 5: the README's "DataFrame client" example is the file
 * client/examples/quickstart.ts, and it runs as documented.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

describe('README DataFrame example', () => {
  it('the README shows client/examples/quickstart.ts verbatim', () => {
    const example = readFileSync(`${REPO}client/examples/quickstart.ts`, 'utf8').split('\n').slice(1).join('\n');
    const readme = readFileSync(`${REPO}README.md`, 'utf8');
    expect(readme).toContain('## DataFrame client');
    expect(readme).toContain(`\`\`\`ts\n${example}\`\`\``);
  });

  it('runs and prints the aggregated table, the rows and the count', () => {
    const out = execFileSync(`${REPO}node_modules/.bin/node`, ['client/examples/quickstart.ts'], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 240_000 });
    expect(out).toContain([
      '+------+-----+---+',
      '|region|total|  n|',
      '+------+-----+---+',
      '|    EU| 13.5|  2|',
      '|    US| 7.25|  1|',
      '+------+-----+---+',
    ].join('\n'));
    expect(out).toContain("{ region: 'EU', total: 13.5, n: 2n }");
    expect(out).toContain('Schema<{ 0: region: Utf8, 1: total: Float64, 2: n: Int64 }>');
    expect(out.trim().split('\n').at(-1)).toBe('2');
  }, 300_000);
});
