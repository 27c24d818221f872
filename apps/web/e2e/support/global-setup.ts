/**
 * Before the browser suite: builds the web app into a temporary folder, then starts `qadiya serve`
 * exactly as `npm start` does, on a fresh embedded database in a temporary folder, which seeds the
 * demo data. The tests reach it at the URL provided as `baseUrl`.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { browserSuiteSkipReason } from './environment';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`qadiya serve exited early:\n${log()}`);
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`qadiya serve did not become healthy in time:\n${log()}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const skipReason = browserSuiteSkipReason();
  if (skipReason) {
    console.log(`\nbrowser suite skipped: ${skipReason}\n`);
    project.provide('baseUrl', '');
    return () => Promise.resolve();
  }
  // A private build (a few seconds), so that parallel runs and `npm start` never share a dist;
  // CI, which has just built the web app from the same sources, names that build instead
  // (QADIYA_E2E_WEB_DIR, .ci/run).
  const dataDir = mkdtempSync(path.join(tmpdir(), 'qadiya-e2e-'));
  const prebuilt = process.env.QADIYA_E2E_WEB_DIR;
  const webDir = prebuilt ? path.resolve(root, prebuilt) : path.join(dataDir, 'web');
  if (!prebuilt) {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', webDir], {
      cwd: path.join(root, 'apps/web'),
      stdio: 'inherit',
    });
  } else if (!existsSync(path.join(webDir, 'index.html'))) {
    throw new Error(`QADIYA_E2E_WEB_DIR names ${webDir}, which holds no built web app`);
  }

  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    QADIYA_DATA_DIR: path.join(dataDir, 'data'),
    QADIYA_WEB_DIR: webDir,
    QADIYA_DEMO: 'true',
    LOG_LEVEL: 'warn',
    // Documents of type "other" fall due as soon as their file is closed, so that the browser
    // suite disposes of one on the retention screen; every other type keeps the default schedule.
    QADIYA_DOCUMENT_RETENTION: 'default:3650,judgment:never,indictment:never,other:0',
  };
  delete env.DATABASE_URL;
  const child = spawn('node', ['apps/server/bin/qadiya.mjs', 'serve'], { cwd: root, env });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child, () => output);
  project.provide('baseUrl', baseUrl);

  return async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(undefined);
      }, 15_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(undefined);
      });
    });
    rmSync(dataDir, { recursive: true, force: true });
  };
}
