import { Hono } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';
import type { AppContext, Env } from './AppContext';
import { closeWhileRefusing } from './middleware/closeWhileRefusing';
import { faults } from './middleware/faults';
import { requestLog } from './middleware/requestLog';
import { detail, notFound } from './respond';
import { adminRoutes } from './routes/admin';
import { apiKeysRoutes } from './routes/apiKeys';
import { datasetsRoutes } from './routes/datasets';
import { evaluationsRoutes } from './routes/evaluations';
import { healthRoutes } from './routes/health';
import { modelsRoutes } from './routes/models';
import { runsRoutes } from './routes/runs';
import { specsRoutes } from './routes/specs';
import { ADMIN, API, API_KEY_ROTATE_PATH } from './rules';

/** The methods served at each registered route path, from the app's own routes (for 405 and `Allow`). */
function allowedMethods(app: Hono<Env>): (path: string) => string[] {
  let router: TrieRouter<string> | undefined;
  return (path) => {
    if (!router) {
      router = new TrieRouter<string>();
      for (const route of app.routes) if (route.method !== 'ALL') router.add('ALL', route.path, route.method);
    }
    const [matches] = router.match('GET', path);
    return [...new Set(matches.map(([method]) => method))];
  };
}

/** Builds the Hono app: the Dataframer API under `API`, the admin API under `ADMIN`. */
export function createApp(ctx: AppContext): Hono<Env> {
  const api = new Hono<Env>({ strict: true });
  api.use('*', faults(ctx));
  api.route('/health/', healthRoutes(ctx));
  api.route('/models/', modelsRoutes(ctx));
  api.route('/specs/', specsRoutes(ctx));
  api.route('/runs/', runsRoutes(ctx));
  api.route('/evaluations/', evaluationsRoutes(ctx));
  api.route('/seed-datasets/', datasetsRoutes(ctx, 'newest'));
  api.route('/datasets/', datasetsRoutes(ctx, 'older'));

  const app = new Hono<Env>({ strict: true });
  app.use('*', requestLog(ctx), closeWhileRefusing(ctx));
  app.route(API, api);
  app.route('/', apiKeysRoutes(ctx));
  app.route(ADMIN, adminRoutes(ctx));

  const allowed = allowedMethods(app);
  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    const methods = path.startsWith(`${API}/`) || path === API_KEY_ROTATE_PATH ? allowed(path) : [];
    return methods.length > 0 ? detail(c, 405, `Method "${c.req.method}" not allowed.`, { Allow: methods.join(', ') }) : notFound(c);
  });
  app.onError((error, c) => {
    console.error('[dataframer-sandbox] unexpected error', error);
    return detail(c, 500, 'A server error occurred.');
  });
  return app;
}
