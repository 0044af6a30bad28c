import { describe, expect, it } from 'vitest';
import { RequestValidationError, type ValidationIssue } from '../src/index';
import { checkParams, flagParam, idParam, integerParam, paramsObject, textListParam, textParam } from '../src/internal/params';

/** The issues checkParams reports for a value, or a failure when it accepts it. */
function issues(schema: Parameters<typeof checkParams>[0], input: unknown): ValidationIssue[] {
  try {
    checkParams(schema, input, 'runs.create');
  } catch (error) {
    if (error instanceof RequestValidationError) return error.issues;
    throw error;
  }
  throw new Error(`${String(input)} was accepted`);
}

const messages = (schema: Parameters<typeof checkParams>[0], input: unknown) => issues(schema, input).map((issue) => issue.message);

describe('checkParams', () => {
  it('lists every problem in one message, separated by semicolons', () => {
    const schema = paramsObject({ number_of_samples: integerParam('number_of_samples', 1, 20_000), spec_id: textParam('spec_id') });
    expect(() => checkParams(schema, { number_of_samples: 0, spec_id: ' ' }, 'runs.create')).toThrow(
      'Invalid parameters for runs.create: number_of_samples must be from 1 to 20000, got 0; spec_id must not be empty',
    );
  });

  it('places a problem with the parameters themselves at "(params)"', () => {
    expect(issues(paramsObject({ spec_id: textParam('spec_id') }), 'spec-1')).toEqual([
      { path: '(params)', message: 'expected an object of parameters, got a string' },
    ]);
  });

  it('names a missing parameter', () => {
    expect(messages(paramsObject({ spec_id: textParam('spec_id') }), {})).toEqual(['spec_id is required']);
  });
});

describe('parameter messages', () => {
  it.each([
    { value: [], described: 'an array' },
    { value: {}, described: 'an object' },
    { value: 'yes', described: 'a string' },
    { value: Number.NaN, described: 'NaN' },
    { value: null, described: 'null' },
  ])('describe $described by its type, never its content', ({ value, described }) => {
    expect(messages(flagParam('skip_outline'), value)).toEqual([`skip_outline must be true or false, got ${described}`]);
  });

  it('say an integer that was left undefined is required, and which integers are accepted', () => {
    expect(messages(integerParam('pageSize', 1, 1000), undefined)).toEqual(['pageSize is required (an integer from 1 to 1000)']);
  });

  it('say a number with a fraction is not an integer', () => {
    expect(messages(integerParam('number_of_samples', 1, 20_000), 2.5)).toEqual(['number_of_samples must be an integer, got 2.5']);
  });

  it('say a text that was left undefined is required', () => {
    expect(messages(textParam('spec_id'), undefined)).toEqual(['spec_id is required']);
  });

  it('name the type of a text parameter given something else', () => {
    expect(messages(textParam('spec_id'), 42)).toEqual(['spec_id must be a string, got a number']);
  });

  it('say a list holds strings only', () => {
    expect(messages(textListParam('tools'), ['web_search', 7])).toEqual(['tools must be an array of strings']);
  });

  it('say an id with half of a surrogate pair is not text a URL can carry', () => {
    expect(messages(idParam('the run id'), 'run-\uD800')).toEqual([
      'the run id must be valid Unicode text (it contains an unpaired surrogate)',
    ]);
  });

  it('say an id must not be blank', () => {
    expect(messages(idParam('the run id'), '  ')).toEqual(['the run id must not be empty']);
  });
});
