import { Hono } from 'hono';
import type { AppContext, Env } from '../AppContext';
import { auth } from '../middleware/auth';
import { notFound } from '../respond';
import type { FieldErrors } from '../validation/FieldErrors';
import { readBoolean } from '../validation/queryParams';
import { specListItemView, specView } from '../views/specViews';

/** `/specs/`: list and retrieve. */
export function specsRoutes(ctx: AppContext): Hono<Env> {
  const specs = new Hono<Env>({ strict: true });
  specs.use('*', auth(ctx));

  specs.get('/', (c) => c.json(ctx.store.specsOf(c.get('tenant').id).map((s) => specListItemView(ctx.view(), s))));

  specs.get('/:spec_id/', (c) => {
    const spec = ctx.store.spec(c.get('tenant').id, c.req.param('spec_id'));
    if (!spec) return notFound(c);
    const errors: FieldErrors = {};
    const includeVersions = readBoolean(c.req.query('include_versions'), 'include_versions', false, errors);
    if (Object.keys(errors).length > 0) return c.json(errors, 400);
    return c.json(specView(ctx.view(), spec, includeVersions));
  });

  return specs;
}
