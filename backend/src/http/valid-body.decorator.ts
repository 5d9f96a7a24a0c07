import { applyDecorators, Body } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { z, ZodType } from 'zod';
import { ZodValidationPipe } from './zod-validation.pipe';

/** The request body, validated against a contract schema (also documented in OpenAPI). */
export function ValidBody<T>(schema: ZodType<T>): ParameterDecorator {
  return Body(new ZodValidationPipe(schema));
}

/** OpenAPI description of a body from the same contract schema. */
export function BodySchema(schema: ZodType): MethodDecorator {
  return applyDecorators(
    ApiBody({ schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown> }),
  );
}
