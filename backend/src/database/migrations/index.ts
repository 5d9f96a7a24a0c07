import { CreateFoundation1795326110855 } from './1795326110855-CreateFoundation';
import { EnableRowLevelSecurity1795326200000 } from './1795326200000-EnableRowLevelSecurity';

/** Listed in order, not globbed: globs do not resolve after bundling. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [CreateFoundation1795326110855, EnableRowLevelSecurity1795326200000];
