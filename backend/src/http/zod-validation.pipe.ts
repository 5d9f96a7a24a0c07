import { PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';
import { ProblemException } from './problem.exception';

/** Validates a body or query against a contract schema; field errors name their dotted path. */
export class ZodValidationPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T>) {}

  transform(value: unknown): T {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    throw ProblemException.validation(
      result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
}
