import { randomBytes } from 'node:crypto';
import { DEMO_KEYS } from '../DEMO_KEYS';
import type { SandboxTenant } from '../types';
import { DEFAULT_MODEL, costPerSample, makeSample, type SampleKind } from './catalog';
import { createRandom, hashSeed, type Random } from './random';
import { createZip } from './zip';

/** A company and its API keys. */
export interface Tenant {
  id: string;
  name: string;
  email: string;
  keys: string[];
}

/** A spec as the store keeps it. */
export interface SpecState {
  id: string;
  companyId: string;
  name: string;
  description: string;
  status: 'PROCESSING' | 'SUCCEEDED' | 'FAILED';
  createdAt: number;
  updatedAt: number;
  datasetId: string | null;
  datasetName: string | null;
  datasetType: 'SINGLE_FILE' | 'MULTI_FILE' | 'MULTI_FOLDER';
  sampleKind: SampleKind;
  versions: Array<{ version: number; createdAt: number; contentYaml: string }>;
}

/** A run as the store keeps it; its status and progress are computed from the clock. */
export interface RunState {
  id: string;
  companyId: string;
  spec: SpecState;
  specVersion: number;
  samples: number;
  params: Record<string, unknown>;
  createdAt: number;
  createdBy: string;
  canceledAt: number | null;
  deletedAt: number | null;
  fails: boolean;
  failFraction: number;
  sampleFailRate: number;
  costPerSample: number;
  zipRequestedAt: number | null;
  idempotencyKey: string | null;
  requestId: string | null;
  seeded: boolean;
}

/** The computed state of a run at one instant. */
export interface RunProgress {
  status: 'PENDING' | 'PROCESSING' | 'SUCCEEDED' | 'FAILED' | 'CANCELED';
  processed: number;
  completed: number;
  failed: number;
  totalCost: number | null;
  completedAt: number | null;
}

/** A generated file with its bytes. */
export interface GeneratedFileData {
  id: string;
  path: string;
  fileType: string;
  data: Buffer;
}

/** Timing knobs of the simulation. */
export interface StoreOptions {
  seed: number;
  speed: number;
  now: () => number;
  samplesPerSecond: number;
  pendingMs: number;
  zipBuildMs: number;
  failureRate: number;
  tenants: SandboxTenant[];
}

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELED']);

/** Whether a run status is final. */
export function isTerminal(status: string): boolean {
  return TERMINAL.has(status);
}

/** Formats epoch milliseconds as an ISO 8601 date-time. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Default runtime parameters, completed by what the create body sent. */
export function runtimeParams(body: Record<string, unknown>): Record<string, unknown> {
  const generation = (body.generation_model as string | undefined) ?? DEFAULT_MODEL;
  const params: Record<string, unknown> = {
    number_of_samples: body.number_of_samples,
    generation_model: generation,
    outline_model: (body.outline_model as string | undefined) ?? generation,
    revision_model: (body.revision_model as string | undefined) ?? generation,
    revision_types: [],
    filtering_types: [],
    max_revision_cycles: (body.max_revision_cycles as number | undefined) ?? 1,
    seed_shuffling_level: (body.seed_shuffling_level as string | undefined) ?? 'none',
    max_examples_in_prompt: (body.max_examples_in_prompt as number | undefined) ?? 2,
    unified_multifield: (body.unified_multifield as boolean | undefined) ?? true,
    generation_thinking_budget: generation.endsWith('-thinking') ? 4096 : 0,
    outline_thinking_budget: 0,
    revision_thinking_budget: 0,
    skip_outline: false,
    tools: [],
  };
  return params;
}

