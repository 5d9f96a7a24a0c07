import { EntityManager } from 'typeorm';
import { APP_DB_ROLE } from './data-source';
import { type PreparedStatement, runPrepared } from './prepared-query';

/** What a transaction may see; PostgreSQL's row-level security policies read these settings. */
export interface AccessScope {
  readonly organizationId?: string;
  readonly userId?: string;
  /** The installation operator may create organizations and their first invitation, nothing else. */
  readonly operator?: boolean;
  /** Lets an invitation be looked up by the hash of the token in its link before login. */
  readonly invitationTokenHash?: string;
  /** Lets a calendar feed be looked up by the hash of the token in its subscription address, without a session. */
  readonly calendarFeedTokenHash?: string;
}

const SETTING_NAMES: { readonly [K in keyof AccessScope]-?: string } = {
  organizationId: 'app.organization_id',
  userId: 'app.user_id',
  operator: 'app.operator',
  invitationTokenHash: 'app.invitation_token_hash',
  calendarFeedTokenHash: 'app.calendar_feed_token_hash',
};

/** `set_config('role', …, true)` is SET LOCAL ROLE: role and scope in one round trip. */
const APPLY_SCOPE: PreparedStatement = {
  name: 'apply_access_scope',
  text: `SELECT set_config('role', $1, true), set_config($2, $3, true), set_config($4, $5, true), set_config($6, $7, true), set_config($8, $9, true),
                set_config($10, $11, true)`,
};

/** A database transaction acting as the app role with a fixed access scope. */
export class ScopedTransaction {
  private current: AccessScope;
  private readonly afterCommitWork: Array<() => Promise<void>> = [];
  private readonly afterRollbackWork: Array<() => Promise<void>> = [];

  constructor(
    readonly manager: EntityManager,
    scope: AccessScope,
  ) {
    this.current = scope;
  }

  get scope(): AccessScope {
    return this.current;
  }

  async apply(scope: AccessScope): Promise<void> {
    this.current = scope;
    // A named statement: it runs at the start of every transaction, parsed and planned once per connection.
    await runPrepared(this.manager, APPLY_SCOPE, [
      APP_DB_ROLE,
      SETTING_NAMES.organizationId,
      scope.organizationId ?? '',
      SETTING_NAMES.userId,
      scope.userId ?? '',
      SETTING_NAMES.operator,
      scope.operator ? 'on' : '',
      SETTING_NAMES.invitationTokenHash,
      scope.invitationTokenHash ?? '',
      SETTING_NAMES.calendarFeedTokenHash,
      scope.calendarFeedTokenHash ?? '',
    ]);
  }

  /**
   * Work that must only happen once this transaction's data is visible to others, such as
   * enqueueing a job whose handler re-reads that data. Runs after a successful commit.
   */
  afterCommit(work: () => Promise<void>): void {
    this.afterCommitWork.push(work);
  }

  /**
   * Undoes what the database cannot roll back, such as a file written for a row of this
   * transaction. Runs once the transaction is known to be rolled back: the work failed, or the
   * server refused the commit. Not when the connection broke during the commit, because then
   * the data may have been committed after all.
   */
  afterRollback(work: () => Promise<void>): void {
    this.afterRollbackWork.push(work);
  }

  /** Called by Database once committed; a failure is reported, the committed data stays. */
  async runAfterCommit(report: (error: unknown) => void): Promise<void> {
    await runAll(this.afterCommitWork, report);
    this.afterRollbackWork.length = 0;
  }

  /** Called by Database once rolled back, before the error reaches the caller; a failure is reported. */
  async runAfterRollback(report: (error: unknown) => void): Promise<void> {
    await runAll(this.afterRollbackWork, report);
    this.afterCommitWork.length = 0;
  }

  /** Narrows or widens to one organization within the same transaction (invitation acceptance). */
  async enterOrganization(organizationId: string): Promise<void> {
    await this.apply({ ...this.current, organizationId });
  }
}

async function runAll(queue: Array<() => Promise<void>>, report: (error: unknown) => void): Promise<void> {
  for (const work of queue.splice(0)) {
    await work().catch(report);
  }
}
