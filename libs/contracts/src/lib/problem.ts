import type { FieldProblem } from '@amtsplan/domain';

/** RFC 9457 problem details, as every API error is answered. */
/** One field's problem: a dotted path into the request body or query (e.g. `email`, `steps.0.role`) and a German message. */
export type FieldError = FieldProblem;

export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors?: readonly FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Stable problem type URIs; the UI switches on these, never on titles. */
export const ProblemType = {
  validation: 'urn:amtsplan:problem:validation',
  unauthenticated: 'urn:amtsplan:problem:unauthenticated',
  forbidden: 'urn:amtsplan:problem:forbidden',
  notFound: 'urn:amtsplan:problem:not-found',
  conflict: 'urn:amtsplan:problem:conflict',
  staleVersion: 'urn:amtsplan:problem:stale-version',
  tooManyRequests: 'urn:amtsplan:problem:too-many-requests',
  payloadTooLarge: 'urn:amtsplan:problem:payload-too-large',
  unsupportedMediaType: 'urn:amtsplan:problem:unsupported-media-type',
  csrf: 'urn:amtsplan:problem:csrf',
  unavailable: 'urn:amtsplan:problem:unavailable',
  internal: 'urn:amtsplan:problem:internal',
} as const;
