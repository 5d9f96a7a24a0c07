import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { detectSchemaDrift, renderMigration } from '../database/schema-drift';

export async function runMigrations(dataSource: DataSource): Promise<void> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  console.log(applied.length ? `Migrationen ausgeführt: ${applied.map((m) => m.name).join(', ')}` : 'Schema ist aktuell.');
}

/**
 * Compares the migrated schema with the entities. With a name, writes a new migration for the
 * difference (to be reviewed, with its `down`); without one, only reports drift (exit code 1).
 */
export async function generateMigration(dataSource: DataSource, name: string | undefined, directory: string): Promise<number> {
  await dataSource.runMigrations({ transaction: 'each' });
  const drift = await detectSchemaDrift(dataSource);
  if (drift.up.length === 0) {
    console.log('Keine Abweichung zwischen Entities und Migrationen.');
    return 0;
  }
  console.log(`Abweichung gefunden (${drift.up.length} Anweisungen):\n${drift.up.join(';\n')};`);
  if (!name) return 1;
  if (!/^[A-Z][A-Za-z]+$/.test(name)) throw new Error('Der Name muss VerbNomen in CamelCase sein, z. B. AddPostTags.');
  const timestamp = Date.now();
  const file = join(directory, `${timestamp}-${name}.ts`);
  writeFileSync(file, renderMigration(name, timestamp, drift));
  console.log(`Geschrieben: ${file} — prüfen und in migrations/index.ts eintragen.`);
  return 0;
}
