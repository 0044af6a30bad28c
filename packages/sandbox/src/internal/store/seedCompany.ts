import type { Timeline } from './createTimeline';
import { RUN_FIXTURES, SPEC_FIXTURES } from './fixtures';
import type { Placement } from './placeRun';
import { placeRun } from './placeRun';
import { createRandom, hashSeed } from './random';
import { runtimeParams } from './runtimeParams';
import type { RunState, SpecState, Tenant } from './state';

const DAY = 86_400_000;

/** What seeding needs from the store. */
export interface SeedContext {
  seed: number;
  /** Wall-clock epoch ms the data is seeded at. */
  startedAt: number;
  timeline: Timeline;
  specs: SpecState[];
  /** The id to show for an id drawn from the seed: the same one, or a new one on every start when no seed was asked for. */
  publicId(drawn: string): string;
  newRun(
    tenant: Tenant,
    spec: SpecState,
    fields: { samples: number; specVersion: number; params: Record<string, unknown>; seeded: boolean; fails?: boolean },
  ): RunState;
}

/** Puts a run where a placement says, with wall-clock times to match. */
export function applyPlacement(run: RunState, placement: Placement, timeline: Timeline): void {
  run.fails = placement.fails;
  run.createdSim = placement.createdSim;
  run.createdAt = Math.round(timeline.real(placement.createdSim));
  run.canceledSim = placement.canceledSim;
  run.canceledAt = placement.canceledSim === null ? null : Math.round(timeline.real(placement.canceledSim));
}

/** Gives a new company its fixture specs and runs, drawn from the seed. */
export function seedCompany(tenant: Tenant, ctx: SeedContext): void {
  const r = createRandom(hashSeed(`tenant:${tenant.id}`, ctx.seed));
  const byKey = new Map<string, SpecState>();
  for (const f of SPEC_FIXTURES) {
    const createdAt = ctx.startedAt - f.ageDays * DAY;
    const name = f.name.replace('{company}', tenant.name);
    const spec: SpecState = {
      id: ctx.publicId(r.uuid()),
      companyId: tenant.id,
      name,
      description: f.description,
      status: f.status,
      createdAt,
      updatedAt: createdAt + f.versions * 3_600_000,
      datasetId: f.dataset ? ctx.publicId(r.uuid()) : null,
      datasetName: f.dataset?.name ?? null,
      datasetType: f.dataset?.type ?? 'MULTI_FILE',
      sampleKind: f.sampleKind,
      versions: Array.from({ length: f.versions }, (_, i) => ({
        version: i + 1,
        createdAt: createdAt + (i + 1) * 3_600_000,
        contentYaml: `spec:\n  name: ${JSON.stringify(name)}\n  version: ${i + 1}\n  sample_kind: ${f.sampleKind}\n  fields_varied: ${2 + i}\n`,
      })),
    };
    ctx.specs.push(spec);
    byKey.set(f.key, spec);
  }
  const at = ctx.timeline.sim(ctx.startedAt);
  for (const f of RUN_FIXTURES) {
    const params = runtimeParams({ number_of_samples: f.samples, generation_model: f.model });
    const fields = { samples: f.samples, specVersion: f.specVersion, params, seeded: true, fails: f.shows === 'FAILED' };
    const run = ctx.newRun(tenant, byKey.get(f.spec) as SpecState, fields);
    if (f.sampleFailRate !== undefined) run.sampleFailRate = f.sampleFailRate;
    const placement = placeRun(run, f.shows, at, ctx.timeline, {
      ...(f.ageDays !== undefined && { ageMs: f.ageDays * DAY }),
      ...(f.progress !== undefined && { fraction: f.progress }),
    });
    applyPlacement(run, placement, ctx.timeline);
  }
}
