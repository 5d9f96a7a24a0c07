import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFoundation1795326110855 implements MigrationInterface {
  name = 'CreateFoundation1795326110855';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_events\" (\"id\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"organization_id\" uuid, \"actor_user_id\" uuid, \"action\" text NOT NULL, \"object_type\" text, \"object_id\" text, \"details\" jsonb NOT NULL DEFAULT '{}'::jsonb, \"ip\" text, CONSTRAINT \"PK_910f64d901a5c3e9878f0d4a407\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_audit_events_organization_time\" ON \"audit_events\"  (\"organization_id\", \"occurred_at\") ");
    await queryRunner.query("CREATE TABLE \"users\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"email\" text NOT NULL, \"display_name\" text NOT NULL, \"password_hash\" text, \"locale\" text NOT NULL DEFAULT 'de', \"is_operator\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"UQ_97672ac88f789774dd47f7c8be3\" UNIQUE (\"email\"), CONSTRAINT \"CHK_users_email_lower\" CHECK (email = lower(email)), CONSTRAINT \"CHK_users_locale\" CHECK (locale IN ('de', 'en')), CONSTRAINT \"PK_a3ffb1c0c8416b9fc6f907b7433\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"sessions\" (\"token_hash\" text NOT NULL, \"user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"last_seen_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"user_agent\" text, CONSTRAINT \"PK_abaa9e068cdd390bc5210f79884\" PRIMARY KEY (\"token_hash\"))");
    await queryRunner.query("CREATE INDEX \"IDX_sessions_user\" ON \"sessions\"  (\"user_id\") ");
    await queryRunner.query("CREATE TABLE \"organizations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" text NOT NULL, \"time_zone\" text NOT NULL DEFAULT 'Europe/Berlin', \"bundesland\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"PK_6b031fcd0863e3f6b44230163f9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"invitations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"email\" text NOT NULL, \"role\" text NOT NULL, \"token_hash\" text NOT NULL, \"invited_by_user_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"accepted_at\" TIMESTAMP WITH TIME ZONE, \"accepted_by_user_id\" uuid, \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"UQ_872ac94a64b3d44fc4b554780cd\" UNIQUE (\"token_hash\"), CONSTRAINT \"CHK_invitations_role\" CHECK (role IN ('admin', 'editor', 'approver', 'contributor', 'moderator', 'viewer')), CONSTRAINT \"PK_5dec98cfdfd562e4ad3648bbb07\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_invitations_organization\" ON \"invitations\"  (\"organization_id\") ");
    await queryRunner.query("CREATE TABLE \"memberships\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"role\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"CHK_memberships_role\" CHECK (role IN ('admin', 'editor', 'approver', 'contributor', 'moderator', 'viewer')), CONSTRAINT \"PK_25d28bd932097a9e90495ede7b4\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_memberships_user\" ON \"memberships\"  (\"user_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"UQ_memberships_organization_user\" ON \"memberships\"  (\"organization_id\", \"user_id\") ");
    await queryRunner.query("ALTER TABLE \"sessions\" ADD CONSTRAINT \"FK_085d540d9f418cfbdc7bd55bb19\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"invitations\" ADD CONSTRAINT \"FK_42d1dbb4d85dc3643fdc6560af0\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"memberships\" ADD CONSTRAINT \"FK_e5380c394ec7912046d07b54290\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"memberships\" ADD CONSTRAINT \"FK_7c1e2fdfed4f6838e0c05ae5051\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"memberships\" DROP CONSTRAINT \"FK_7c1e2fdfed4f6838e0c05ae5051\"");
    await queryRunner.query("ALTER TABLE \"memberships\" DROP CONSTRAINT \"FK_e5380c394ec7912046d07b54290\"");
    await queryRunner.query("ALTER TABLE \"invitations\" DROP CONSTRAINT \"FK_42d1dbb4d85dc3643fdc6560af0\"");
    await queryRunner.query("ALTER TABLE \"sessions\" DROP CONSTRAINT \"FK_085d540d9f418cfbdc7bd55bb19\"");
    await queryRunner.query("DROP INDEX \"public\".\"UQ_memberships_organization_user\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_memberships_user\"");
    await queryRunner.query("DROP TABLE \"memberships\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_invitations_organization\"");
    await queryRunner.query("DROP TABLE \"invitations\"");
    await queryRunner.query("DROP TABLE \"organizations\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_sessions_user\"");
    await queryRunner.query("DROP TABLE \"sessions\"");
    await queryRunner.query("DROP TABLE \"users\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_audit_events_organization_time\"");
    await queryRunner.query("DROP TABLE \"audit_events\"");
  }
}
