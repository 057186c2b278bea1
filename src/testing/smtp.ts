import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './server.ts';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  headers: Record<string, string>;
}

export interface SmtpProcess {
  url: string;
  mails: ReceivedMail[];
  /** Resolves with the first mail (old or new) that matches. */
  waitFor(match: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  stop(): Promise<void>;
}

/** Starts src/testing/smtp.server.ts as a child process and collects what it receives. */
export async function startSmtp(): Promise<SmtpProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/testing/smtp.server.ts')], { cwd: ROOT });
  const mails: ReceivedMail[] = [];
  const waiters: Array<() => void> = [];
  let buffer = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      buffer += d;
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('listening ')) resolve(Number(line.slice(10)));
        else if (line.startsWith('{')) {
          mails.push(JSON.parse(line) as ReceivedMail);
          for (const w of waiters.splice(0)) w();
        }
        nl = buffer.indexOf('\n');
      }
    });
    child.stderr.on('data', (d: Buffer) => process.stderr.write(d));
    child.once('exit', (code) => reject(new Error(`SMTP server exited with ${code}`)));
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    waitFor(match, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching mail within ${timeoutMs} ms; got ${mails.map((m) => m.subject).join(' | ')}`)),
          timeoutMs,
        );
        const check = () => {
          const found = mails.find(match);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          } else waiters.push(check);
        };
        check();
      });
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
