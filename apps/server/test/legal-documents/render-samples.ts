/**
 * Writes a sample of every generated legal document, as PDF and (when poppler's pdftoppm is
 * installed: apt-get install poppler-utils) as PNG, from the demo-like files of the tests, to
 * look at the shaping and the right-to-left layout after changing a template:
 *
 *   npx tsx apps/server/test/legal-documents/render-samples.ts [out-dir]   (default /tmp/legal-document-samples)
 *
 * It runs on an embedded database of its own in memory and stores nothing.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import {
  renderLegalDocument,
  type GenerateDocumentInput,
} from '../../src/legal-documents/generate-legal-document';
import { contextFor } from '../cases/lifecycle-fixtures';
import {
  ACCUSED,
  buildCourtFile,
  buildProsecutionFile,
  holdHearing,
  recordJudgment,
} from './legal-documents-fixtures';

const outDir = path.resolve(process.argv[2] ?? '/tmp/legal-document-samples');
mkdirSync(outDir, { recursive: true });
const handle = await openDatabase({ pgliteDataDir: 'memory://' });
await migrate(handle);
const db = handle.db;

async function sample(name: string, userId: string, caseId: string, input: GenerateDocumentInput) {
  const { pdf } = await renderLegalDocument(
    await contextFor(db, userId, new Date()),
    caseId,
    input,
  );
  const file = path.join(outDir, `${name}.pdf`);
  writeFileSync(file, pdf);
  try {
    execFileSync('pdftoppm', ['-r', '80', '-png', file, path.join(outDir, name)]);
  } catch {
    // No pdftoppm: the PDFs are still written.
  }
  console.log(file);
}

const p = await buildProsecutionFile(db);
await sample('indictment', p.prosecutor.id, p.file.id, { template: 'indictment' });
await sample('detention-order', p.prosecutor.id, p.file.id, {
  template: 'detention_order',
  detentionId: p.detention.id,
});
await sample('detention-extension-request', p.prosecutor.id, p.file.id, {
  template: 'detention_extension_request',
  detentionId: p.detention.id,
});
const injected = await buildProsecutionFile(db, {
  ...ACCUSED,
  first: '#panic("boom")',
  family: '[*عريض*] $x$',
});
await sample('indictment-injection', injected.prosecutor.id, injected.file.id, {
  template: 'indictment',
});

const c = await buildCourtFile(db);
await sample('summons', c.clerk.id, c.file.id, {
  template: 'summons',
  hearingId: c.first.id,
  partyId: c.accusedParty,
});
await holdHearing(db, c.judge.id, c.file.id, c.first.id);
await sample('hearing-minutes', c.clerk.id, c.file.id, {
  template: 'hearing_minutes',
  hearingId: c.first.id,
});
await recordJudgment(db, c.judge.id, c.file.id, c.chargeId);
await sample('judgment', c.judge.id, c.file.id, { template: 'judgment' });
await handle.close();
