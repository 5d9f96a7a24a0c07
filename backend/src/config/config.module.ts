import { Global, Module } from '@nestjs/common';
import { AppConfig, appConfigFromProcess } from './app-config';

export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  /** Tests pass their own config; entry points pass the one read from the environment. */
  static forRoot(config: AppConfig = appConfigFromProcess()) {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}
