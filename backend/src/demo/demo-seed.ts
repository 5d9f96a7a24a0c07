import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { seedApprovalDefaults } from '../approvals/approval-defaults';
import { seedTextBlockDefaults } from '../text-blocks/text-block-defaults';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { PasswordHasher } from '../auth/password-hasher';
import { MembershipEntity } from '../members/membership.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { UserEntity } from '../users/user.entity';
import { DEMO_ORGANIZATIONS } from './demo-accounts';
import { seedDemoCrisis } from './demo-crisis';
import { seedDemoInbox } from './demo-inbox';
import { seedDemoPlan } from './demo-plan';
import { seedDemoTextBlocks } from './demo-text-blocks';
import { DEMO_FACILITATORS, seedDemoProgram } from './demo-program';

export interface DemoSeedResult {
  readonly created: boolean;
  /** Only when created: the password of every demo account. */
  readonly password: string | null;
  readonly logins: ReadonlyArray<{ organization: string; email: string; role: string }>;
}

/**
 * Creates the demo authorities once; later runs change nothing. Runs as the database owner.
 * With `editorialPlan`, the first authority also gets channels, topics, series and four weeks
 * of posts (what `npm start` shows); tests start from accounts only and build what they check.
 * With `learningProgram`, a Programmleitung account and a running program (week 3 open) with
 * both authorities in one cohort; the CLI seeds it for `npm start` and the browser tests alike,
 * the API tests leave it out because they build their own runs.
 */
export async function seedDemo(
  dataSource: DataSource,
  demoPassword: string | undefined,
  options: { editorialPlan?: boolean; learningProgram?: boolean } = {},
): Promise<DemoSeedResult> {
  const logins: Array<DemoSeedResult['logins'][number]> = DEMO_ORGANIZATIONS.flatMap((o) => o.accounts.map((a) => ({ organization: o.name, email: a.email, role: a.role })));
  if (options.learningProgram) for (const facilitator of DEMO_FACILITATORS) logins.push({ organization: 'Lernprogramm', email: facilitator.email, role: 'facilitator' });
  return dataSource.transaction(async (manager) => {
    // Serialises concurrent first starts (api and worker both seeding, or two api replicas).
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('amtsplan-demo-seed'))`);
    if (await manager.findOne(UserEntity, { where: { email: DEMO_ORGANIZATIONS[0]!.accounts[0]!.email } })) {
      return { created: false, password: null, logins };
    }
    const password = demoPassword ?? randomBytes(12).toString('base64url');
    const passwordHash = await new PasswordHasher().hash(password);
    const userIds = new Map<string, string>();
    const organizationIds = new Map<string, string>();
    for (const organization of DEMO_ORGANIZATIONS) {
      const { identifiers } = await manager.insert(OrganizationEntity, { name: organization.name, bundesland: organization.bundesland, timeZone: 'Europe/Berlin' });
      const organizationId = identifiers[0]!['id'] as string;
      organizationIds.set(organization.name, organizationId);
      await seedApprovalDefaults(manager, organizationId);
      await seedTextBlockDefaults(manager, organizationId);
      for (const account of organization.accounts) {
        let userId = userIds.get(account.email);
        if (!userId) {
          const inserted = await manager.insert(UserEntity, { email: account.email, displayName: account.displayName, passwordHash });
          userId = inserted.identifiers[0]!['id'] as string;
          userIds.set(account.email, userId);
        }
        await manager.insert(MembershipEntity, { organizationId, userId, role: account.role });
      }
      await manager.insert(AuditEventEntity, { action: 'organization.created', organizationId, actorUserId: null, objectType: 'organization', objectId: organizationId, details: { demo: true } } as never);
      const planner = organization.accounts.find((a) => a.role === 'editor');
      if (options.editorialPlan && organization === DEMO_ORGANIZATIONS[0] && planner) {
        await seedDemoPlan(manager, organizationId, userIds.get(planner.email)!);
        const approver = organization.accounts.find((a) => a.role === 'approver');
        if (approver) await seedDemoTextBlocks(manager, organizationId, userIds.get(planner.email)!, userIds.get(approver.email)!);
        if (approver) await seedDemoCrisis(manager, organizationId, { editorId: userIds.get(planner.email)!, approverId: userIds.get(approver.email)! });
        const moderator = organization.accounts.find((a) => a.role === 'moderator');
        if (moderator) await seedDemoInbox(manager, organizationId, userIds.get(moderator.email)!);
      }
    }
    if (options.learningProgram) {
      for (const facilitator of DEMO_FACILITATORS) {
        const { identifiers } = await manager.insert(UserEntity, { ...facilitator, passwordHash });
        userIds.set(facilitator.email, identifiers[0]!['id'] as string);
      }
      await seedDemoProgram(manager, organizationIds, userIds);
    }
    return { created: true, password, logins };
  });
}
