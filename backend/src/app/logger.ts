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
      // Health checks come every few seconds from load balancers: not worth a log line each.
      autoLogging: { ignore: (req: { url?: string; originalUrl?: string }) => (req.originalUrl ?? req.url ?? '').startsWith('/api/health') },
      serializers: {
        // Invitation tokens are credentials; response headers would repeat cookies and CSP for nothing.
        req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: redactTokens(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  }),
});

/** Secret links carry their token in the path; logs keep the route, never the token. */
export function redactTokens(url: string): string {
  return url.replace(/\/invitations\/[^/?]+/, '/invitations/[token]').replace(/\/calendar\/[^/?]+\.ics/, '/calendar/[token].ics');
}
