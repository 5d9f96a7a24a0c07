import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEditorialPlan1795328876683 implements MigrationInterface {
  name = 'CreateEditorialPlan1795328876683';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"channels\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"platform\" text NOT NULL, \"name\" text NOT NULL, \"handle\" text NOT NULL DEFAULT '', \"color\" text NOT NULL, \"active\" boolean NOT NULL DEFAULT true, \"text_limit\" integer, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"CHK_channels_color\" CHECK (color ~ '^#[0-9a-fA-F]{6}$'), CONSTRAINT \"PK_bc603823f3f741359c2339389f9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_channels_organization\" ON \"channels\"  (\"organization_id\") ");
    await queryRunner.query("CREATE TABLE \"topics\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"name\" text NOT NULL, \"color\" text NOT NULL, \"sensitive\" boolean NOT NULL DEFAULT false, \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"PK_e4aa99a3fa60ec3a37d1fc4e853\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_topics_organization_name\" ON \"topics\"  (\"organization_id\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"posts\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"working_title\" text NOT NULL, \"text\" text NOT NULL DEFAULT '', \"status\" text NOT NULL, \"planned_at\" TIMESTAMP WITH TIME ZONE, \"planned_date\" date, \"time_zone\" text NOT NULL, \"topic_id\" uuid, \"tags\" text array NOT NULL DEFAULT '{}', \"responsible_user_id\" uuid, \"author_user_id\" uuid NOT NULL, \"checklist\" jsonb NOT NULL DEFAULT '[]', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"CHK_posts_planning\" CHECK (planned_at IS NULL OR planned_date IS NULL), CONSTRAINT \"PK_2829ac61eff60fcec60d7274b9e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_posts_organization_day\" ON \"posts\"  (\"organization_id\", \"planned_date\") ");
    await queryRunner.query("CREATE INDEX \"IDX_posts_organization_planned\" ON \"posts\"  (\"organization_id\", \"planned_at\") ");
    await queryRunner.query("CREATE TABLE \"post_comments\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"post_id\" uuid NOT NULL, \"author_user_id\" uuid, \"body\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_2e99e04b4a1b31de6f833c18ced\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_post_comments_post\" ON \"post_comments\"  (\"post_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"post_variants\" (\"post_id\" uuid NOT NULL, \"channel_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"text\" text, \"position\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_a539130f617df21c0fce039d6d4\" PRIMARY KEY (\"post_id\", \"channel_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_post_variants_channel\" ON \"post_variants\"  (\"channel_id\") ");
    await queryRunner.query("CREATE TABLE \"post_versions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"post_id\" uuid NOT NULL, \"version\" integer NOT NULL, \"changed_by_user_id\" uuid, \"changed_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"changed_fields\" text array NOT NULL DEFAULT '{}', \"snapshot\" jsonb NOT NULL, CONSTRAINT \"PK_fa65826acb5995982e2ae8d0e65\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_post_versions_post_version\" ON \"post_versions\"  (\"post_id\", \"version\") ");
    await queryRunner.query("ALTER TABLE \"channels\" ADD CONSTRAINT \"FK_dcb0c11359ece13fbbcd745c28b\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"topics\" ADD CONSTRAINT \"FK_d6e23a188e344f235ad92d0cab9\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"posts\" ADD CONSTRAINT \"FK_47dffb39b4d5ab644bb67bf12d1\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"posts\" ADD CONSTRAINT \"FK_34720d240a6956e2d3b91f93a8a\" FOREIGN KEY (\"topic_id\") REFERENCES \"topics\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"post_comments\" ADD CONSTRAINT \"FK_e8ffd07822f03f90f637b13cd59\" FOREIGN KEY (\"post_id\") REFERENCES \"posts\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"post_variants\" ADD CONSTRAINT \"FK_98dd1bfa88722d32020c8919a74\" FOREIGN KEY (\"post_id\") REFERENCES \"posts\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"post_variants\" ADD CONSTRAINT \"FK_2b20fc38054291ed329f933d3ea\" FOREIGN KEY (\"channel_id\") REFERENCES \"channels\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"post_versions\" ADD CONSTRAINT \"FK_9778c599cf1352be4f8e665d108\" FOREIGN KEY (\"post_id\") REFERENCES \"posts\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"post_versions\" DROP CONSTRAINT \"FK_9778c599cf1352be4f8e665d108\"");
    await queryRunner.query("ALTER TABLE \"post_variants\" DROP CONSTRAINT \"FK_2b20fc38054291ed329f933d3ea\"");
    await queryRunner.query("ALTER TABLE \"post_variants\" DROP CONSTRAINT \"FK_98dd1bfa88722d32020c8919a74\"");
    await queryRunner.query("ALTER TABLE \"post_comments\" DROP CONSTRAINT \"FK_e8ffd07822f03f90f637b13cd59\"");
    await queryRunner.query("ALTER TABLE \"posts\" DROP CONSTRAINT \"FK_34720d240a6956e2d3b91f93a8a\"");
    await queryRunner.query("ALTER TABLE \"posts\" DROP CONSTRAINT \"FK_47dffb39b4d5ab644bb67bf12d1\"");
    await queryRunner.query("ALTER TABLE \"topics\" DROP CONSTRAINT \"FK_d6e23a188e344f235ad92d0cab9\"");
    await queryRunner.query("ALTER TABLE \"channels\" DROP CONSTRAINT \"FK_dcb0c11359ece13fbbcd745c28b\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_post_versions_post_version\"");
    await queryRunner.query("DROP TABLE \"post_versions\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_post_variants_channel\"");
    await queryRunner.query("DROP TABLE \"post_variants\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_post_comments_post\"");
    await queryRunner.query("DROP TABLE \"post_comments\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_posts_organization_planned\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_posts_organization_day\"");
    await queryRunner.query("DROP TABLE \"posts\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_topics_organization_name\"");
    await queryRunner.query("DROP TABLE \"topics\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_channels_organization\"");
    await queryRunner.query("DROP TABLE \"channels\"");
  }
}
