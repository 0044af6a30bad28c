import { RequestValidationError, type ValidationIssue } from '../errors/errors';
import { describe } from './paths';

/** Collects parameter problems and throws them together, before anything is sent. */
export class ParamChecker {
  readonly issues: ValidationIssue[] = [];
  constructor(private readonly operation: string) {}

  /** Records a problem with one parameter. */
  fail(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  /** An object of parameters, or a problem if it is not one. */
  object(value: unknown): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.fail('(params)', `expected an object of parameters, got ${describe(value)}`);
      return {};
    }
    return value as Record<string, unknown>;
  }

  /** An integer within [min, max]; `required` decides whether undefined is a problem. */
  integer(params: Record<string, unknown>, key: string, min: number, max: number, required: boolean): void {
    const value = params[key];
    if (value === undefined) {
      if (required) this.fail(key, `${key} is required (an integer from ${min} to ${max})`);
      return;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.fail(key, `${key} must be an integer, got ${typeof value === 'number' ? String(value) : describe(value)}`);
    } else if (value < min || value > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
      this.fail(key, `${key} must be ${range}, got ${value}`);
    }
  }

  /** A non-empty string. */
  string(params: Record<string, unknown>, key: string, required: boolean): void {
    const value = params[key];
    if (value === undefined) {
      if (required) this.fail(key, `${key} is required`);
      return;
    }
    if (typeof value !== 'string') this.fail(key, `${key} must be a string, got ${describe(value)}`);
    else if (value.trim() === '') this.fail(key, `${key} must not be empty`);
  }

  /** A boolean, when present. */
  boolean(params: Record<string, unknown>, key: string): void {
    const value = params[key];
    if (value !== undefined && typeof value !== 'boolean') {
      this.fail(key, `${key} must be true or false, got ${describe(value)}`);
    }
  }

  /** An array of strings, when present. */
  stringArray(params: Record<string, unknown>, key: string): void {
    const value = params[key];
    if (value === undefined) return;
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      this.fail(key, `${key} must be an array of strings`);
    }
  }

  /** Throws every recorded problem at once. */
  done(): void {
    if (this.issues.length === 0) return;
    const list = this.issues.map((i) => i.message).join('; ');
    throw new RequestValidationError(`Invalid parameters for ${this.operation}: ${list}`, { issues: [...this.issues] });
  }
}
