import type * as v from 'valibot';
import {
  createDatasetFromZipOperation,
  createDatasetOperation,
  createSpecOperation,
  createSpecResultSchema,
  datasetListSchema,
  listDatasetsOperation,
  replaceSpecOperation,
  retrieveDatasetOperation,
  seedDatasetSchema,
  replacedSpecSchema,
  apiKeyRotationSchema,
  createEvaluationOperation,
  evaluationSchema,
  evaluationSummaryListSchema,
  listRunEvaluationsOperation,
  retrieveEvaluationOperation,
  rotateApiKeyOperation,
  checkHealthOperation,
  createRunOperation,
  createRunResultSchema,
  freeObjectSchema,
  listModelsOperation,
  listRunSamplesOperation,
  listRunsOperation,
  listSpecsOperation,
  rawRequestOperation,
  requestRunFilesOperation,
  retrieveRunOperation,
  retrieveSpecOperation,
  runDetailSchema,
  runFilesDownloadSchema,
  runListSchema,
  sampleListSchema,
  specListSchema,
  specSchema,
  lenientSchemas,
  strictSchemas,
  type Operation,
  type SchemaMode,
} from '../src/index';
import { deref, doc, properties, type Json } from './contractDocument';

// Which part of the SDK reads each answer the contract documents.

export const MODES = { lenient: lenientSchemas, strict: strictSchemas } as const;

/** Ids the operations' parameters name, and the document's path parameters stand for. */
const IDS: Record<string, string> = {
  run_id: '3f2b8c1e-5d4a-4b7e-9c2d-1a2b3c4d5e6f',
  spec_id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  file_id: '0d1e2f3a-4b5c-4d6e-8f7a-8b9c0d1e2f3a',
  dataset_id: '5c4d3e2f-1a0b-4c9d-8e7f-6a5b4c3d2e1f',
  evaluation_id: '7e6d5c4b-3a2f-4e1d-9c0b-8a7f6e5d4c3b',
};

/** How the SDK reads one operation's success body. */
interface Reader {
  /** The operation that sends the request and parses its answer. */
  operation: Operation<never, unknown>;
  /** Its parameters, naming the ids above; absent for `client.request`, which gets the document's own method and path. */
  params?: unknown;
  /** The schema its parse checks the body with; absent where the SDK hands the parsed JSON back as it came. */
  schema?: (mode?: SchemaMode) => v.GenericSchema;
  /** The fields the default mode requires: only what the client cannot do its job without. */
  needs: string[];
}

const reader = (operation: Operation<never, unknown>, params: unknown, schema: Reader['schema'], needs: string[]): Reader => ({
  operation,
  params,
  schema,
  needs,
});
/**
 * An operation the SDK does not model: `client.request()` sends it and answers its parsed JSON unchecked. Modelling
 * one replaces its `REQUEST` below with `reader(operation, params, schema, needs)`: one line.
 * `client.request()` keeps to `/api/dataframer/`, so for a path outside it (key rotation) it refuses to send.
 */
const REQUEST: Reader = { operation: rawRequestOperation as Operation<never, unknown>, needs: [] };

