import { EntityManager } from 'typeorm';
import { APP_DB_ROLE } from './data-source';

/** What a transaction may see; PostgreSQL's row-level security policies read these settings. */
export interface AccessScope {
  readonly organizationId?: string;
  readonly userId?: string;
  /** The installation operator may create organizations and their first invitation, nothing else. */
  readonly operator?: boolean;
  /** Lets an invitation be looked up by the hash of the token in its link before login. */
  readonly invitationTokenHash?: string;
}

const SETTING_NAMES: { readonly [K in keyof AccessScope]-?: string } = {
  organizationId: 'app.organization_id',
  userId: 'app.user_id',
  operator: 'app.operator',
  invitationTokenHash: 'app.invitation_token_hash',
};

/** A database transaction acting as the app role with a fixed access scope. */
export class ScopedTransaction {
  private current: AccessScope;

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
    await this.manager.query(`SET LOCAL ROLE ${APP_DB_ROLE}`);
    await this.manager.query(
      `SELECT set_config($1, $2, true), set_config($3, $4, true), set_config($5, $6, true), set_config($7, $8, true)`,
      [
        SETTING_NAMES.organizationId,
        scope.organizationId ?? '',
        SETTING_NAMES.userId,
        scope.userId ?? '',
        SETTING_NAMES.operator,
        scope.operator ? 'on' : '',
        SETTING_NAMES.invitationTokenHash,
        scope.invitationTokenHash ?? '',
      ],
    );
  }

  /** Narrows or widens to one organization within the same transaction (invitation acceptance). */
  async enterOrganization(organizationId: string): Promise<void> {
    await this.apply({ ...this.current, organizationId });
  }
}
