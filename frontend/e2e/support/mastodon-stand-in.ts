import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Written by tools/e2e-server.mjs, which runs the Mastodon stand-in the e2e worker publishes to. */
const MASTODON_FILE = path.resolve(__dirname, '..', '..', '..', 'dist', 'test-results', 'e2e-mastodon.json');

/** The stand-in's origin (http://127.0.0.1:<port>). Read when a test needs it: the server writes the file after collection. */
export function mastodonInstanceUrl(): string {
  const { instanceUrl } = JSON.parse(readFileSync(MASTODON_FILE, 'utf8')) as { instanceUrl?: unknown };
  if (typeof instanceUrl !== 'string') throw new Error(`${MASTODON_FILE} holds no instance address`);
  return instanceUrl;
}
