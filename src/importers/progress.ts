import fs from 'node:fs';
import cliProgress from 'cli-progress';
import type { Progress } from './import.run.ts';
import { bytesRead } from './input.files.ts';

// A progress bar on a terminal; a plain line every few seconds otherwise (logs, CI).

export function fileProgress(file: string, label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const total = fs.statSync(file).size || 1;
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {records} records | {duration}s`, stream, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { records: 0 });
    return {
      tick: (records) => bar.update(bytesRead(file), { records }),
      done: () => {
        bar.update(total);
        bar.stop();
      },
    };
  }
  const every = Number(process.env.NEXTSEASON_PROGRESS_MS ?? 5000);
  let last = Date.now();
  return {
    tick(records) {
      if (Date.now() - last < every) return;
      last = Date.now();
      stream.write(`${label}: ${Math.round((bytesRead(file) / total) * 100)}% read, ${records} records\n`);
    },
    done() {},
  };
}
