/**
 * A grouped bar chart of per-query median times (Loch and DuckDB side by side),
 * written as plain SVG: linear or log scale, a legend, and the Loch/DuckDB ratio
 * above each pair. Wrong or failed Loch queries show a red "✗" instead of a bar.
 */
import type { TpchReport } from './tpch-report.ts';

const COLORS = { loch: '#2f6fb3', duckdb: '#e0a526' } as const;

/** 1, 2 or 5 times a power of ten, at least `x`: round axis steps. */
function niceStep(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= x) ?? 10 * p;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The chart of `report` as an SVG document. */
export function tpchChartSvg(report: TpchReport, options: { log?: boolean } = {}): string {
  const engines = (['loch', 'duckdb'] as const).filter((e) => report[e] !== undefined);
  const qs = (report.loch ?? report.duckdb)?.queries.map((f) => f.q) ?? [];
  const time = (e: 'loch' | 'duckdb', q: number) => report[e]?.queries.find((f) => f.q === q)?.medianMs ?? null;
  const values = qs.flatMap((q) => engines.map((e) => time(e, q))).filter((v): v is number => v !== null && v > 0);
  const max = Math.max(1, ...values);
  const min = Math.max(0.1, Math.min(max, ...values));
  const log = options.log === true;
  const lo = log ? Math.floor(Math.log10(min)) : 0;
  const step = niceStep(max / 5);
  const hi = log ? Math.ceil(Math.log10(max)) : Math.ceil(max / step) * step;
  const [left, top, plotH, group] = [70, 50, 300, 14 + 12 * engines.length];
  const width = Math.max(440, left + qs.length * group + 20);
  const height = top + plotH + 60;
  const y = (v: number) => top + plotH - (log ? ((Math.log10(Math.max(v, 10 ** lo)) - lo) / (hi - lo || 1)) * plotH : (v / hi) * plotH);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${left}" y="18" font-size="14">${esc(`TPC-H SF ${report.sf}, ${report.mode} (${report.format}): median ms per query${log ? ' (log scale)' : ''}`)}</text>`,
  ];
  const ticks = log ? Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i)) : Array.from({ length: Math.round(hi / step) + 1 }, (_, i) => step * i);
  for (const t of ticks) {
    out.push(`<line x1="${left}" x2="${width - 10}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#ddd"/>`,
      `<text x="${left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${t >= 1 || t === 0 ? Math.round(t) : t.toFixed(1)}</text>`);
  }
  qs.forEach((q, i) => {
    const x0 = left + i * group + 7;
    engines.forEach((e, k) => {
      const v = time(e, q);
      const x = x0 + k * 12;
      if (v === null) out.push(`<text x="${x + 5}" y="${top + plotH - 4}" text-anchor="middle" fill="#c00">✗</text>`);
      else out.push(`<rect x="${x}" y="${y(v).toFixed(1)}" width="11" height="${(top + plotH - y(v)).toFixed(1)}" fill="${COLORS[e]}"><title>${e} Q${q}: ${v.toFixed(1)} ms</title></rect>`);
    });
    const ratio = report.loch?.queries.find((f) => f.q === q)?.ratio;
    const highest = Math.max(...engines.map((e) => time(e, q) ?? 0));
    if (typeof ratio === 'number') out.push(`<text x="${x0 + 6 * engines.length}" y="${(y(Math.max(highest, log ? 10 ** lo : 0)) - 4).toFixed(1)}" text-anchor="middle" font-size="9">${ratio.toFixed(1)}×</text>`);
    out.push(`<text x="${x0 + 6 * engines.length}" y="${top + plotH + 14}" text-anchor="middle">Q${q}</text>`);
  });
  out.push(`<line x1="${left}" x2="${width - 10}" y1="${top + plotH}" y2="${top + plotH}" stroke="#333"/>`);
  engines.forEach((e, k) => {
    const x = left + k * 90;
    out.push(`<rect x="${x}" y="${height - 22}" width="12" height="12" fill="${COLORS[e]}"/>`, `<text x="${x + 16}" y="${height - 12}">${e === 'loch' ? 'Loch' : 'DuckDB'}</text>`);
  });
  if (report.ratioTotal !== null) {
    out.push(`<text x="${left + 200}" y="${height - 12}">${esc(`total ratio ${report.ratioTotal.toFixed(2)}, geomean ${report.geomeanRatio?.toFixed(2)}`)}</text>`);
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
