/**
 * Serves the built web app (apps/web/dist) from the same origin as the API: hashed assets with a
 * year-long cache, and `index.html` (never cached) for every other non-API path, so that a deep
 * link such as /cases/… opens the app, which then routes on the client.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface WebApp {
  /** Answers a GET for an unknown non-API path with the app; false when it does not apply. */
  serveIndex: (request: FastifyRequest, reply: FastifyReply) => boolean;
}

export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<WebApp | null> {
  if (!existsSync(path.join(webDir, 'index.html'))) {
    app.log.warn({ webDir }, 'the web app is not built (npm run build:web); serving the API only');
    return null;
  }
  await app.register(fastifyStatic, {
    root: webDir,
    index: false,
    wildcard: true,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      void reply.header(
        'cache-control',
        immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // `/` itself is a folder to the static plugin, which refuses to list it: answer with the app.
  app.get('/', { schema: { hide: true } }, (_request, reply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html'),
  );
  return {
    serveIndex: (request, reply) => {
      const isPage = request.method === 'GET' || request.method === 'HEAD';
      const url = request.url;
      if (!isPage || url === '/api' || url.startsWith('/api/')) return false;
      void reply.header('cache-control', 'no-cache').sendFile('index.html');
      return true;
    },
  };
}
