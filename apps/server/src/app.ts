/**
 * Builds the Fastify application: external plugins first (security headers, cookies, rate limit,
 * OpenAPI), then Qadiya's own (errors, authentication), then each area's routes under /api/v1.
 */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { authenticationPlugin } from './auth/authenticate';
import type { DatabaseKind } from './db/database';
import { registerErrorHandling } from './http/error-handler';
import type { FastifyTypebox } from './http/fastify-types';
import { ErrorResponse } from './http/schemas';
import { registerWebApp } from './http/web-app';
import { healthRoutes } from './health/health.routes';
import { apiRoutes } from './routes';
import type { Services } from './use-case-context';

export interface BuildAppOptions extends Services {
  databaseKind: DatabaseKind;
  /** Pino options, or false to silence logs (tests). */
  logger?: boolean | Record<string, unknown>;
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,128}$/;

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    requestIdHeader: false,
    // Keep a caller's correlation id when it looks like one; otherwise mint our own.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming)
        ? incoming
        : randomUUID();
    },
    ajv: {
      customOptions: {
        removeAdditional: false,
        coerceTypes: 'array',
        useDefaults: true,
        allErrors: false,
      },
    },
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('services', { db: options.db, clock: options.clock, config });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        // Over plain HTTP (demo mode on a LAN address) upgrading would break every asset; with
        // secure cookies on, Qadiya is behind TLS anyway.
        upgradeInsecureRequests: config.auth.secureCookies ? [] : null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  app.addSchema(ErrorResponse);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Qadiya API',
        version: '1',
        description:
          'Case management for prosecutions, courts and the justice chain. Every error has the shape ' +
          '`{ error: { code, message, details } }`.',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer' },
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'qadiya_session' },
        },
      },
      security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { isPublic: true }, schema: { hide: true } }, () =>
    app.swagger(),
  );

  registerErrorHandling(app, await registerWebApp(app, config.webDir));
  await app.register(authenticationPlugin, options);
  await app.register(
    async (api: FastifyTypebox) => {
      healthRoutes(api, { kind: options.databaseKind });
      await apiRoutes(api);
    },
    { prefix: '/api/v1' },
  );
  return app;
}
