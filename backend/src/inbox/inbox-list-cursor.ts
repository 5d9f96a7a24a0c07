import { ProblemException } from '../http/problem.exception';

/** Where the next page of the Posteingang starts: after this item in (received_at, id) order. */
export interface ListCursor {
  readonly receivedAt: string;
  readonly id: string;
}

/** `receivedAt` is the item's ISO time as the list answers it. */
export function encodeCursor(item: ListCursor): string {
  return Buffer.from(`${item.receivedAt}|${item.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): ListCursor {
  const [receivedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!receivedAt || !id || Number.isNaN(Date.parse(receivedAt)) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw ProblemException.validation([{ path: 'after', message: 'Ungültige Seitenmarke' }]);
  }
  return { receivedAt, id };
}
