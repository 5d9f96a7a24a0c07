import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The learning program: facilitator grants, runs, cohorts, enrolments, exercise progress and the
 * cohort's shares with comments and reactions. Tables generated from the entities; grants,
 * policies and functions written by hand below.
 *
 * A cohort is the one space where authorities meet (DESIGN.md invariant 4), so its row-level
 * security is not the usual organization match. SECURITY DEFINER functions decide from
 * `app.user_id` whether the current person belongs to a cohort: as its participant (enrolled
 * and still a member of the authority they take part for) or as the facilitator of its run. They
 * answer yes or no, or hand out the few facts a cohort may see of its members (names, authority,
 * counts of finished exercises per week) — never answers, posts or anything else of a tenant.
 */
export class CreateLearningProgram1795401000000 implements MigrationInterface {
  name = 'CreateLearningProgram1795401000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"program_facilitators\" (\"user_id\" uuid NOT NULL, \"granted_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_62bd606f613b48c55ec29c3a3e5\" PRIMARY KEY (\"user_id\"))");
    await queryRunner.query("CREATE TABLE \"program_runs\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" text NOT NULL, \"starts_on\" date NOT NULL, \"unlocked_through_week\" integer NOT NULL DEFAULT '0', \"curriculum_version\" text NOT NULL, \"facilitator_user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"CHK_program_runs_unlocked\" CHECK (unlocked_through_week BETWEEN 0 AND 12), CONSTRAINT \"PK_88b530b2b2841bad21b03c25ad1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_program_runs_facilitator\" ON \"program_runs\"  (\"facilitator_user_id\") ");
    await queryRunner.query("CREATE TABLE \"program_cohorts\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"run_id\" uuid NOT NULL, \"name\" text NOT NULL, \"meeting_weekday\" integer NOT NULL, \"meeting_time\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"CHK_program_cohorts_meeting_weekday\" CHECK (meeting_weekday BETWEEN 1 AND 7), CONSTRAINT \"PK_547ad6d0a249843d0a6351eff87\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_program_cohorts_run\" ON \"program_cohorts\"  (\"run_id\") ");
    await queryRunner.query("CREATE TABLE \"program_enrolments\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"run_id\" uuid NOT NULL, \"cohort_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_program_enrolments_run_organization\" UNIQUE (\"run_id\", \"organization_id\"), CONSTRAINT \"PK_2f368ed3a9458a66e1886d7572a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_program_enrolments_user\" ON \"program_enrolments\"  (\"user_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_program_enrolments_cohort\" ON \"program_enrolments\"  (\"cohort_id\") ");
    await queryRunner.query("CREATE TABLE \"program_exercise_progress\" (\"organization_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"enrolment_id\" uuid NOT NULL, \"exercise_id\" text NOT NULL, \"week\" integer NOT NULL, \"status\" text NOT NULL DEFAULT 'open', \"answer\" text NOT NULL DEFAULT '', \"finished\" boolean NOT NULL DEFAULT false, \"checked\" integer array NOT NULL DEFAULT '{}', \"done_at\" TIMESTAMP WITH TIME ZONE, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"UQ_program_exercise_progress_exercise\" UNIQUE (\"enrolment_id\", \"exercise_id\"), CONSTRAINT \"CHK_program_exercise_progress_status\" CHECK (status IN ('open', 'in_progress', 'done')), CONSTRAINT \"PK_44a2d6b749205b0e3657cab95df\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"program_shares\" (\"organization_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"cohort_id\" uuid NOT NULL, \"enrolment_id\" uuid NOT NULL, \"author_user_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"exercise_id\" text, \"title\" text NOT NULL, \"body\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"CHK_program_shares_kind\" CHECK (kind IN ('reflection', 'post_draft')), CONSTRAINT \"PK_416284742ffadcd61d3378706a8\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_program_shares_cohort\" ON \"program_shares\"  (\"cohort_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"program_share_comments\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"share_id\" uuid NOT NULL, \"cohort_id\" uuid NOT NULL, \"organization_id\" uuid, \"author_user_id\" uuid NOT NULL, \"body\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_705d31b5873bdd05a34a178cc2f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_program_share_comments_share\" ON \"program_share_comments\"  (\"share_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"program_share_reactions\" (\"share_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"cohort_id\" uuid NOT NULL, \"reaction\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"CHK_program_share_reactions_reaction\" CHECK (reaction IN ('like', 'helpful', 'idea')), CONSTRAINT \"PK_44f632abf6def0d7f5fafe54eb7\" PRIMARY KEY (\"share_id\", \"user_id\"))");
    await queryRunner.query("ALTER TABLE \"program_facilitators\" ADD CONSTRAINT \"FK_62bd606f613b48c55ec29c3a3e5\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"program_runs\" ADD CONSTRAINT \"FK_2599bd91a0c94a07d90fe65bf12\" FOREIGN KEY (\"facilitator_user_id\") REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"program_cohorts\" ADD CONSTRAINT \"FK_e12f164e3dc35ab8622bd34ad25\" FOREIGN KEY (\"run_id\") REFERENCES \"program_runs\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"program_enrolments\" ADD CONSTRAINT \"FK_6349b1549347a3b4ebb1891b0c8\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"program_enrolments\" ADD CONSTRAINT \"FK_b5bf4f1d695bb7b9e45518199b5\" FOREIGN KEY (\"run_id\") REFERENCES \"program_runs\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"program_enrolments\" ADD CONSTRAINT \"FK_4401250344d88a40b64fdd9aeb3\" FOREIGN KEY (\"cohort_id\") REFERENCES \"program_cohorts\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"program_enrolments\" ADD CONSTRAINT \"FK_d030f89bd7553c2d35780715d92\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"program_exercise_progress\" ADD CONSTRAINT \"FK_b1f41365dad89c110f07438d7bb\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"program_exercise_progress\" ADD CONSTRAINT \"FK_8e6faa36dbd8859bcf19f9fb4e8\" FOREIGN KEY (\"enrolment_id\") REFERENCES \"program_enrolments\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"program_shares\" ADD CONSTRAINT \"FK_c944820eb9c20e3c0664e1bcd30\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"program_shares\" ADD CONSTRAINT \"FK_348a6f207f5fd7620adac98b984\" FOREIGN KEY (\"cohort_id\") REFERENCES \"program_cohorts\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"program_shares\" ADD CONSTRAINT \"FK_d366fd8eb5e948a84f0e400db67\" FOREIGN KEY (\"enrolment_id\") REFERENCES \"program_enrolments\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"program_share_comments\" ADD CONSTRAINT \"FK_6f2502e244c0aed8232552a77f0\" FOREIGN KEY (\"share_id\") REFERENCES \"program_shares\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"program_share_reactions\" ADD CONSTRAINT \"FK_24dc121c551bfcec078aef404f6\" FOREIGN KEY (\"share_id\") REFERENCES \"program_shares\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await this.secure(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.unsecure(queryRunner);
    await queryRunner.query("ALTER TABLE \"program_share_reactions\" DROP CONSTRAINT \"FK_24dc121c551bfcec078aef404f6\"");
    await queryRunner.query("ALTER TABLE \"program_share_comments\" DROP CONSTRAINT \"FK_6f2502e244c0aed8232552a77f0\"");
    await queryRunner.query("ALTER TABLE \"program_shares\" DROP CONSTRAINT \"FK_d366fd8eb5e948a84f0e400db67\"");
    await queryRunner.query("ALTER TABLE \"program_shares\" DROP CONSTRAINT \"FK_348a6f207f5fd7620adac98b984\"");
    await queryRunner.query("ALTER TABLE \"program_shares\" DROP CONSTRAINT \"FK_c944820eb9c20e3c0664e1bcd30\"");
    await queryRunner.query("ALTER TABLE \"program_exercise_progress\" DROP CONSTRAINT \"FK_8e6faa36dbd8859bcf19f9fb4e8\"");
    await queryRunner.query("ALTER TABLE \"program_exercise_progress\" DROP CONSTRAINT \"FK_b1f41365dad89c110f07438d7bb\"");
    await queryRunner.query("ALTER TABLE \"program_enrolments\" DROP CONSTRAINT \"FK_d030f89bd7553c2d35780715d92\"");
    await queryRunner.query("ALTER TABLE \"program_enrolments\" DROP CONSTRAINT \"FK_4401250344d88a40b64fdd9aeb3\"");
    await queryRunner.query("ALTER TABLE \"program_enrolments\" DROP CONSTRAINT \"FK_b5bf4f1d695bb7b9e45518199b5\"");
    await queryRunner.query("ALTER TABLE \"program_enrolments\" DROP CONSTRAINT \"FK_6349b1549347a3b4ebb1891b0c8\"");
    await queryRunner.query("ALTER TABLE \"program_cohorts\" DROP CONSTRAINT \"FK_e12f164e3dc35ab8622bd34ad25\"");
    await queryRunner.query("ALTER TABLE \"program_runs\" DROP CONSTRAINT \"FK_2599bd91a0c94a07d90fe65bf12\"");
    await queryRunner.query("ALTER TABLE \"program_facilitators\" DROP CONSTRAINT \"FK_62bd606f613b48c55ec29c3a3e5\"");
    await queryRunner.query("DROP TABLE \"program_share_reactions\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_program_share_comments_share\"");
    await queryRunner.query("DROP TABLE \"program_share_comments\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_program_shares_cohort\"");
    await queryRunner.query("DROP TABLE \"program_shares\"");
    await queryRunner.query("DROP TABLE \"program_exercise_progress\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_program_enrolments_cohort\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_program_enrolments_user\"");
    await queryRunner.query("DROP TABLE \"program_enrolments\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_program_cohorts_run\"");
    await queryRunner.query("DROP TABLE \"program_cohorts\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_program_runs_facilitator\"");
    await queryRunner.query("DROP TABLE \"program_runs\"");
    await queryRunner.query("DROP TABLE \"program_facilitators\"");
  }

