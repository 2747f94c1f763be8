import type { FastifyInstance } from 'fastify';

/** Starts listening and returns the URL people should open (a wildcard host is shown as localhost). */
export async function listen(app: FastifyInstance, host: string, port: number): Promise<string> {
  await app.listen({ host, port });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost =
    host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shownHost}:${actualPort}`;
}

/** Closes the server on SIGINT/SIGTERM, letting requests in flight finish, then runs `cleanup`. */
export function closeOnSignals(app: FastifyInstance, cleanup: () => Promise<void>): void {
  let closing = false;
  const stop = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    void app
      .close()
      .then(cleanup)
      .catch((error: unknown) => app.log.error({ err: error }, 'error while shutting down'))
      .finally(() => {
        process.exitCode = process.exitCode ?? 0;
      });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
