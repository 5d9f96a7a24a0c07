import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Posteingang's list is ordered by (received_at, id) and paged by a cursor on both: the
 * list indexes end in id, so the order and the cursor condition come from the index and a page
 * stops after limit + 1 rows. The default view ("offen": new, assigned, with the Fachbereich,
 * escalated) gets a partial index of its own, so a small open backlog among a year of answered
 * items is read without stepping over the closed ones.
 */
export class IndexInboxList1795408010000 implements MigrationInterface {
  name = 'IndexInboxList1795408010000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, columns] of LIST_INDEXES) {
      await queryRunner.query(`DROP INDEX "public"."${name}"`);
      await queryRunner.query(`CREATE INDEX "${name}" ON "inbox_items"  (${[...columns, 'received_at', 'id'].map((c) => `"${c}"`).join(', ')}) `);
    }
    await queryRunner.query(
      `CREATE INDEX "IDX_inbox_items_open_received" ON "inbox_items"  ("organization_id", "received_at", "id") WHERE status IN ('new', 'assigned', 'with_department', 'escalated')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_inbox_items_open_received"`);
    for (const [name, columns] of LIST_INDEXES) {
      await queryRunner.query(`DROP INDEX "public"."${name}"`);
      await queryRunner.query(`CREATE INDEX "${name}" ON "inbox_items"  (${[...columns, 'received_at'].map((c) => `"${c}"`).join(', ')}) `);
    }
  }
}

const LIST_INDEXES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['IDX_inbox_items_received', ['organization_id']],
  ['IDX_inbox_items_status_received', ['organization_id', 'status']],
  ['IDX_inbox_items_category_received', ['organization_id', 'category']],
  ['IDX_inbox_items_channel_received', ['organization_id', 'channel_id']],
];
