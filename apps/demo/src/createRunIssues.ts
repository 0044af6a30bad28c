import { buildCreateRunRequest, RequestValidationError, type CreateRunParams, type ValidationIssue } from '@df/browser';

/** What core's create schema finds wrong with these parameters, each issue naming its field; none when they would be sent. */
export function createRunIssues(params: Record<string, unknown>): ValidationIssue[] {
  try {
    buildCreateRunRequest(params as CreateRunParams);
    return [];
  } catch (error) {
    if (error instanceof RequestValidationError) return error.issues;
    throw error;
  }
}
