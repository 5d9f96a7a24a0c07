import { RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** Structured JSON logs; credentials and cookies never reach them. */
export const StructuredLogging = LoggerModule.forRootAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({
    // Named wildcard: the router of Nest 11 no longer accepts a bare `*`.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-xsrf-token"]', 'res.headers["set-cookie"]'], censor: '[entfernt]' },
      autoLogging: { ignore: (req: { url?: string }) => req.url === '/api/health' },
      serializers: {
        req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: req.url.replace(/\/invitations\/[^/?]+/, '/invitations/[token]') }),
      },
    },
  }),
});
