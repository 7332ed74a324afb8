/**
 * Arrow pretty-printed tables (the `*.txt` expectations of the Delta corpus):
 *
 *   +----+-------+
 *   | id | value |
 *   +----+-------+
 *   | 3  | 3     |        empty cell = null
 *   +----+-------+
 */

/** Header and raw cell texts of a pretty-printed table. */
export function parsePrettyTable(text: string, where: string): { columns: string[]; rows: string[][] } {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('|'));
  if (lines.length === 0) throw new Error(`${where}: no table rows found`);
  const cells = (line: string) => line.slice(1, line.endsWith('|') ? -1 : undefined).split('|').map((c) => c.trim());
  const columns = cells(lines[0]!);
  const rows = lines.slice(1).map(cells);
  for (const r of rows) if (r.length !== columns.length) throw new Error(`${where}: a row has ${r.length} cells, the header ${columns.length}`);
  return { columns, rows };
}

/** "2023-05-31T18:58:33.633Z" / "2024-09-09T12:34:56.123456" / "2024-09-09" → µs since the epoch (UTC). */
export function parseDeltaTimestampText(text: string): bigint {
  const m = /^(-?\d{4,})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?)?(Z|[+-]\d\d:?\d\d)?$/.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a timestamp`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  let us = BigInt(ms) * 1000n + BigInt(m[7] ? m[7].padEnd(9, '0').slice(0, 6) : '0');
  const z = m[8];
  if (z && z !== 'Z') {
    const zm = /^([+-])(\d\d):?(\d\d)$/.exec(z)!;
    const off = BigInt((Number(zm[2]) * 60 + Number(zm[3])) * 60_000_000);
    us = zm[1] === '+' ? us - off : us + off;
  }
  return us;
}
