/**
 * Progress of a generation: a bar per phase on a terminal (cli-progress), plain lines otherwise
 * (a log file, CI), at most one every 5 % or 15 seconds so that a log stays readable.
 */
import cliProgress from 'cli-progress';

export interface ProgressSink {
  /** A new phase of `total` steps. */
  start(phase: string, total: number): void;
  update(done: number, detail?: string): void;
  finish(): void;
  note(line: string): void;
}

export function progressFor(stream: NodeJS.WriteStream = process.stderr): ProgressSink {
  return stream.isTTY
    ? new BarProgress(stream)
    : new LineProgress((line) => stream.write(`${line}\n`));
}

class BarProgress implements ProgressSink {
  private bar: cliProgress.SingleBar | null = null;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  start(phase: string, total: number): void {
    this.finish();
    this.bar = new cliProgress.SingleBar(
      {
        stream: this.stream,
        format: `${phase.padEnd(22)} {bar} {percentage}% | {value}/{total} | {duration_formatted} {detail}`,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(Math.max(total, 1), 0, { detail: '' });
  }

  update(done: number, detail = ''): void {
    this.bar?.update(done, { detail });
  }

  finish(): void {
    this.bar?.stop();
    this.bar = null;
  }

  note(line: string): void {
    this.finish();
    this.stream.write(`${line}\n`);
  }
}

export class LineProgress implements ProgressSink {
  private phase = '';
  private total = 1;
  private startedAt = 0;
  private lastShare = -1;
  private lastAt = 0;

  constructor(private readonly print: (line: string) => void) {}

  start(phase: string, total: number): void {
    this.phase = phase;
    this.total = Math.max(total, 1);
    this.startedAt = Date.now();
    this.lastShare = -1;
    this.lastAt = 0;
  }

  update(done: number, detail = ''): void {
    const share = Math.floor((done / this.total) * 20);
    const now = Date.now();
    if (share === this.lastShare && now - this.lastAt < 15_000) return;
    this.lastShare = share;
    this.lastAt = now;
    const seconds = ((now - this.startedAt) / 1000).toFixed(0);
    this.print(
      `${this.phase}: ${done}/${this.total} (${Math.floor((done / this.total) * 100)}%, ${seconds} s)${detail ? ` ${detail}` : ''}`,
    );
  }

  finish(): void {
    if (this.phase === '') return;
    this.print(`${this.phase}: done in ${((Date.now() - this.startedAt) / 1000).toFixed(1)} s`);
    this.phase = '';
  }

  note(line: string): void {
    this.print(line);
  }
}

/** For tests and library callers: no output. */
export const silentProgress: ProgressSink = {
  start: () => undefined,
  update: () => undefined,
  finish: () => undefined,
  note: () => undefined,
};
