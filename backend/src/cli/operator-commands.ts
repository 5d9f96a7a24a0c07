import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { PasswordHasher } from '../auth/password-hasher';
import { UserEntity } from '../users/user.entity';

/** Creates the installation operator with a random one-time password (never a default one). */
export async function createOperator(dataSource: DataSource, email: string): Promise<number> {
  const address = email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) {
    console.error('Bitte eine gültige E-Mail-Adresse mit --email angeben.');
    return 1;
  }
  const password = randomBytes(18).toString('base64url');
  const passwordHash = await new PasswordHasher().hash(password);
  return dataSource.transaction(async (manager) => {
    if (await manager.findOne(UserEntity, { where: { email: address } })) {
      console.error(`Für ${address} gibt es bereits ein Konto.`);
      return 1;
    }
    const { identifiers } = await manager.insert(UserEntity, { email: address, displayName: 'Betrieb', passwordHash, isOperator: true });
    const id = identifiers[0]!['id'] as string;
    await manager.insert(AuditEventEntity, { action: 'operator.created', organizationId: null, actorUserId: null, objectType: 'user', objectId: id, details: { email: address } } as never);
    console.log(`Betreiberkonto angelegt: ${address}\nEinmalpasswort (wird nicht erneut angezeigt): ${password}`);
    return 0;
  });
}
