import { randomUUID } from 'node:crypto';
import { DEMO_KEYS } from '../../DEMO_KEYS';
import type { SandboxTenant } from '../../types';
import { DEFAULT_MODEL, MAX_EVALUATED_SAMPLES } from '../rules';
import { costPerSample } from './catalog';
import { createDownloads } from './createDownloads';
import { createDatasets, seedDatasets } from './datasets';
import { createGeneratedFiles, sampleAt } from './generatedFiles';
import { progress } from './lifecycle';
import { placeRun } from './placeRun';
import { createRandom, hashSeed } from './random';
import { runtimeParams } from './runtimeParams';
import { applyPlacement, seedCompany, type SeedContext } from './seedCompany';
import { newSpecState, settleSpec, specContentYaml, specFails } from './specGeneration';
import { type EvaluationResult, scoreEvaluation } from './scoreEvaluation';
import type { EvaluationState, RunState, Tenant } from './state';
import type { Store, StoreOptions } from './Store';

const DEMO_TENANTS: SandboxTenant[] = [
  { id: 'acme', name: 'Acme Corp', email: 'demo@acme.example', keys: [DEMO_KEYS.acme] },
  { id: 'globex', name: 'Globex Inc', email: 'demo@globex.example', keys: [DEMO_KEYS.globex] },
];

/** The data of one seed: rebuilt from scratch by `reset`. With `freshIds`, every id is new, and every draw is the seed's. */
function seedData(options: StoreOptions, seed: number, freshIds: boolean) {
  const { now, timeline } = options;
  const idRandom = createRandom(hashSeed('ids', seed));
  const publicId = freshIds ? () => randomUUID() : (drawn: string) => drawn;
  const tenants = new Map<string, Tenant>();
  const keyToTenant = new Map<string, Tenant>();
  const runs: RunState[] = [];
  const files = createGeneratedFiles(seed, timeline);
  const ctx: SeedContext = {
    seed,
    startedAt: now(),
    timeline,
    specs: [],
    publicId,
    newRun(tenant, spec, fields) {
      // What a run draws comes from the seed's id, so only the id itself changes with freshIds.
      const drawn = idRandom.uuid();
      const r = createRandom(hashSeed(drawn, seed));
      const run: RunState = {
        id: publicId(drawn),
        companyId: tenant.id,
        spec,
        specVersion: fields.specVersion,
        samples: fields.samples,
        params: fields.params,
        createdAt: now(),
        createdSim: timeline.sim(),
        createdBy: tenant.email,
        canceledAt: null,
        canceledSim: null,
        deletedAt: null,
        fails: fields.fails ?? r.next() < options.failureRate,
        failFraction: 0.2 + r.next() * 0.6,
        sampleFailRate: r.next() < 0.5 ? 0 : 0.005 + r.next() * 0.025,
        costPerSample: costPerSample(String(fields.params.generation_model)),
        pendingMs: options.pendingMs,
        samplesPerSecond: options.samplesPerSecond,
        zipRequestedSim: null,
        idempotencyKey: null,
        requestId: null,
        seeded: fields.seeded,
        evaluations: [],
      };
      runs.push(run);
      return run;
    },
  };
  for (const t of [...DEMO_TENANTS, ...options.tenants]) {
    const existing = tenants.get(t.id);
    const tenant = existing ?? { id: t.id, name: t.name ?? t.id, email: t.email ?? `demo@${t.id}.example`, keys: [] };
    for (const key of t.keys) {
      tenant.keys.push(key);
      keyToTenant.set(key, tenant);
    }
    if (!existing) {
      tenants.set(t.id, tenant);
      seedCompany(tenant, ctx);
    }
  }
  const downloads = createDownloads({ now, timeline, zipBuildMs: options.zipBuildMs, files });
  // Datasets and created specs draw from streams of their own, so they never change which runs fail.
  const datasetRandom = createRandom(hashSeed('datasets', seed));
  const specRandom = createRandom(hashSeed('specs', seed));
  const datasets = createDatasets();
  seedDatasets(ctx.specs, tenants, datasets, datasetRandom, publicId);
  return {
    seed,
    freshIds,
    idRandom,
    publicId,
    tenants,
    keyToTenant,
    specs: ctx.specs,
    runs,
    newRun: ctx.newRun,
    files,
    downloads,
    evaluationResults: new Map<string, EvaluationResult>(),
    datasets,
    datasetRandom,
    specRandom,
  };
}

