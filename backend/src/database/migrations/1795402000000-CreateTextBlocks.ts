import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Textbausteine: categories, the organization's text block settings (form of address, own
 * placeholders), text blocks and their versions; approval requests get a subject kind so that
 * a text block version can be approved through the same routes as a post. Generated from the
 * entities; security, search and seeding follow in SecureTextBlocks.
 */
export class CreateTextBlocks1795402000000 implements MigrationInterface {
  name = 'CreateTextBlocks1795402000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"text_block_categories\" (\"organization_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" text NOT NULL, \"position\" integer NOT NULL DEFAULT '0', \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"PK_cb811f2da9480161d4aa51c5d51\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_text_block_categories_organization_name\" ON \"text_block_categories\"  (\"organization_id\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"text_blocks\" (\"organization_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"short_code\" text COLLATE \"C\" NOT NULL, \"owner_user_id\" uuid NOT NULL, \"tags\" text array NOT NULL DEFAULT '{}', \"valid_from\" date, \"valid_until\" date, \"review_on\" date, \"latest_version_id\" uuid, \"approved_version_id\" uuid, \"usage_count\" integer NOT NULL DEFAULT '0', \"last_used_at\" TIMESTAMP WITH TIME ZONE, \"created_by_user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"PK_85fb661723bf9a05c2c25f65bd3\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_text_blocks_review\" ON \"text_blocks\"  (\"organization_id\", \"review_on\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_text_blocks_organization_short_code\" ON \"text_blocks\"  (\"organization_id\", \"short_code\") ");
    await queryRunner.query("CREATE TABLE \"text_block_versions\" (\"organization_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"text_block_id\" uuid NOT NULL, \"number\" integer NOT NULL, \"title\" text NOT NULL, \"body_sie\" text, \"body_du\" text, \"category_id\" uuid NOT NULL, \"platforms\" text array NOT NULL DEFAULT '{}', \"status\" text NOT NULL DEFAULT 'draft', \"submitted\" boolean NOT NULL DEFAULT false, \"author_user_id\" uuid NOT NULL, \"editor_user_ids\" uuid array NOT NULL DEFAULT '{}', \"search_vector\" tsvector, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"CHK_text_block_versions_status\" CHECK (status IN ('draft', 'in_approval', 'approved', 'changes_requested', 'rejected')), CONSTRAINT \"PK_abb23331968d7d4b20d18aeb856\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_text_block_versions_block_number\" ON \"text_block_versions\"  (\"text_block_id\", \"number\") ");
    await queryRunner.query("CREATE TABLE \"text_block_settings\" (\"organization_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"address_form\" text NOT NULL DEFAULT 'sie', \"placeholders\" jsonb NOT NULL DEFAULT '[]', \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"CHK_text_block_settings_address_form\" CHECK (address_form IN ('sie', 'du')), CONSTRAINT \"PK_60ed58c6e3b15015f062e9102f0\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_text_block_settings_organization\" ON \"text_block_settings\"  (\"organization_id\") ");
    await queryRunner.query("ALTER TABLE \"approval_requests\" ADD \"subject_type\" text NOT NULL DEFAULT 'post'");
    await queryRunner.query("ALTER TABLE \"approval_requests\" ADD \"text_block_version_id\" uuid");
    await queryRunner.query("ALTER TABLE \"approval_requests\" DROP CONSTRAINT \"FK_4d479cbc381a4446276d12efacb\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_approval_requests_post\"");
    await queryRunner.query("ALTER TABLE \"approval_requests\" ALTER COLUMN \"post_id\" DROP NOT NULL");
    await queryRunner.query("CREATE INDEX \"IDX_approval_requests_text_block_version\" ON \"approval_requests\"  (\"text_block_version_id\", \"submitted_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_approval_requests_live_text_block_version\" ON \"approval_requests\"  (\"text_block_version_id\") WHERE status IN ('pending', 'approved')");
    await queryRunner.query("CREATE INDEX \"IDX_approval_requests_post\" ON \"approval_requests\"  (\"post_id\", \"submitted_at\") ");
    await queryRunner.query("ALTER TABLE \"approval_requests\" ADD CONSTRAINT \"CHK_approval_requests_subject\" CHECK ((subject_type = 'post' AND post_id IS NOT NULL AND text_block_version_id IS NULL) OR (subject_type = 'text_block' AND text_block_version_id IS NOT NULL AND post_id IS NULL))");
    await queryRunner.query("ALTER TABLE \"text_block_categories\" ADD CONSTRAINT \"FK_59d1c070ec672f34a5239e3d8b6\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"text_blocks\" ADD CONSTRAINT \"FK_33ebb01da7968338c377c7cae27\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"text_block_versions\" ADD CONSTRAINT \"FK_ce513da0f6c5a8aea4c46ee6d0d\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"text_block_versions\" ADD CONSTRAINT \"FK_c4571609b5f589c41dba6449b4a\" FOREIGN KEY (\"text_block_id\") REFERENCES \"text_blocks\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"text_block_versions\" ADD CONSTRAINT \"FK_09da01868695841692a293fd2bf\" FOREIGN KEY (\"category_id\") REFERENCES \"text_block_categories\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"approval_requests\" ADD CONSTRAINT \"FK_4d479cbc381a4446276d12efacb\" FOREIGN KEY (\"post_id\") REFERENCES \"posts\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"approval_requests\" ADD CONSTRAINT \"FK_d37ebbbc3ed7f1da6d9b4245330\" FOREIGN KEY (\"text_block_version_id\") REFERENCES \"text_block_versions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"text_block_settings\" ADD CONSTRAINT \"FK_269f1caa70aa17daaaf8dec2882\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Requests about text blocks cannot stay once post_id is required again.
    await queryRunner.query("DELETE FROM \"approval_requests\" WHERE \"subject_type\" <> 'post'");
    await queryRunner.query("ALTER TABLE \"text_block_settings\" DROP CONSTRAINT \"FK_269f1caa70aa17daaaf8dec2882\"");
    await queryRunner.query("ALTER TABLE \"approval_requests\" DROP CONSTRAINT \"FK_d37ebbbc3ed7f1da6d9b4245330\"");
    await queryRunner.query("ALTER TABLE \"approval_requests\" DROP CONSTRAINT \"FK_4d479cbc381a4446276d12efacb\"");
    await queryRunner.query("ALTER TABLE \"text_block_versions\" DROP CONSTRAINT \"FK_09da01868695841692a293fd2bf\"");
    await queryRunner.query("ALTER TABLE \"text_block_versions\" DROP CONSTRAINT \"FK_c4571609b5f589c41dba6449b4a\"");
    await queryRunner.query("ALTER TABLE \"text_block_versions\" DROP CONSTRAINT \"FK_ce513da0f6c5a8aea4c46ee6d0d\"");
    await queryRunner.query("ALTER TABLE \"text_blocks\" DROP CONSTRAINT \"FK_33ebb01da7968338c377c7cae27\"");
    await queryRunner.query("ALTER TABLE \"text_block_categories\" DROP CONSTRAINT \"FK_59d1c070ec672f34a5239e3d8b6\"");
    await queryRunner.query("ALTER TABLE \"approval_requests\" DROP CONSTRAINT \"CHK_approval_requests_subject\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_approval_requests_post\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_approval_requests_live_text_block_version\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_approval_requests_text_block_version\"");
    await queryRunner.query("ALTER TABLE \"approval_requests\" ALTER COLUMN \"post_id\" SET NOT NULL");
    await queryRunner.query("CREATE INDEX \"IDX_approval_requests_post\" ON \"approval_requests\" USING btree (\"post_id\", \"submitted_at\") ");
    await queryRunner.query("ALTER TABLE \"approval_requests\" ADD CONSTRAINT \"FK_4d479cbc381a4446276d12efacb\" FOREIGN KEY (\"post_id\") REFERENCES \"posts\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"approval_requests\" DROP COLUMN \"text_block_version_id\"");
    await queryRunner.query("ALTER TABLE \"approval_requests\" DROP COLUMN \"subject_type\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_text_block_settings_organization\"");
    await queryRunner.query("DROP TABLE \"text_block_settings\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_text_block_versions_block_number\"");
    await queryRunner.query("DROP TABLE \"text_block_versions\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_text_blocks_organization_short_code\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_text_blocks_review\"");
    await queryRunner.query("DROP TABLE \"text_blocks\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_text_block_categories_organization_name\"");
    await queryRunner.query("DROP TABLE \"text_block_categories\"");
  }
}
