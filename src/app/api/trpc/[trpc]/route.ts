import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/api/root';
import { createRequestContext } from '@/server/api/trpc';
import { describeError } from '@/server/logger';
import { getLogger } from '@/server/services';

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => createRequestContext({ headers: req.headers, resHeaders }),
    onError: ({ error, path }) => {
      // The caller sees a generic message (see errorFormatter); the detail goes to the server log only.
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        getLogger().error('procedure failed', { path, ...describeError(error.cause ?? error) });
      }
      // An outage answers 503 to the shopper; the log says which dependency, not the failed query and its values.
      if (error.code === 'SERVICE_UNAVAILABLE') getLogger().warn('procedure unavailable: database unreachable', { path });
    },
  });

export { handler as GET, handler as POST };
