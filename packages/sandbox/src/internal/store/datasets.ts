import type { DatasetType } from '../rules';
import { makeSample } from './catalog';
import type { Random } from './random';
import type { DatasetState, SpecState, Tenant } from './state';

/** The seed datasets of every company. */
export interface Datasets {
  /** A company's datasets, newest first. */
  of(companyId: string): DatasetState[];
  get(companyId: string, id: string): DatasetState | undefined;
  byName(companyId: string, name: string): DatasetState | undefined;
  add(dataset: DatasetState): DatasetState;
  remove(dataset: DatasetState): void;
}

/** Creates an empty set of datasets. */
export function createDatasets(): Datasets {
  const all: DatasetState[] = [];
  return {
    of: (companyId) =>
      all
        .map((dataset, index) => ({ dataset, index }))
        .filter(({ dataset }) => dataset.companyId === companyId)
        .sort((a, b) => b.dataset.createdAt - a.dataset.createdAt || b.index - a.index)
        .map(({ dataset }) => dataset),
    get: (companyId, id) => all.find((d) => d.id === id && d.companyId === companyId),
    byName: (companyId, name) => all.find((d) => d.name === name && d.companyId === companyId),
    add(dataset) {
      all.push(dataset);
      return dataset;
    },
    remove(dataset) {
      const index = all.indexOf(dataset);
      if (index >= 0) all.splice(index, 1);
    },
  };
}

/** The files a seeded spec's dataset holds, by its type (sizes in bytes). */
function seededFiles(type: DatasetType, name: string): Array<[path: string, size: number]> {
  switch (type) {
    case 'SINGLE_FILE':
      return [[name, 48_213]];
    case 'MULTI_FILE':
      return [
        ['contract-01.txt', 12_408],
        ['contract-02.txt', 9_870],
        ['contract-03.md', 15_112],
      ];
    case 'MULTI_FOLDER':
      return [
        ['patient-01/visit.txt', 3_204],
        ['patient-01/labs.csv', 1_876],
        ['patient-02/visit.txt', 2_950],
        ['patient-02/labs.csv', 1_644],
      ];
  }
}

/** Gives every seeded spec that names a dataset that dataset, so its `dataset_id` can be looked up like any other. */
export function seedDatasets(
  specs: SpecState[],
  tenants: Map<string, Tenant>,
  datasets: Datasets,
  random: Random,
  publicId: (drawn: string) => string,
): void {
  for (const spec of specs) {
    if (spec.datasetId === null || spec.datasetName === null) continue;
    const files = seededFiles(spec.datasetType, spec.datasetName);
    const folders = new Set(files.flatMap(([path]) => (path.includes('/') ? [path.split('/')[0]] : [])));
    const sample = makeSample(spec.sampleKind, 0, random.pick, random.int);
    datasets.add({
      id: spec.datasetId,
      companyId: spec.companyId,
      name: spec.datasetName,
      description: null,
      type: spec.datasetType,
      createdAt: spec.createdAt - 3_600_000,
      createdBy: tenants.get(spec.companyId)?.email ?? '',
      files: files.map(([path, sizeBytes]) => ({
        id: publicId(random.uuid()),
        path,
        fileType: path.slice(path.lastIndexOf('.') + 1),
        sizeBytes,
      })),
      folderCount: folders.size,
      properties: spec.datasetType === 'SINGLE_FILE' ? Object.keys(sample) : files.map(([path]) => path),
    });
  }
}
