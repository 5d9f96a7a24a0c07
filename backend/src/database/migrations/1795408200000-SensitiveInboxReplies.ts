import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replies on items of a sensitive inbox category go through the Freigabe first (decision 0020):
 * inbox_settings.sensitive_categories, reply states for a reply in approval, its content hash,
 * and inbox replies as the fourth subject of approval requests (inbox_reply_id, a live unique
 * index and one more branch of CHK_approval_requests_subject).
 */
export class SensitiveInboxReplies1795408200000 implements MigrationInterface {
  name = 'SensitiveInboxReplies1795408200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"inbox_settings\" ADD \"sensitive_categories\" text array NOT NULL DEFAULT '{}'");
    await queryRunner.query("ALTER TABLE \"inbox_replies\" ADD \"content_hash\" text");
    await queryRunner.query("ALTER TABLE \"inbox_replies\" DROP CONSTRAINT \"CHK_inbox_replies_state\"");
    await queryRunner.query(
      "ALTER TABLE \"inbox_replies\" ADD CONSTRAINT \"CHK_inbox_replies_state\" CHECK (state IN ('draft', 'sent', 'in_approval', 'approved', 'changes_requested', 'rejected', 'withdrawn'))",
    );
    await queryRunner.query("ALTER TABLE \"approval_requests\" ADD \"inbox_reply_id\" uuid");
    await queryRunner.query("CREATE INDEX \"IDX_approval_requests_inbox_reply\" ON \"approval_requests\"  (\"inbox_reply_id\", \"submitted_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_approval_requests_live_inbox_reply\" ON \"approval_requests\"  (\"inbox_reply_id\") WHERE status IN ('pending', 'approved')");
    await queryRunner.query("ALTER TABLE \"approval_requests\" ADD CONSTRAINT \"FK_bfcc29f926f94fb15d88d17d6e6\" FOREIGN KEY (\"inbox_reply_id\") REFERENCES \"inbox_replies\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"approval_requests\" DROP CONSTRAINT \"CHK_approval_requests_subject\"");
    await queryRunner.query(
      "ALTER TABLE \"approval_requests\" ADD CONSTRAINT \"CHK_approval_requests_subject\" CHECK ((subject_type = 'post' AND post_id IS NOT NULL AND text_block_version_id IS NULL AND playbook_version_id IS NULL AND inbox_reply_id IS NULL) OR (subject_type = 'text_block' AND text_block_version_id IS NOT NULL AND post_id IS NULL AND playbook_version_id IS NULL AND inbox_reply_id IS NULL) OR (subject_type = 'playbook' AND playbook_version_id IS NOT NULL AND post_id IS NULL AND text_block_version_id IS NULL AND inbox_reply_id IS NULL) OR (subject_type = 'inbox_reply' AND inbox_reply_id IS NOT NULL AND post_id IS NULL AND text_block_version_id IS NULL AND playbook_version_id IS NULL))",
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DELETE FROM \"approval_requests\" WHERE \"subject_type\" = 'inbox_reply'");
    await queryRunner.query("ALTER TABLE \"approval_requests\" DROP CONSTRAINT \"CHK_approval_requests_subject\"");
    await queryRunner.query(
      "ALTER TABLE \"approval_requests\" ADD CONSTRAINT \"CHK_approval_requests_subject\" CHECK ((subject_type = 'post' AND post_id IS NOT NULL AND text_block_version_id IS NULL AND playbook_version_id IS NULL) OR (subject_type = 'text_block' AND text_block_version_id IS NOT NULL AND post_id IS NULL AND playbook_version_id IS NULL) OR (subject_type = 'playbook' AND playbook_version_id IS NOT NULL AND post_id IS NULL AND text_block_version_id IS NULL))",
    );
    await queryRunner.query("ALTER TABLE \"approval_requests\" DROP CONSTRAINT \"FK_bfcc29f926f94fb15d88d17d6e6\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_approval_requests_live_inbox_reply\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_approval_requests_inbox_reply\"");
    await queryRunner.query("ALTER TABLE \"approval_requests\" DROP COLUMN \"inbox_reply_id\"");
    await queryRunner.query("DELETE FROM \"inbox_replies\" WHERE state NOT IN ('draft', 'sent')");
    await queryRunner.query("ALTER TABLE \"inbox_replies\" DROP CONSTRAINT \"CHK_inbox_replies_state\"");
    await queryRunner.query("ALTER TABLE \"inbox_replies\" ADD CONSTRAINT \"CHK_inbox_replies_state\" CHECK (state IN ('draft', 'sent'))");
    await queryRunner.query("ALTER TABLE \"inbox_replies\" DROP COLUMN \"content_hash\"");
    await queryRunner.query("ALTER TABLE \"inbox_settings\" DROP COLUMN \"sensitive_categories\"");
  }
}
