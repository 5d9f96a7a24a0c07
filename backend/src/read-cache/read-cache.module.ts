import { Module } from '@nestjs/common';
import { CoreModule } from '../app/core.module';
import { AccessCache } from './access-cache';
import { CachedSessions } from './cached-sessions';
import { ChangeFeed } from './change-feed';
import { PlanReadCache } from './plan-read-cache';

/** The api's read caches and the change feed that keeps them honest (see docs/decisions/0012). */
@Module({
  imports: [CoreModule],
  providers: [ChangeFeed, AccessCache, PlanReadCache, CachedSessions],
  exports: [ChangeFeed, AccessCache, PlanReadCache, CachedSessions],
})
export class ReadCacheModule {}
