import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Written by tools/e2e-server.mjs from the output of `cli.js operator:create`. */
const OPERATOR_FILE = path.resolve(__dirname, '..', '..', '..', 'dist', 'test-results', 'e2e-operator.json');

export interface OperatorAccount {
  readonly email: string;
  readonly password: string;
}

/** Read when a test needs it, not at import: the server writes the file after the tests were collected. */
export function operatorAccount(): OperatorAccount {
  const account = JSON.parse(readFileSync(OPERATOR_FILE, 'utf8')) as Partial<OperatorAccount>;
  if (typeof account.email !== 'string' || typeof account.password !== 'string') {
    throw new Error(`${OPERATOR_FILE} holds no operator account`);
  }
  return { email: account.email, password: account.password };
}
