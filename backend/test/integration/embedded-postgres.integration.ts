import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { ScopedTransaction } from '../../src/database/scoped-transaction';
import { detectSchemaDrift } from '../../src/database/schema-drift';
import { seedDemo } from '../../src/demo/demo-seed';

/** The embedded PGlite database of `npm start`: same migrations, same row-level security. */
describe('embedded PostgreSQL (PGlite) for npm start', () => {
  const directory = mkdtempSync(join(tmpdir(), 'amtsplan-pglite-'));
  const url = `pglite:${directory}`;
  let owner: DataSource;
  let app: DataSource;

  beforeAll(async () => {
    owner = createDataSource(url, 'owner', 1);
    await owner.initialize();
    await owner.runMigrations({ transaction: 'each' });
    await seedDemo(owner, 'Demo-Passwort-2026!');
    app = createDataSource(url, 'app');
    await app.initialize();
    // Every migration on the WebAssembly database: about 30 s on a busy two-core machine.
  }, 180_000);

  afterAll(async () => {
    await app?.destroy();
    await owner?.destroy();
    rmSync(directory, { recursive: true, force: true });
  });

  const scoped = <T>(organizationId: string, work: (tx: ScopedTransaction) => Promise<T>) =>
    app.transaction(async (manager) => {
      const tx = new ScopedTransaction(manager, { organizationId });
      await tx.apply({ organizationId });
      return work(tx);
    });

  it('runs the migrations without drift', async () => {
    expect(await detectSchemaDrift(owner)).toEqual({ up: [], down: [] });
  });

  it('applies row-level security to the app role', async () => {
    const orgs: Array<{ id: string; name: string }> = await owner.query('SELECT id, name FROM organizations ORDER BY name');
    const landkreis = orgs.find((o) => o.name === 'Landkreis Beispiel')!.id;
    const rows = await scoped(landkreis, ({ manager }) => manager.query('SELECT DISTINCT organization_id FROM memberships'));
    expect(rows).toEqual([{ organization_id: landkreis }]);
    await expect(scoped(landkreis, ({ manager }) => manager.query('DELETE FROM audit_events'))).rejects.toThrow(/permission denied/);
  });

  it('never lets concurrent transactions see each other’s tenant scope', async () => {
    const orgs: Array<{ id: string }> = await owner.query('SELECT id FROM organizations');
    const seen = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const organizationId = orgs[i % orgs.length]!.id;
        return scoped(organizationId, async ({ manager }) => {
          await new Promise((r) => setTimeout(r, 5));
          const [{ org }] = await manager.query(`SELECT current_setting('app.organization_id') AS org`);
          const members: Array<{ organization_id: string }> = await manager.query('SELECT organization_id FROM memberships');
          return { organizationId, org, foreign: members.filter((m) => m.organization_id !== organizationId).length };
        });
      }),
    );
    for (const result of seen) expect(result).toEqual({ organizationId: result.organizationId, org: result.organizationId, foreign: 0 });
  });

  it('reports affected rows like PostgreSQL', async () => {
    const result = await owner.query(`UPDATE users SET locale = 'de' WHERE email LIKE '%@musterstadt.example'`);
    expect(result[1]).toBe(6);
  });
});
