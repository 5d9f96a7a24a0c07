/**
 * A small finite state machine: a table of allowed transitions, checked in one place.
 * Every workflow (invitations now; posts, approvals, incidents later) declares its table
 * here in the domain library so that backend and frontend agree on what is allowed.
 */
export type TransitionTable<S extends string> = { readonly [K in S]: readonly S[] };

export class TransitionError extends Error {
  constructor(
    readonly machine: string,
    readonly from: string,
    readonly to: string,
  ) {
    super(`${machine}: transition ${from} → ${to} is not allowed`);
    this.name = 'TransitionError';
  }
}

export interface StateMachine<S extends string> {
  readonly name: string;
  readonly states: readonly S[];
  canTransition(from: S, to: S): boolean;
  assertTransition(from: S, to: S): void;
  nextStates(from: S): readonly S[];
  isFinal(state: S): boolean;
}

export function defineStateMachine<S extends string>(name: string, table: TransitionTable<S>): StateMachine<S> {
  const states = Object.keys(table) as S[];
  for (const from of states) {
    for (const to of table[from]) {
      if (!(to in table)) throw new Error(`${name}: unknown target state ${to} from ${from}`);
    }
  }
  return {
    name,
    states,
    canTransition: (from, to) => table[from]?.includes(to) ?? false,
    assertTransition(from, to) {
      if (!this.canTransition(from, to)) throw new TransitionError(name, from, to);
    },
    nextStates: (from) => table[from] ?? [],
    isFinal: (state) => (table[state] ?? []).length === 0,
  };
}
