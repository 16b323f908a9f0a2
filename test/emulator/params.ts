/**
 * Strict readers for query parameters and JSON body fields. Each throws the parameter error
 * (HTTP 400, 13000102) with a message naming the parameter.
 */
import { invalid, missing, outOfRange } from './errors';

/** Query parameters; the first value wins when a name repeats. */
export type Query = Record<string, string>;

/** A JSON object body. */
export type Body = Record<string, unknown>;

interface IntOptions {
  min: number;
  max?: number;
  /** Used when the parameter is absent; without it the parameter is mandatory. */
  default?: number;
}

/** An integer query parameter within [min, max]. */
export function intParam(query: Query, name: string, options: IntOptions): number {
  const text = query[name];
  if (text === undefined || text === '') {
    if (options.default === undefined) {
      throw missing(name);
    }
    return options.default;
  }
  if (!/^-?\d{1,15}$/.test(text)) {
    throw invalid(name, 'an integer');
  }
  const value = Number(text);
  if (value < options.min || (options.max !== undefined && value > options.max)) {
    throw outOfRange(name, options.max === undefined ? `at least ${options.min}` : `${options.min}-${options.max}`);
  }
  return value;
}

/** A query parameter that must be one of `values` (compared as text). */
export function enumParam<T extends string>(query: Query, name: string, values: readonly T[], fallback?: T): T {
  const text = query[name];
  if (text === undefined || text === '') {
    if (fallback === undefined) {
      throw missing(name);
    }
    return fallback;
  }
  if (!(values as readonly string[]).includes(text)) {
    throw outOfRange(name, `one of ${values.join(', ')}`);
  }
  return text as T;
}

/** A mandatory, non-empty query parameter. */
export function requiredParam(query: Query, name: string): string {
  const text = query[name];
  if (text === undefined || text === '') {
    throw missing(name);
  }
  return text;
}

/** A string body field of 1..maxLength characters (code points); undefined when optional and absent. */
export function stringField(body: Body, name: string, required: true, maxLength?: number): string;
export function stringField(body: Body, name: string, required: boolean, maxLength?: number): string | undefined;
export function stringField(body: Body, name: string, required: boolean, maxLength = Infinity): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) {
    if (required) {
      throw missing(name);
    }
    return undefined;
  }
  if (typeof value !== 'string') {
    throw invalid(name, 'a string');
  }
  const length = [...value].length;
  if (length === 0 && required) {
    throw missing(name);
  }
  if (length > maxLength) {
    throw outOfRange(`the length of ${name}`, `at most ${maxLength}`);
  }
  return value;
}

/** An array body field whose elements are all non-empty strings, with at most `maxItems` items. */
export function stringArrayField(body: Body, name: string, maxItems: number): string[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item !== '')) {
    throw invalid(name, 'an array of non-empty strings');
  }
  if (value.length > maxItems) {
    throw outOfRange(`the length of ${name}`, `at most ${maxItems}`);
  }
  return value as string[];
}
