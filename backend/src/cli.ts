import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { cliConfigFromProcess } from './config/app-config';
import { createDataSource } from './database/data-source';
import { generateMigration, runMigrations } from './cli/migration-commands';
import { createOperator } from './cli/operator-commands';
import { setFacilitator } from './cli/program-commands';
import { seedDemo } from './demo/demo-seed';

const USAGE = `Amtsplan – Kommandozeile

  migrate                         Datenbank-Migrationen ausführen
  migration:generate [Name]       Abweichung Entities ↔ Migrationen melden; mit Name: Migration schreiben
  seed-demo [--nur-konten]        Demo-Daten anlegen (nur beim ersten Mal); --nur-konten: ohne Redaktionsplan
  operator:create --email ADRESSE Betreiberkonto anlegen (Einmalpasswort wird ausgegeben)
  program:facilitator --email ADRESSE [--entziehen]
                                  Programmleitung (Lernprogramm) vergeben oder entziehen
`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { email: { type: 'string' }, dir: { type: 'string' }, 'nur-konten': { type: 'boolean' }, entziehen: { type: 'boolean' } },
  });
  const [command, ...rest] = positionals;
  if (!command || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  const config = cliConfigFromProcess();
  const dataSource = createDataSource(config.DATABASE_URL, 'owner', 2);
  await dataSource.initialize();
  try {
    switch (command) {
      case 'migrate':
        await runMigrations(dataSource);
        return 0;
      case 'migration:generate':
        return await generateMigration(dataSource, rest[0], values.dir ?? 'backend/src/database/migrations');
      case 'seed-demo': {
        const result = await seedDemo(dataSource, config.DEMO_PASSWORD, { editorialPlan: !values['nur-konten'], learningProgram: true });
        printDemoLogins(result.created, result.password, result.logins);
        return 0;
      }
      case 'operator:create':
        return await createOperator(dataSource, values.email ?? '');
      case 'program:facilitator':
        return await setFacilitator(dataSource, values.email ?? '', values.entziehen === true);
      default:
        console.error(`Unbekannter Befehl: ${command}\n\n${USAGE}`);
        return 1;
    }
  } finally {
    await dataSource.destroy();
  }
}

function printDemoLogins(created: boolean, password: string | null, logins: ReadonlyArray<{ organization: string; email: string; role: string }>): void {
  console.log(created ? 'Demo-Daten angelegt.' : 'Demo-Daten sind bereits vorhanden.');
  for (const login of logins) console.log(`  ${login.organization.padEnd(20)} ${login.role.padEnd(12)} ${login.email}`);
  console.log(password ? `  Passwort für alle Demo-Konten: ${password}` : '  Passwort: wie beim ersten Start ausgegeben (oder DEMO_PASSWORD).');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
