import { type Context, Hono } from 'hono';
import type { AppContext, Env } from '../AppContext';
import { auth } from '../middleware/auth';
import { detail, notFound, readJson } from '../respond';
import type { FieldErrors } from '../validation/FieldErrors';
import { readBoolean } from '../validation/queryParams';
import { validateCreateSpec } from '../validation/validateCreateSpec';
import { validateReplaceSpec } from '../validation/validateReplaceSpec';
import { specListItemView, specView } from '../views/specViews';

/** `/specs/`: list, create (asynchronous), retrieve and replace (a new version from YAML). */
export function specsRoutes(ctx: AppContext): Hono<Env> {
  const specs = new Hono<Env>({ strict: true });
  specs.use('*', auth(ctx));

  specs.get('/', (c) => c.json(ctx.store.specsOf(c.get('tenant').id).map((s) => specListItemView(ctx.view(), s))));

  specs.post('/', async (c) => {
    const tenant = c.get('tenant');
    const read = await readJson(c);
    if ('error' in read) return read.error;
    const checked = validateCreateSpec(read.body);
    if ('errors' in checked) return c.json(checked.errors, 400);
    const input = checked.value;
    const errors: FieldErrors = {};
    if (ctx.store.specsOf(tenant.id).some((s) => s.name === input.name)) errors.name = [`A spec named "${input.name}" already exists.`];
    const dataset = input.datasetId === null ? null : ctx.store.datasets.get(tenant.id, input.datasetId);
    if (dataset === undefined) errors.dataset_id = [`Dataset ${input.datasetId} was not found.`];
    if (Object.keys(errors).length > 0) return c.json(errors, 400);
    const spec = ctx.store.createSpec(tenant, { ...input, dataset: dataset ?? null });
    return c.json({ id: spec.id }, 201);
  });

  specs.get('/:spec_id/', (c) => {
    const spec = ctx.store.spec(c.get('tenant').id, c.req.param('spec_id'));
    if (!spec) return notFound(c);
    const errors: FieldErrors = {};
    const includeVersions = readBoolean(c.req.query('include_versions'), 'include_versions', false, errors);
    if (Object.keys(errors).length > 0) return c.json(errors, 400);
    return c.json(specView(ctx.view(), spec, includeVersions));
  });

  // PUT in the newest docs and the older SDK; PATCH in the older overview. Both replace the YAML with a new version.
  const replace = async (c: Context<Env>) => {
    const spec = ctx.store.spec(c.get('tenant').id, c.req.param('spec_id') ?? '');
    if (!spec) return notFound(c);
    const read = await readJson(c);
    if ('error' in read) return read.error;
    const checked = validateReplaceSpec(read.body);
    if ('errors' in checked) return c.json(checked.errors, 400);
    if (spec.status !== 'SUCCEEDED') {
      return detail(
        c,
        400,
        `Spec ${spec.id} is ${spec.status}; only a spec in ${ctx.settings.get().specReadyStatus} status can be replaced.`,
      );
    }
    return c.json(specView(ctx.view(), ctx.store.replaceSpec(spec, checked.value), true));
  };
  specs.put('/:spec_id/', replace);
  specs.patch('/:spec_id/', replace);

  return specs;
}