/** Creates the in-memory state of a sandbox: tenants, seeded specs and runs, and the simulated lifecycle. */
export function createStore(options: StoreOptions) {
  const { seed, speed, now, samplesPerSecond, pendingMs, zipBuildMs, failureRate } = options;
  const idRandom = createRandom(hashSeed('ids', seed));
  const startedAt = now();
  const tenants = new Map<string, Tenant>();
  const keyToTenant = new Map<string, Tenant>();
  const specs: SpecState[] = [];
  const runs: RunState[] = [];
  const fileCache = new Map<string, GeneratedFileData[]>();
  const zipCache = new Map<string, Buffer>();
  const downloads = new Map<string, { runId: string; expiresAt: number }>();

  const addTenant = (t: SandboxTenant): void => {
    const existing = tenants.get(t.id);
    const tenant: Tenant = existing ?? {
      id: t.id,
      name: t.name ?? t.id,
      email: t.email ?? `demo@${t.id}.example`,
      keys: [],
    };
    for (const key of t.keys) {
      tenant.keys.push(key);
      keyToTenant.set(key, tenant);
    }
    if (!existing) {
      tenants.set(t.id, tenant);
      seedTenant(tenant);
    }
  };

  /** Milliseconds of real time for a span of simulated time. */
  const real = (simMs: number): number => simMs / speed;
  const processingMs = (samples: number): number => (samples / samplesPerSecond) * 1000;

  const progress = (run: RunState, at: number = now()): RunProgress => {
    const elapsed = (at - run.createdAt) * speed;
    const fullMs = processingMs(run.samples);
    const endSim = pendingMs + (run.fails ? run.failFraction * fullMs : fullMs);
    const cutSim = run.canceledAt !== null ? Math.min(elapsed, (run.canceledAt - run.createdAt) * speed) : elapsed;
    let status: RunProgress['status'];
    let completedAt: number | null = null;
    if (run.canceledAt !== null && run.canceledAt <= at) {
      status = 'CANCELED';
      completedAt = run.canceledAt;
    } else if (elapsed < pendingMs) {
      status = 'PENDING';
    } else if (elapsed < endSim) {
      status = 'PROCESSING';
    } else {
      status = run.fails ? 'FAILED' : 'SUCCEEDED';
      completedAt = run.createdAt + real(endSim);
    }
    let processed =
      status === 'SUCCEEDED'
        ? run.samples
        : Math.max(0, Math.min(run.samples, Math.floor(((Math.min(cutSim, endSim) - pendingMs) / 1000) * samplesPerSecond)));
    if (status === 'PENDING') processed = 0;
    const failed = Math.floor(processed * run.sampleFailRate);
    const started = status !== 'PENDING' && !(status === 'CANCELED' && cutSim < pendingMs);
    return {
      status,
      processed,
      completed: processed - failed,
      failed,
      totalCost: started ? Math.round(processed * run.costPerSample * 10000) / 10000 : null,
      completedAt,
    };
  };

  const newRun = (
    tenant: Tenant,
    spec: SpecState,
    fields: { samples: number; specVersion: number; params: Record<string, unknown>; createdAt: number; seeded: boolean; fails?: boolean },
  ): RunState => {
    const id = idRandom.uuid();
    const r = createRandom(hashSeed(id, seed));
    const fails = fields.fails ?? r.next() < failureRate;
    const run: RunState = {
      id,
      companyId: tenant.id,
      spec,
      specVersion: fields.specVersion,
      samples: fields.samples,
      params: fields.params,
      createdAt: fields.createdAt,
      createdBy: tenant.email,
      canceledAt: null,
      deletedAt: null,
      fails,
      failFraction: 0.2 + r.next() * 0.6,
      sampleFailRate: r.next() < 0.5 ? 0 : 0.005 + r.next() * 0.025,
      costPerSample: costPerSample(String(fields.params.generation_model)),
      zipRequestedAt: null,
      idempotencyKey: null,
      requestId: null,
      seeded: fields.seeded,
    };
    runs.push(run);
    return run;
  };

  function seedTenant(tenant: Tenant): void {
    const r = createRandom(hashSeed(`tenant:${tenant.id}`, seed));
    const day = 86_400_000;
    const spec = (
      name: string,
      description: string,
      status: SpecState['status'],
      dataset: { name: string; type: SpecState['datasetType'] } | null,
      sampleKind: SampleKind,
      versionCount: number,
      ageDays: number,
    ): SpecState => {
      const createdAt = startedAt - ageDays * day;
      const s: SpecState = {
        id: r.uuid(),
        companyId: tenant.id,
        name,
        description,
        status,
        createdAt,
        updatedAt: createdAt + versionCount * 3_600_000,
        datasetId: dataset ? r.uuid() : null,
        datasetName: dataset?.name ?? null,
        datasetType: dataset?.type ?? 'MULTI_FILE',
        sampleKind,
        versions: Array.from({ length: versionCount }, (_, i) => ({
          version: i + 1,
          createdAt: createdAt + (i + 1) * 3_600_000,
          contentYaml: `spec:\n  name: ${JSON.stringify(name)}\n  version: ${i + 1}\n  sample_kind: ${sampleKind}\n  fields_varied: ${2 + i}\n`,
        })),
      };
      specs.push(s);
      return s;
    };
    const tickets = spec(`${tenant.name} support tickets`, 'Customer support tickets with category and priority.', 'SUCCEEDED', { name: 'support-tickets.csv', type: 'SINGLE_FILE' }, 'ticket', 3, 30);
    const reviews = spec('Product reviews (seedless)', 'Short product reviews with a 1-5 rating, generated from objectives only.', 'SUCCEEDED', null, 'review', 1, 20);
    spec('Clinical notes', 'De-identified clinical notes; spec generation still in progress.', 'PROCESSING', { name: 'clinical-notes/', type: 'MULTI_FOLDER' }, 'note', 0, 0.01);
    spec('Contract clauses', 'Spec generation failed: the seed files could not be parsed.', 'FAILED', { name: 'contracts.zip', type: 'MULTI_FILE' }, 'clause', 0, 5);

    const params = (samples: number, model: string): Record<string, unknown> =>
      runtimeParams({ number_of_samples: samples, generation_model: model });
    // Each seeded run is placed in time so that it shows its intended status when the sandbox starts.
    newRun(tenant, tickets, { samples: 50, specVersion: 2, params: params(50, DEFAULT_MODEL), createdAt: startedAt - 9 * day, seeded: true, fails: false });
    const failed = newRun(tenant, reviews, { samples: 400, specVersion: 1, params: params(400, 'anthropic/claude-haiku-4-5'), createdAt: startedAt - 6 * day, seeded: true, fails: true });
    failed.sampleFailRate = 0.02;
    const canceled = newRun(tenant, tickets, { samples: 1000, specVersion: 3, params: params(1000, 'anthropic/claude-opus-4-6'), createdAt: startedAt - 4 * day, seeded: true, fails: false });
    canceled.canceledAt = canceled.createdAt + real(pendingMs + 0.35 * processingMs(1000));
    newRun(tenant, reviews, { samples: 200, specVersion: 1, params: params(200, 'gemini/gemini-3-pro-preview'), createdAt: startedAt - 2 * day, seeded: true, fails: false });
    const processing = newRun(tenant, tickets, { samples: 20000, specVersion: 3, params: params(20000, DEFAULT_MODEL), createdAt: 0, seeded: true, fails: false });
    processing.createdAt = startedAt - real(pendingMs + 0.3 * processingMs(20000));
    processing.sampleFailRate = 0.01;
    newRun(tenant, reviews, { samples: 100, specVersion: 1, params: params(100, DEFAULT_MODEL), createdAt: startedAt, seeded: true, fails: false });
  }

  const sampleAt = (run: RunState, position: number): { sample: Record<string, unknown>; finishTime: number } => {
    const r: Random = createRandom(hashSeed(`${run.id}:${position}`, seed));
    const processedPosition = run.sampleFailRate > 0 ? Math.floor(position / (1 - run.sampleFailRate)) : position;
    const finishSim = pendingMs + ((processedPosition + 1) / samplesPerSecond) * 1000;
    return {
      sample: makeSample(run.spec.sampleKind, position, r.pick, r.int),
      finishTime: (run.createdAt + real(finishSim)) / 1000,
    };
  };

  const files = (run: RunState): GeneratedFileData[] => {
    const cached = fileCache.get(run.id);
    if (cached) return cached;
    const p = progress(run);
    const lines: string[] = [];
    for (let i = 0; i < p.completed; i++) lines.push(JSON.stringify(sampleAt(run, i).sample));
    const summary = {
      run_id: run.id,
      spec_id: run.spec.id,
      spec_version: run.specVersion,
      samples_completed: p.completed,
      samples_failed: p.failed,
      generation_model: run.params.generation_model,
    };
    const fileId = (path: string): string => createRandom(hashSeed(`${run.id}:${path}`, seed)).uuid();
    const result: GeneratedFileData[] = [
      { id: fileId('samples.jsonl'), path: 'samples.jsonl', fileType: 'jsonl', data: Buffer.from(lines.join('\n') + '\n') },
      { id: fileId('run_summary.json'), path: 'run_summary.json', fileType: 'json', data: Buffer.from(JSON.stringify(summary, null, 2) + '\n') },
    ];
    fileCache.set(run.id, result);
    return result;
  };

  const zip = (run: RunState): Buffer => {
    const cached = zipCache.get(run.id);
    if (cached) return cached;
    const entries = files(run).flatMap((f) => [
      { path: f.path, data: f.data },
      { path: `${f.path}.metadata`, data: Buffer.from(JSON.stringify({ file_id: f.id, file_type: f.fileType, evaluation: null }) + '\n') },
    ]);
    entries.push({ path: 'top_level.metadata', data: Buffer.from(JSON.stringify({ run_id: run.id, evaluation_summary: null }) + '\n') });
    const bytes = createZip(entries);
    zipCache.set(run.id, bytes);
    return bytes;
  };

  for (const t of [
    { id: 'acme', name: 'Acme Corp', email: 'demo@acme.example', keys: [DEMO_KEYS.acme] },
    { id: 'globex', name: 'Globex Inc', email: 'demo@globex.example', keys: [DEMO_KEYS.globex] },
    ...options.tenants,
  ]) {
    addTenant(t);
  }

  return {
    now,
    tenantForKey: (key: string): Tenant | undefined => keyToTenant.get(key),
    tenant: (id: string): Tenant | undefined => tenants.get(id),
    specsOf: (companyId: string): SpecState[] => specs.filter((s) => s.companyId === companyId),
    spec: (companyId: string, id: string): SpecState | undefined => specs.find((s) => s.id === id && s.companyId === companyId),
    allRuns: (): RunState[] => runs,
    /** Live runs of one company, newest first. */
    runsOf: (companyId: string): RunState[] =>
      runs
        .map((run, index) => ({ run, index }))
        .filter(({ run }) => run.companyId === companyId && run.deletedAt === null)
        .sort((a, b) => b.run.createdAt - a.run.createdAt || b.index - a.index)
        .map(({ run }) => run),
    run: (companyId: string, id: string): RunState | undefined =>
      runs.find((r) => r.id === id && r.companyId === companyId && r.deletedAt === null),
    createRun: (tenant: Tenant, spec: SpecState, specVersion: number, params: Record<string, unknown>): RunState =>
      newRun(tenant, spec, { samples: params.number_of_samples as number, specVersion, params, createdAt: now(), seeded: false }),
    progress,
    sampleAt,
    files,
    zip,
    /** Seconds of real time the ZIP of a run still needs, or 0 when it is ready; starts building on first call. */
    zipWait(run: RunState): number {
      const at = now();
      if (run.zipRequestedAt === null) {
        run.zipRequestedAt = at;
        return Math.max(1, real(zipBuildMs));
      }
      return Math.max(0, run.zipRequestedAt + real(zipBuildMs) - at);
    },
    /** Registers a presigned-style download token valid for one hour. */
    downloadToken(run: RunState): string {
      const token = randomBytes(16).toString('hex');
      downloads.set(token, { runId: run.id, expiresAt: now() + 3_600_000 });
      return token;
    },
    download(token: string): RunState | undefined {
      const entry = downloads.get(token);
      if (!entry || entry.expiresAt < now()) return undefined;
      return runs.find((r) => r.id === entry.runId && r.deletedAt === null);
    },
  };
}

/** The store's type. */
export type Store = ReturnType<typeof createStore>;