/** Creates the in-memory state of a sandbox: tenants, seeded specs and runs, files and downloads. */
export function createStore(options: StoreOptions): Store {
  const { now, timeline } = options;
  let data = seedData(options, options.seed, options.freshIds);
  const live = (run: RunState): boolean => run.deletedAt === null;

  return {
    now,
    timeline,
    seed: () => data.seed,
    tenantForKey: (key) => data.keyToTenant.get(key),
    tenant: (id) => data.tenants.get(id),
    specsOf: (companyId) => data.specs.filter((s) => s.companyId === companyId).map((s) => settleSpec(s, timeline.sim(), timeline)),
    spec(companyId, id) {
      const found = data.specs.find((s) => s.id === id && s.companyId === companyId);
      return found && settleSpec(found, timeline.sim(), timeline);
    },
    createSpec(tenant, spec) {
      const r = data.specRandom;
      const fields = {
        id: data.publicId(r.uuid()),
        now: now(),
        timeline,
        fails: specFails(spec, options.failureRate, r),
        contentYaml: specContentYaml(spec, r),
      };
      const created = newSpecState(tenant, spec, fields);
      data.specs.push(created);
      return created;
    },
    replaceSpec(spec, contentYaml) {
      const at = now();
      spec.versions.push({ version: spec.versions.length + 1, createdAt: at, contentYaml });
      spec.updatedAt = at;
      return spec;
    },
    get datasets() {
      return data.datasets;
    },
    createDataset: (tenant, fields) =>
      data.datasets.add({
        ...fields,
        id: data.publicId(data.datasetRandom.uuid()),
        companyId: tenant.id,
        createdAt: now(),
        createdBy: tenant.email,
      }),
    newId: () => data.publicId(data.datasetRandom.uuid()),
    allRuns: () => data.runs,
    runsOf: (companyId) =>
      data.runs
        .map((run, index) => ({ run, index }))
        .filter(({ run }) => run.companyId === companyId && live(run))
        .sort((a, b) => b.run.createdAt - a.run.createdAt || b.index - a.index)
        .map(({ run }) => run),
    run: (companyId, id) => data.runs.find((r) => r.id === id && r.companyId === companyId && live(r)),
    createRun: (tenant, spec, specVersion, params) =>
      data.newRun(tenant, spec, { samples: params.number_of_samples as number, specVersion, params, seeded: false }),
    seedRun(tenant, spec, seedOptions) {
      const { samples } = seedOptions;
      const params = runtimeParams({ number_of_samples: samples, generation_model: DEFAULT_MODEL });
      const run = data.newRun(tenant, spec, {
        samples,
        specVersion: spec.versions.length,
        params,
        seeded: true,
        fails: seedOptions.status === 'FAILED',
      });
      const placement = placeRun(
        run,
        seedOptions.status,
        timeline.sim(),
        timeline,
        seedOptions.progress === undefined ? {} : { fraction: seedOptions.progress },
      );
      applyPlacement(run, placement, timeline);
      return run;
    },
    progress: (run) => progress(run, timeline.sim()),
    completedAt: (run, p) => (p.status === 'CANCELED' ? run.canceledAt : p.completedSim === null ? null : timeline.real(p.completedSim)),
    cancel(run) {
      run.canceledAt = now();
      run.canceledSim = timeline.sim(run.canceledAt);
    },
    remove(run) {
      run.deletedAt = now();
    },
    createEvaluation(run, model, failureRate) {
      // As for runs, what an evaluation draws comes from the seed's id, so only the id itself changes with freshIds.
      const drawn = data.idRandom.uuid();
      const r = createRandom(hashSeed(`evaluation:${drawn}`, data.seed));
      const evaluation: EvaluationState = {
        id: data.publicId(drawn),
        runId: run.id,
        companyId: run.companyId,
        createdBy: (data.tenants.get(run.companyId) as Tenant).email,
        model,
        createdAt: now(),
        createdSim: timeline.sim(),
        fails: r.next() < failureRate,
        taskId: data.publicId(r.uuid()),
      };
      run.evaluations.push(evaluation);
      return evaluation;
    },
    evaluation: (companyId, id) =>
      data.runs
        .filter((r) => r.companyId === companyId && live(r))
        .flatMap((r) => r.evaluations)
        .find((e) => e.id === id),
    evaluationResult(evaluation) {
      const run = data.runs.find((r) => r.id === evaluation.runId) as RunState;
      const totalSamples = progress(run, timeline.sim()).completed;
      let result = data.evaluationResults.get(evaluation.id);
      if (!result) {
        const positions = Array.from({ length: Math.min(totalSamples, MAX_EVALUATED_SAMPLES) }, (_, i) => i);
        result = scoreEvaluation(
          run.spec.sampleKind,
          positions.map((i) => sampleAt(run, i, data.seed, timeline).sample),
        );
        data.evaluationResults.set(evaluation.id, result);
      }
      return { result, totalSamples };
    },
    replaceKey(oldKey, newKey) {
      const tenant = data.keyToTenant.get(oldKey);
      if (!tenant) return undefined;
      data.keyToTenant.delete(oldKey);
      data.keyToTenant.set(newKey, tenant);
      tenant.keys = tenant.keys.map((k) => (k === oldKey ? newKey : k));
      return tenant;
    },
    sampleAt: (run, position) => sampleAt(run, position, data.seed, timeline),
    files: (run) => data.files(run),
    get downloads() {
      return data.downloads;
    },
    reset(seed) {
      data = seed === undefined ? seedData(options, data.seed, data.freshIds) : seedData(options, seed, false);
    },
  };
}
