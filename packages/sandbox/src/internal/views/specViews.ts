import { DEFAULT_MODEL } from '../rules';
import type { SpecState } from '../store/state';
import { shapeFields } from './shapeFields';
import { iso, type ViewContext } from './ViewContext';

/** The spec status in the configured vocabulary: a usable spec is SUCCEEDED (newest docs) or READY (older docs, SDK 0.3.1). */
function specStatus(ctx: ViewContext, spec: SpecState): string {
  return spec.status === 'SUCCEEDED' ? ctx.settings.specReadyStatus : spec.status;
}

/** The spec list item: the contract documents the pydataframer 0.3.1 shape, with the newest fields added. */
export function specListItemView(ctx: ViewContext, spec: SpecState): Record<string, unknown> {
  const tenant = ctx.store.tenant(spec.companyId);
  const latest = spec.versions.at(-1);
  const view = {
    id: spec.id,
    name: spec.name,
    description: spec.description,
    status: specStatus(ctx, spec),
    datasets_id: spec.datasetId ?? '',
    dataset_id: spec.datasetId,
    // The list schema types dataset_name as a non-null string, so a seedless spec leaves it out.
    ...(spec.datasetName === null ? {} : { dataset_name: spec.datasetName }),
    dataset_type: spec.datasetType,
    company_id: spec.companyId,
    company_name: tenant?.name ?? spec.companyId,
    created_at: iso(spec.createdAt),
    updated_at: iso(spec.updatedAt),
    created_by: 1,
    created_by_name: tenant?.name ?? spec.companyId,
    created_by_email: tenant?.email ?? '',
    latest_version: latest?.version ?? 0,
    version_count: spec.versions.length,
  };
  // datasets_id and name are the list schema's required fields.
  return shapeFields(view, ['id', 'name', 'datasets_id'], ctx.settings.optionalFields);
}

/** The Spec object of the retrieve endpoint (newest docs shape). */
export function specView(ctx: ViewContext, spec: SpecState, includeVersions: boolean): Record<string, unknown> {
  const tenant = ctx.store.tenant(spec.companyId);
  const latest = spec.versions.at(-1);
  const view: Record<string, unknown> = {
    id: spec.id,
    name: spec.name,
    description: spec.description,
    status: specStatus(ctx, spec),
    created_at: iso(spec.createdAt),
    updated_at: iso(spec.updatedAt),
    dataset_id: spec.datasetId,
    dataset_name: spec.datasetName,
    dataset_type: spec.datasetType,
    created_by_email: tenant?.email ?? '',
    runtime_params: spec.runtimeParams ?? { spec_generation_model: DEFAULT_MODEL, sample_kind: spec.sampleKind },
    content_yaml: spec.status === 'SUCCEEDED' && latest ? latest.contentYaml : null,
  };
  if (includeVersions) {
    view.versions = spec.versions.map((v) => ({ version: v.version, created_at: iso(v.createdAt), content_yaml: v.contentYaml }));
  }
  return shapeFields(view, ['id'], ctx.settings.optionalFields);
}
