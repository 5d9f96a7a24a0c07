import { ProblemException } from './problem.exception';

/** A malformed id cannot name an existing object: answer 404 like any unknown id. */
export const notFoundOnBadUuid = { exceptionFactory: () => ProblemException.notFound() };
