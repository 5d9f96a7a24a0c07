import { DataSource } from 'typeorm';

export interface SchemaDrift {
  readonly up: string[];
  readonly down: string[];
}

/** What TypeORM would change to make the migrated schema match the entities. Empty = no drift. */
export async function detectSchemaDrift(dataSource: DataSource): Promise<SchemaDrift> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((q) => q.query),
    down: log.downQueries.map((q) => q.query).reverse(),
  };
}

export function renderMigration(className: string, timestamp: number, drift: SchemaDrift): string {
  const lines = (queries: readonly string[]) =>
    queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className}${timestamp} implements MigrationInterface {
  name = '${className}${timestamp}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(drift.up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(drift.down)}
  }
}
`;
}
