#!/usr/bin/env node
// Builds the web app (apps/web/dist) when it is missing or older than its sources, so that
// `npm start` on a fresh clone serves the app without a separate build step, and a restart after
// `git pull` serves the new one. Set QADIYA_SKIP_WEB_BUILD=true to skip (API-only servers).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'apps/web');
const builtIndex = path.join(web, 'dist/index.html');
const sources = [
  path.join(web, 'src'),
  path.join(web, 'public'),
  path.join(web, 'index.html'),
  path.join(web, 'vite.config.ts'),
  path.join(web, 'package.json'),
  path.join(root, 'packages/domain/src'),
  path.join(root, 'package-lock.json'),
];

function newestModification(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    newest = Math.max(newest, newestModification(path.join(entry, child)));
  }
  return newest;
}

if (process.env.QADIYA_SKIP_WEB_BUILD === 'true') process.exit(0);
const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
const changedAt = Math.max(...sources.map(newestModification));
if (builtAt >= changedAt) process.exit(0);

console.log(
  builtAt ? 'The web app changed; rebuilding it…' : 'Building the web app (first start)…',
);
execFileSync('npm', ['run', 'build', '--workspace', '@qadiya/web'], {
  cwd: root,
  stdio: 'inherit',
});
