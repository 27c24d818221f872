/**
 * Reading a password for `qadiya user create`: from standard input (`--password-stdin`, for
 * scripts and `read -s` in a shell), or typed twice at a terminal without echo. Never from an
 * argument, which other users of the machine can see in the process list and shell history.
 */
import { CliError } from './cli-support';

/** The first line of standard input. */
export async function readPasswordFromStdin(
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<string> {
  let text = '';
  stdin.setEncoding('utf8');
  for await (const chunk of stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  const line = text.split(/\r?\n/)[0] ?? '';
  if (line === '') throw new CliError('No password on standard input.');
  return line;
}

export async function promptNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new CliError(
      'No terminal to type a password: pass it on standard input with --password-stdin.',
    );
  }
  const first = await promptHidden('Password: ');
  const second = await promptHidden('Repeat the password: ');
  if (first !== second) throw new CliError('The two passwords differ.');
  return first;
}

function promptHidden(prompt: string): Promise<string> {
  const { stdin, stderr } = process;
  stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error: Error | null): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string): void => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish(null);
          return;
        }
        if (char === '\u0003') {
          finish(new CliError('Cancelled.'));
          return;
        }
        if (char === '\u007f' || char === '\b') typed = Array.from(typed).slice(0, -1).join('');
        else typed += char;
      }
    };
    stdin.on('data', onData);
  });
}
