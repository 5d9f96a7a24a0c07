import { HttpErrorResponse } from '@angular/common/http';
import type { ProblemDetails } from '@amtsplan/contracts';
import type { I18n } from '../i18n/i18n';
import { STALE_VERSION_PROBLEM } from './api-contract';

/** The RFC 9457 body of a failed API call, or null when the failure had none (network, proxy). */
export function problemOf(error: unknown): ProblemDetails | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  return isProblemDetails(body) ? body : null;
}

function isProblemDetails(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof ProblemDetails, unknown>>;
  return (
    typeof candidate.type === 'string' &&
    typeof candidate.title === 'string' &&
    typeof candidate.status === 'number' &&
    (candidate.errors === undefined || Array.isArray(candidate.errors))
  );
}

/** Status 0 is what Angular reports when no HTTP answer arrived at all. */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 0;
}

/** What went wrong, in words: the problem's detail, else its title, else a generic text. */
export function describeFailure(error: unknown, i18n: I18n): string {
  if (isNetworkFailure(error)) return i18n.t('problem.network');
  const problem = problemOf(error);
  return problem?.detail ?? problem?.title ?? i18n.t('problem.unexpected');
}

/** Someone saved the object first (409 stale version): the page offers to reload or compare. */
export function isStaleVersion(error: unknown): boolean {
  const problem = problemOf(error);
  if (problem) return problem.type === STALE_VERSION_PROBLEM;
  return error instanceof HttpErrorResponse && error.status === 409;
}
