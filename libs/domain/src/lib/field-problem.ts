/**
 * A problem with one field of a definition (a route, a setting), in German, ready for the
 * `errors` list of a validation problem (RFC 9457, see FieldError in libs/contracts).
 */
export interface FieldProblem {
  /** Dotted path into the validated object, e.g. `steps.0.approvers.role`. */
  readonly path: string;
  readonly message: string;
}
