/**
 * When the generator refuses to run. Generated files must never mix silently with real ones:
 * a database that holds persons or files, or an organisation of its own, is refused unless the
 * operator passes --force. A demo database (its audit log records the demo seeding) and an earlier
 * generation's database are test data and are extended. The same seed is never generated twice
 * into one database: its ids would collide, so that is refused even with --force.
 */
import type { ExistingData } from './existing-data';

export class GeneratorRefusal extends Error {
  override name = 'GeneratorRefusal';
}

/** Returns notes for the operator; throws GeneratorRefusal when the run must not go ahead. */
export function checkSafeToGenerate(
  existing: ExistingData,
  seed: string,
  force: boolean,
): string[] {
  if (existing.generatedSeeds.includes(seed)) {
    throw new GeneratorRefusal(
      `This database already holds data generated with seed "${seed}". Generate into a fresh ` +
        'database, or choose another seed.',
    );
  }
  const { persons, cases, users } = existing.counts;
  const isTestData = existing.isDemo || existing.generatedSeeds.length > 0;
  const notes: string[] = [];
  if (!isTestData && (persons > 0 || cases > 0)) {
    if (!force) {
      throw new GeneratorRefusal(
        `Refusing to generate: this database holds ${cases} files and ${persons} persons that were ` +
          'neither generated nor seeded by the demo, and generated data must not mix with real ' +
          'data. Use a fresh database (qadiya migrate on an empty one), or pass --force if this ' +
          'really is a scratch database.',
      );
    }
    notes.push(
      `--force: adding generated data to a database with ${cases} files and ${persons} persons.`,
    );
  } else if (!isTestData && users > 0) {
    if (!force) {
      throw new GeneratorRefusal(
        `Refusing to generate: this database has an organisation of its own (${users} users) that ` +
          'is neither the demo nor generated. Generated files would be assigned to its staff. Use ' +
          'a fresh database, or pass --force if this really is a scratch database.',
      );
    }
    notes.push(`--force: generating into an organisation of ${users} users.`);
  }
  if (existing.isDemo)
    notes.push('This is a demo database: the generated data extends the demo organisation.');
  if (existing.generatedSeeds.length > 0) {
    notes.push(
      `Earlier generations in this database: seeds ${existing.generatedSeeds.join(', ')}.`,
    );
  }
  return notes;
}
