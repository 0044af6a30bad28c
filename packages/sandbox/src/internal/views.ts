import { iso, type RunState, type SpecState, type Store } from './createStore';

/** The Run object of the list endpoint. */
export function runView(store: Store, run: RunState): Record<string, unknown> {
  const p = store.progress(run);
  return {
    id: run.id,
    status: p.status,
    spec_id: run.spec.id,
    spec_name: run.spec.name,
    spec_version: run.specVersion,
    dataset_id: run.spec.datasetId,
    dataset_name: run.spec.datasetName,
    dataset_type: run.spec.datasetType,
    samples_completed: p.completed,
    samples_failed: p.failed,
    total_cost: p.totalCost,
    created_at: iso(run.createdAt),
    created_by_email: run.createdBy,
    completed_at: p.completedAt === null ? null : iso(p.completedAt),
  };
}

/** The RunDetail object of the retrieve endpoint. */
export function runDetailView(store: Store, run: RunState): Record<string, unknown> {
  const view = runView(store, run);
  const files =
    view.status === 'SUCCEEDED'
      ? store.files(run).map((f) => ({ id: f.id, path: f.path, file_type: f.fileType, size_bytes: f.data.length }))
      : [];
  return { ...view, runtime_params: { ...run.params }, generated_files: files };
}

/** The spec list item: the contract documents the pydataframer 0.3.1 shape here, so SUCCEEDED is spelled READY. */
export function specListItemView(store: Store, spec: SpecState): Record<string, unknown> {
  const tenant = store.tenant(spec.companyId);
  const latest = spec.versions.at(-1);
  return {
    id: spec.id,
    name: spec.name,
    description: spec.description,
    status: spec.status === 'SUCCEEDED' ? 'READY' : spec.status,
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
}

/** The Spec object of the retrieve endpoint (newest docs shape). */
export function specView(store: Store, spec: SpecState, includeVersions: boolean): Record<string, unknown> {
  const tenant = store.tenant(spec.companyId);
  const latest = spec.versions.at(-1);
  const view: Record<string, unknown> = {
    id: spec.id,
    name: spec.name,
    description: spec.description,
    status: spec.status,
    created_at: iso(spec.createdAt),
    updated_at: iso(spec.updatedAt),
    dataset_id: spec.datasetId,
    dataset_name: spec.datasetName,
    dataset_type: spec.datasetType,
    created_by_email: tenant?.email ?? '',
    runtime_params: { spec_generation_model: 'anthropic/claude-sonnet-4-6', sample_kind: spec.sampleKind },
    content_yaml: spec.status === 'SUCCEEDED' && latest ? latest.contentYaml : null,
  };
  if (includeVersions) {
    view.versions = spec.versions.map((v) => ({ version: v.version, created_at: iso(v.createdAt), content_yaml: v.contentYaml }));
  }
  return view;
}
