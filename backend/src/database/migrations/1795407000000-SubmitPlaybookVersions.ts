import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Crisis playbook versions become the third subject of approval requests (decision 0015): a
 * nullable playbook_version_id with its live unique index and one more branch of
 * CHK_approval_requests_subject. Versions keep who wrote them (four-eyes) and whether they were
 * submitted. A version marked "in Freigabe" or "freigegeben" without a request (the former
 * direct status change) goes back to Entwurf: nothing is signed off without a request.
 */
export class SubmitPlaybookVersions1795407000000 implements MigrationInterface {
  name = 'SubmitPlaybookVersions1795407000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"playbook_versions\" ADD \"editor_user_ids\" uuid array NOT NULL DEFAULT '{}'");
    await queryRunner.query("ALTER TABLE \"playbook_versions\" ADD \"submitted\" boolean NOT NULL DEFAULT false");
    await queryRunner.query("ALTER TABLE \"approval_requests\" ADD \"playbook_version_id\" uuid");
    await queryRunner.query("CREATE INDEX \"IDX_approval_requests_playbook_version\" ON \"approval_requests\"  (\"playbook_version_id\", \"submitted_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_approval_requests_live_playbook_version\" ON \"approval_requests\"  (\"playbook_version_id\") WHERE status IN ('pending', 'approved')");
    await queryRunner.query("ALTER TABLE \"approval_requests\" ADD CONSTRAINT \"FK_f1032edae7a5bedaba2b6b847a8\" FOREIGN KEY (\"playbook_version_id\") REFERENCES \"playbook_versions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"approval_requests\" DROP CONSTRAINT \"CHK_approval_requests_subject\"");
    await queryRunner.query(
      "ALTER TABLE \"approval_requests\" ADD CONSTRAINT \"CHK_approval_requests_subject\" CHECK ((subject_type = 'post' AND post_id IS NOT NULL AND text_block_version_id IS NULL AND playbook_version_id IS NULL) OR (subject_type = 'text_block' AND text_block_version_id IS NOT NULL AND post_id IS NULL AND playbook_version_id IS NULL) OR (subject_type = 'playbook' AND playbook_version_id IS NOT NULL AND post_id IS NULL AND text_block_version_id IS NULL))",
    );
    await queryRunner.query("UPDATE \"playbook_versions\" SET \"status\" = 'draft', \"approved_at\" = NULL WHERE \"status\" <> 'draft'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM \"approval_requests\" WHERE \"subject_type\" = 'playbook'");
    await queryRunner.query("ALTER TABLE \"approval_requests\" DROP CONSTRAINT \"CHK_approval_requests_subject\"");
    await queryRunner.query(
      "ALTER TABLE \"approval_requests\" ADD CONSTRAINT \"CHK_approval_requests_subject\" CHECK ((subject_type = 'post' AND post_id IS NOT NULL AND text_block_version_id IS NULL) OR (subject_type = 'text_block' AND text_block_version_id IS NOT NULL AND post_id IS NULL))",
    );
    await queryRunner.query("ALTER TABLE \"approval_requests\" DROP CONSTRAINT \"FK_f1032edae7a5bedaba2b6b847a8\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_approval_requests_live_playbook_version\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_approval_requests_playbook_version\"");
    await queryRunner.query("ALTER TABLE \"approval_requests\" DROP COLUMN \"playbook_version_id\"");
    await queryRunner.query("ALTER TABLE \"playbook_versions\" DROP COLUMN \"submitted\"");
    await queryRunner.query("ALTER TABLE \"playbook_versions\" DROP COLUMN \"editor_user_ids\"");
  }
}
