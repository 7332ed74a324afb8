/**
 * A one-line progress bar on stderr, redrawn in place on a terminal and
 * printed at most every few seconds otherwise (so logs stay short).
 *
 *   lineitem  [##########----------]  48%  2.9M rows  12.4 s
 */

/** Draws progress; `done` ends the line. */
export class ProgressBar {
  private readonly write: (text: string) => void;
  private readonly tty: boolean;
  private readonly started = performance.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(write: (text: string) => void, tty: boolean) {
    this.write = write;
    this.tty = tty;
  }

  /** Shows `fraction` (0..1) of the work done, with a label and optional detail. */
  update(fraction: number, label: string, detail = ''): void {
    const now = performance.now();
    if (now - this.lastDraw < (this.tty ? 100 : 5000) && fraction < 1) return;
    this.lastDraw = now;
    this.write(`${this.tty ? '\r\x1b[K' : ''}${renderBar(fraction, label, detail, (now - this.started) / 1000)}${this.tty ? '' : '\n'}`);
    this.drawn = true;
  }

  done(message: string): void {
    this.write(`${this.tty && this.drawn ? '\r\x1b[K' : ''}${message}\n`);
  }
}

/** The text of one bar. */
export function renderBar(fraction: number, label: string, detail: string, seconds: number): string {
  const f = Math.min(1, Math.max(0, fraction));
  const width = 20;
  const full = Math.round(f * width);
  const bar = `${'#'.repeat(full)}${'-'.repeat(width - full)}`;
  return `${label.padEnd(9)} [${bar}] ${String(Math.floor(f * 100)).padStart(3)}%${detail ? `  ${detail}` : ''}  ${seconds.toFixed(1)} s`;
}