/** Every operation of the document with a JSON success body, by operationId, and what in the SDK reads it. */
export const READERS: Record<string, Reader> = {
  listRuns: reader(listRunsOperation, undefined, runListSchema, ['id', 'status']),
  createRun: reader(createRunOperation, { spec_id: IDS['spec_id'], number_of_samples: 10 }, createRunResultSchema, ['id']),
  getRun: reader(retrieveRunOperation, IDS['run_id'], runDetailSchema, ['id', 'status']),
  downloadAllRunFiles: reader(requestRunFilesOperation, IDS['run_id'], runFilesDownloadSchema, ['download_url']),
  listRunSamples: reader(listRunSamplesOperation, { runId: IDS['run_id'] }, sampleListSchema, []),
  listSpecs: reader(listSpecsOperation, undefined, specListSchema, ['id']),
  getSpec: reader(retrieveSpecOperation, { specId: IDS['spec_id'] }, specSchema, ['id']),
  listModels: reader(listModelsOperation, undefined, freeObjectSchema, []),
  checkHealth: reader(checkHealthOperation, undefined, freeObjectSchema, []),
  updateRun: REQUEST,
  getRunStatus: REQUEST,
  retrieveRunSamplesByIndices: REQUEST,
  listRunGeneratedFilesLegacy: REQUEST,
  downloadRunGeneratedFileLegacy: REQUEST,
  getRunGeneratedFileContentLegacy: REQUEST,
  listRunEvaluations: reader(listRunEvaluationsOperation, IDS['run_id'], evaluationSummaryListSchema, ['id', 'status']),
  createSeedDataset: reader(
    createDatasetOperation,
    { name: 'tickets', dataset_type: 'SINGLE_FILE', files: [new File(['a,b\\n1,2\\n'], 'rows.csv')] },
    seedDatasetSchema,
    ['id', 'name', 'dataset_type'],
  ),
  createSeedDatasetFromZip: reader(
    createDatasetFromZipOperation,
    { name: 'tickets', zip_file: new File(['PK'], 'seed.zip') },
    seedDatasetSchema,
    ['id', 'name', 'dataset_type'],
  ),
  getSeedDataset: reader(retrieveDatasetOperation, IDS['dataset_id'], seedDatasetSchema, ['id', 'name', 'dataset_type']),
  listDatasetsLegacy: reader(listDatasetsOperation, undefined, datasetListSchema, ['id', 'name', 'dataset_type']),
  createSpec: reader(createSpecOperation, { name: 'tickets', dataset_id: IDS['dataset_id'] }, createSpecResultSchema, ['id']),
  replaceSpec: reader(replaceSpecOperation, { specId: IDS['spec_id'], content_yaml: 'spec:\n  description: x\n' }, replacedSpecSchema, [
    'id',
  ]),
  createEvaluation: reader(createEvaluationOperation, { run_id: IDS['run_id'] }, evaluationSchema, ['id', 'status']),
  getEvaluation: reader(retrieveEvaluationOperation, IDS['evaluation_id'], evaluationSchema, ['id', 'status']),
  rotateApiKey: reader(rotateApiKeyOperation, undefined, apiKeyRotationSchema, ['api_key']),
  // Red teaming stays unmodelled: the run create's field names are visible in no source (contract/NOTES.md).
  createRedTeamSpec: REQUEST,
  listRedTeamSpecs: REQUEST,
  getRedTeamSpec: REQUEST,
  updateRedTeamSpec: REQUEST,
  createRedTeamRun: REQUEST,
  listRedTeamRuns: REQUEST,
  getRedTeamRun: REQUEST,
  getRedTeamRunStatus: REQUEST,
};

/** One success answer of the document with a JSON schema. */
interface Answer {
  operationId: string;
  method: string;
  path: string;
  status: string;
  schema: Json;
}

/** Every success answer with a JSON schema, of every operation in the document. */
export const answers: Answer[] = Object.entries(doc.paths).flatMap(([path, operations]) =>
  Object.entries(operations).flatMap(([method, operation]) =>
    Object.entries((operation['responses'] as Record<string, Json> | undefined) ?? {}).flatMap(([status, response]) => {
      const schema = ((response['content'] as Record<string, Json> | undefined)?.['application/json'] as Json | undefined)?.['schema'];
      if (!/^2/.test(status) || schema === undefined) return [];
      return [{ operationId: String(operation['operationId']), method: method.toUpperCase(), path, status, schema: schema as Json }];
    }),
  ),
);

/** One documented answer and the part of the SDK that reads it. */
export interface Case {
  name: string;
  answer: Answer;
  reader: Reader;
  schema: Json;
  /** Whether the body is an array of objects. */
  array: boolean;
  /** Whether the contract leaves the object open (no properties to check). */
  open: boolean;
}

export const cases: Case[] = answers.flatMap((answer) => {
  const found = READERS[answer.operationId];
  if (!found) return [];
  const schema = answer.schema;
  const array = deref(schema)['type'] === 'array';
  const item = array ? (deref(schema)['items'] as Json) : schema;
  return [
    {
      name: `${answer.operationId} ${answer.status}`,
      answer,
      reader: found,
      schema,
      array,
      open: Object.keys(properties(item)).length === 0,
    },
  ];
});

/** The schema of the body's object: the body's, or its items' for an array. */
export function itemSchema(c: Case): Json {
  return c.array ? (deref(c.schema)['items'] as Json) : c.schema;
}

/** The document's path with its parameters filled in from IDS. */
export const concretePath = (path: string): string => path.replace(/\{(\w+)\}/g, (_, name: string) => IDS[name] ?? name);

/** The parameters the case's operation is sent with. */
export function paramsOf(c: Case): unknown {
  return c.reader.operation === rawRequestOperation ? { method: c.answer.method, path: concretePath(c.answer.path) } : c.reader.params;
}

/** What the case's operation makes of a body, as the transport hands it over. */
export const check = (c: Case, mode: SchemaMode, body: unknown) =>
  c.reader.operation.parse(
    { status: c.answer.status === '2XX' ? 200 : Number(c.answer.status), body, request: `${c.answer.method} ${c.answer.path}` },
    mode,
  );