  private async secure(queryRunner: QueryRunner): Promise<void> {
    const fn = (signature: string, returns: string, body: string) =>
      queryRunner.query(`CREATE FUNCTION ${signature} RETURNS ${returns}
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public AS $$ ${body} $$`);
    await fn('app_is_program_facilitator()', 'boolean', `SELECT EXISTS (SELECT 1 FROM public.program_facilitators f WHERE f.user_id = app_current_user())`);
    await fn(
      'app_facilitates_program_run(run uuid)',
      'boolean',
      `SELECT app_is_program_facilitator() AND EXISTS (SELECT 1 FROM public.program_runs r WHERE r.id = run AND r.facilitator_user_id = app_current_user())`,
    );
    // A participant counts only while still a member of the authority they take part for.
    await fn(
      'app_in_program_cohort(cohort uuid)',
      'boolean',
      `SELECT EXISTS (SELECT 1 FROM public.program_enrolments e JOIN public.memberships m ON m.organization_id = e.organization_id AND m.user_id = e.user_id
                       WHERE e.cohort_id = cohort AND e.user_id = app_current_user())`,
    );
    await fn(
      'app_in_program_run(run uuid)',
      'boolean',
      `SELECT EXISTS (SELECT 1 FROM public.program_enrolments e JOIN public.memberships m ON m.organization_id = e.organization_id AND m.user_id = e.user_id
                       WHERE e.run_id = run AND e.user_id = app_current_user())`,
    );
    await fn(
      'app_sees_program_cohort(cohort uuid)',
      'boolean',
      `SELECT app_in_program_cohort(cohort) OR EXISTS (SELECT 1 FROM public.program_cohorts c WHERE c.id = cohort AND app_facilitates_program_run(c.run_id))`,
    );
    // What a cohort sees of its members: names and authorities, nothing else.
    await fn(
      'program_cohort_members(cohort uuid)',
      'TABLE (enrolment_id uuid, organization_id uuid, organization_name text, user_id uuid, participant_name text)',
      `SELECT e.id, o.id, o.name, u.id, u.display_name FROM public.program_enrolments e
         JOIN public.organizations o ON o.id = e.organization_id JOIN public.users u ON u.id = e.user_id
        WHERE e.cohort_id = cohort AND app_sees_program_cohort(cohort) ORDER BY o.name`,
    );
    // And of their progress: how many exercises of each week are done, not what was written.
    await fn(
      'program_cohort_progress(cohort uuid)',
      'TABLE (enrolment_id uuid, week integer, done integer)',
      `SELECT p.enrolment_id, p.week, count(*)::integer FROM public.program_exercise_progress p
         JOIN public.program_enrolments e ON e.id = p.enrolment_id
        WHERE e.cohort_id = cohort AND p.status = 'done' AND app_sees_program_cohort(cohort) GROUP BY p.enrolment_id, p.week`,
    );
    // A facilitator enrols an existing member of an authority, found by e-mail address.
    await fn(
      'program_member_by_email(organization uuid, address text)',
      'uuid',
      `SELECT u.id FROM public.users u JOIN public.memberships m ON m.user_id = u.id
        WHERE app_is_program_facilitator() AND m.organization_id = organization AND u.email = lower(address)`,
    );
    for (const signature of FUNCTIONS) {
      await queryRunner.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
      await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${signature} TO amtsplan_app`);
    }

    const policy = (table: string, name: string, rule: string) => queryRunner.query(`CREATE POLICY ${name} ON ${table} ${rule}`);
    await queryRunner.query(`GRANT SELECT ON program_facilitators TO amtsplan_app`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE ON program_runs, program_cohorts, program_exercise_progress TO amtsplan_app`);
    await queryRunner.query(`GRANT SELECT, INSERT, DELETE ON program_enrolments, program_shares TO amtsplan_app`);
    await queryRunner.query(`GRANT SELECT, INSERT ON program_share_comments TO amtsplan_app`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON program_share_reactions TO amtsplan_app`);
    for (const table of SECURED_TABLES) await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);

    await policy('program_facilitators', 'program_facilitators_own', `FOR SELECT USING (user_id = app_current_user())`);

    await policy('program_runs', 'program_runs_read', `FOR SELECT USING (facilitator_user_id = app_current_user() OR app_in_program_run(id))`);
    await policy('program_runs', 'program_runs_create', `FOR INSERT WITH CHECK (facilitator_user_id = app_current_user() AND app_is_program_facilitator())`);
    await policy(
      'program_runs',
      'program_runs_update',
      `FOR UPDATE USING (facilitator_user_id = app_current_user() AND app_is_program_facilitator()) WITH CHECK (facilitator_user_id = app_current_user())`,
    );

    await policy('program_cohorts', 'program_cohorts_read', `FOR SELECT USING (app_sees_program_cohort(id))`);
    await policy('program_cohorts', 'program_cohorts_create', `FOR INSERT WITH CHECK (app_facilitates_program_run(run_id))`);
    await policy('program_cohorts', 'program_cohorts_update', `FOR UPDATE USING (app_facilitates_program_run(run_id)) WITH CHECK (app_facilitates_program_run(run_id))`);

    // The authority sees its own enrolments; cohort members and the facilitator see the cohort's.
    await policy(
      'program_enrolments',
      'program_enrolments_read',
      `FOR SELECT USING (organization_id = app_current_organization() OR user_id = app_current_user() OR app_sees_program_cohort(cohort_id))`,
    );
    await policy(
      'program_enrolments',
      'program_enrolments_create',
      `FOR INSERT WITH CHECK (app_facilitates_program_run(run_id) AND EXISTS (SELECT 1 FROM program_cohorts c WHERE c.id = cohort_id AND c.run_id = program_enrolments.run_id))`,
    );
    await policy('program_enrolments', 'program_enrolments_remove', `FOR DELETE USING (app_facilitates_program_run(run_id))`);

    await policy(
      'program_exercise_progress',
      'program_exercise_progress_tenant',
      `FOR ALL USING (organization_id = app_current_organization()) WITH CHECK (organization_id = app_current_organization())`,
    );

    await policy('program_shares', 'program_shares_read', `FOR SELECT USING (app_sees_program_cohort(cohort_id))`);
    await policy(
      'program_shares',
      'program_shares_create',
      `FOR INSERT WITH CHECK (organization_id = app_current_organization() AND author_user_id = app_current_user() AND EXISTS (
         SELECT 1 FROM program_enrolments e WHERE e.id = enrolment_id AND e.cohort_id = program_shares.cohort_id
            AND e.organization_id = program_shares.organization_id AND e.user_id = app_current_user()))`,
    );
    await policy('program_shares', 'program_shares_withdraw', `FOR DELETE USING (author_user_id = app_current_user())`);

    await policy('program_share_comments', 'program_share_comments_read', `FOR SELECT USING (app_sees_program_cohort(cohort_id))`);
    await policy(
      'program_share_comments',
      'program_share_comments_create',
      `FOR INSERT WITH CHECK (author_user_id = app_current_user() AND app_sees_program_cohort(cohort_id)
         AND EXISTS (SELECT 1 FROM program_shares s WHERE s.id = share_id AND s.cohort_id = program_share_comments.cohort_id)
         AND (organization_id IS NULL OR EXISTS (SELECT 1 FROM program_enrolments e WHERE e.cohort_id = program_share_comments.cohort_id
                AND e.organization_id = program_share_comments.organization_id AND e.user_id = app_current_user())))`,
    );

    await policy('program_share_reactions', 'program_share_reactions_read', `FOR SELECT USING (app_sees_program_cohort(cohort_id))`);
    await policy(
      'program_share_reactions',
      'program_share_reactions_own',
      `FOR ALL USING (user_id = app_current_user()) WITH CHECK (user_id = app_current_user() AND app_sees_program_cohort(cohort_id)
         AND EXISTS (SELECT 1 FROM program_shares s WHERE s.id = share_id AND s.cohort_id = program_share_reactions.cohort_id))`,
    );
  }

  private async unsecure(queryRunner: QueryRunner): Promise<void> {
    const policies: Record<string, readonly string[]> = {
      program_facilitators: ['program_facilitators_own'],
      program_runs: ['program_runs_read', 'program_runs_create', 'program_runs_update'],
      program_cohorts: ['program_cohorts_read', 'program_cohorts_create', 'program_cohorts_update'],
      program_enrolments: ['program_enrolments_read', 'program_enrolments_create', 'program_enrolments_remove'],
      program_exercise_progress: ['program_exercise_progress_tenant'],
      program_shares: ['program_shares_read', 'program_shares_create', 'program_shares_withdraw'],
      program_share_comments: ['program_share_comments_read', 'program_share_comments_create'],
      program_share_reactions: ['program_share_reactions_read', 'program_share_reactions_own'],
    };
    for (const [table, names] of Object.entries(policies)) {
      for (const name of names) await queryRunner.query(`DROP POLICY ${name} ON ${table}`);
      await queryRunner.query(`REVOKE ALL ON ${table} FROM amtsplan_app`);
    }
    for (const signature of [...FUNCTIONS].reverse()) await queryRunner.query(`DROP FUNCTION ${signature}`);
  }
}

const SECURED_TABLES = [
  'program_facilitators',
  'program_runs',
  'program_cohorts',
  'program_enrolments',
  'program_exercise_progress',
  'program_shares',
  'program_share_comments',
  'program_share_reactions',
] as const;

const FUNCTIONS = [
  'app_is_program_facilitator()',
  'app_facilitates_program_run(uuid)',
  'app_in_program_cohort(uuid)',
  'app_in_program_run(uuid)',
  'app_sees_program_cohort(uuid)',
  'program_cohort_members(uuid)',
  'program_cohort_progress(uuid)',
  'program_member_by_email(uuid, text)',
] as const;
