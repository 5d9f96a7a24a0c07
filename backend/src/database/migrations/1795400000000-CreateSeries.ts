import { MigrationInterface, QueryRunner } from 'typeorm';

/** Series (Formate) with recurring slots; posts remember their series slot and their stored findings. */
export class CreateSeries1795400000000 implements MigrationInterface {
  name = 'CreateSeries1795400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"series\" (\"organization_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" text NOT NULL, \"hashtag\" text NOT NULL DEFAULT '', \"description\" text NOT NULL DEFAULT '', \"channel_ids\" uuid array NOT NULL DEFAULT '{}', \"rrule\" text NOT NULL, \"start_local\" text NOT NULL, \"time_zone\" text NOT NULL, \"topic_id\" uuid, \"checklist\" jsonb NOT NULL DEFAULT '[]', \"text_skeleton\" text NOT NULL DEFAULT '', \"active\" boolean NOT NULL DEFAULT true, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"PK_e725676647382eb54540d7128ba\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_series_organization\" ON \"series\"  (\"organization_id\") ");
    await queryRunner.query("ALTER TABLE \"posts\" ADD \"series_id\" uuid");
    await queryRunner.query("ALTER TABLE \"posts\" ADD \"series_slot_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"posts\" ADD \"findings\" jsonb NOT NULL DEFAULT '[]'");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_posts_series_slot\" ON \"posts\"  (\"series_id\", \"series_slot_at\") WHERE series_slot_at IS NOT NULL");
    await queryRunner.query("ALTER TABLE \"series\" ADD CONSTRAINT \"FK_f884fe8341437edc5c4cd4f5282\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"series\" ADD CONSTRAINT \"FK_09aed2b80b4a32985132f975365\" FOREIGN KEY (\"topic_id\") REFERENCES \"topics\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"posts\" ADD CONSTRAINT \"FK_acade31ca306d14e594554229af\" FOREIGN KEY (\"series_id\") REFERENCES \"series\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    // Tenant table: same grants and policy as the other editorial plan tables (EnableEditorialPlanSecurity).
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON series TO amtsplan_app`);
    await queryRunner.query(`ALTER TABLE series ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY series_tenant ON series FOR ALL
      USING (organization_id = app_current_organization()) WITH CHECK (organization_id = app_current_organization())`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY series_tenant ON series`);
    await queryRunner.query(`REVOKE ALL ON series FROM amtsplan_app`);
    await queryRunner.query("ALTER TABLE \"posts\" DROP CONSTRAINT \"FK_acade31ca306d14e594554229af\"");
    await queryRunner.query("ALTER TABLE \"series\" DROP CONSTRAINT \"FK_09aed2b80b4a32985132f975365\"");
    await queryRunner.query("ALTER TABLE \"series\" DROP CONSTRAINT \"FK_f884fe8341437edc5c4cd4f5282\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_posts_series_slot\"");
    await queryRunner.query("ALTER TABLE \"posts\" DROP COLUMN \"findings\"");
    await queryRunner.query("ALTER TABLE \"posts\" DROP COLUMN \"series_slot_at\"");
    await queryRunner.query("ALTER TABLE \"posts\" DROP COLUMN \"series_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_series_organization\"");
    await queryRunner.query("DROP TABLE \"series\"");
  }
}
