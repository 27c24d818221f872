#!/usr/bin/env node
// The web app's bundle budget: the JavaScript a browser must load before the first screen (the
// entry script in dist/index.html and every chunk it preloads) may be at most 300 KB gzipped.
// Route chunks load on demand and are not counted. Exits 1 when over budget; CI runs it after
// the build. Usage: node scripts/check-bundle-size.mjs [budgetKB]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'apps/web/dist');
const budgetKb = Number(process.argv[2] ?? 300);

const indexFile = path.join(dist, 'index.html');
if (!existsSync(indexFile)) {
  console.error('apps/web/dist/index.html is missing: run `npm run build:web` first');
  process.exit(1);
}
const html = readFileSync(indexFile, 'utf8');
const initial = new Set();
for (const match of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g))
  initial.add(match[1]);
for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
  initial.add(match[1]);
if (initial.size === 0) {
  console.error('no entry script found in dist/index.html');
  process.exit(1);
}

let totalBytes = 0;
for (const asset of initial) {
  const gzipped = gzipSync(readFileSync(path.join(dist, asset))).length;
  totalBytes += gzipped;
  console.log(`${(gzipped / 1024).toFixed(1).padStart(8)} KB  ${asset}`);
}
const totalKb = totalBytes / 1024;
console.log(
  `${totalKb.toFixed(1).padStart(8)} KB  initial JavaScript, gzipped (budget ${budgetKb} KB)`,
);
if (totalKb > budgetKb) {
  console.error(
    `over budget by ${(totalKb - budgetKb).toFixed(1)} KB: split a route or drop a dependency`,
  );
  process.exit(1);
}
