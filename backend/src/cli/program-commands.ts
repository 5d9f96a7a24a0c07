import { DataSource } from 'typeorm';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { ProgramFacilitatorEntity } from '../program/program-run.entity';
import { UserEntity } from '../users/user.entity';

/**
 * Grants (or with `revoke` takes back) the facilitator role of the learning program. It is
 * installation-wide — a facilitator leads cohorts of several authorities — so the installation's
 * admin gives it here, as with the operator account, and no authority's admin can.
 */
export async function setFacilitator(dataSource: DataSource, email: string, revoke: boolean): Promise<number> {
  const address = email.trim().toLowerCase();
  return dataSource.transaction(async (manager) => {
    const user = await manager.findOne(UserEntity, { where: { email: address } });
    if (!user) {
      console.error(`Kein Konto mit der Adresse ${address || '(leer)'}. Die Person muss sich zuerst anmelden können (Einladung einer Behörde).`);
      return 1;
    }
    if (revoke) {
      await manager.delete(ProgramFacilitatorEntity, { userId: user.id });
    } else {
      await manager.createQueryBuilder().insert().into(ProgramFacilitatorEntity).values({ userId: user.id }).orIgnore().execute();
    }
    await manager.insert(AuditEventEntity, {
      action: revoke ? 'program.facilitator_revoked' : 'program.facilitator_granted',
      organizationId: null,
      actorUserId: null,
      objectType: 'user',
      objectId: user.id,
      details: { email: address },
    } as never);
    console.log(revoke ? `Programmleitung entzogen: ${address}` : `Programmleitung vergeben: ${address}`);
    return 0;
  });
}
