/**
 * Fault injection: rules that make the next N matching requests fail in a chosen way (an error
 * status, a delay, a dropped connection, a truncated or HTML body; for downloads, corrupted, cut
 * or truncated bytes, or an expired link).
 */
import type { DownloadFault, Fault, FaultRule } from './contract';

const DOWNLOAD_FAULTS: ReadonlySet<Fault['type']> = new Set<DownloadFault['type']>(['corrupt', 'cut', 'truncate', 'expired']);

/** True for the faults that only downloads match. */
export function isDownloadFault(fault: Fault): fault is DownloadFault {
  return DOWNLOAD_FAULTS.has(fault.type);
}

interface ActiveRule {
  method?: string;
  pattern?: RegExp;
  remaining: number;
  fault: Fault;
}

/** The pending fault rules, consumed first-added first. */
export class Faults {
  private rules: ActiveRule[] = [];

  /** @throws Error with a readable reason when `input` is not a valid {@link FaultRule}. */
  add(input: unknown): void {
    const rule = validateFaultRule(input);
    this.rules.push({
      method: rule.method?.toUpperCase(),
      pattern: rule.pathPattern === undefined ? undefined : new RegExp(rule.pathPattern),
      remaining: rule.times ?? 1,
      fault: rule.fault,
    });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if a rule matches; uses up one of that rule's times. */
  take(method: string, path: string, isDownload: boolean): Fault | undefined {
    const index = this.rules.findIndex(
      (rule) => (rule.method === undefined || rule.method === method) && (rule.pattern?.test(path) ?? true) && (isDownload || !isDownloadFault(rule.fault)),
    );
    if (index < 0) {
      return undefined;
    }
    const rule = this.rules[index];
    rule.remaining--;
    if (rule.remaining <= 0) {
      this.rules.splice(index, 1);
    }
    return rule.fault;
  }
}

/** Checks the shape of a fault rule received by the control endpoint. */
export function validateFaultRule(input: unknown): FaultRule {
  const rule = asRecord(input, 'rule');
  const fault = asRecord(rule.fault, 'fault');
  optional(rule.method, 'method', (v) => typeof v === 'string' && /^[A-Za-z]+$/.test(v));
  optional(rule.pathPattern, 'pathPattern', (v) => typeof v === 'string' && compiles(v));
  optional(rule.times, 'times', (v) => Number.isInteger(v) && (v as number) >= 1);
  const isStatus = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 100 && (v as number) <= 599;
  switch (fault.type) {
    case 'status':
      required(fault.status, 'fault.status', isStatus);
      optional(fault.headers, 'fault.headers', (v) => typeof v === 'object' && v !== null && Object.values(v).every((h) => typeof h === 'string'));
      break;
    case 'html':
      required(fault.status, 'fault.status', isStatus);
      break;
    case 'delay':
      required(fault.ms, 'fault.ms', (v) => typeof v === 'number' && v >= 0 && v <= 600_000);
      break;
    case 'cut':
      required(fault.afterBytes, 'fault.afterBytes', isCount);
      break;
    case 'truncate':
      required(fault.bytes, 'fault.bytes', isCount);
      break;
    case 'drop':
    case 'lostAnswer':
    case 'malformedJson':
    case 'corrupt':
    case 'expired':
      break;
    default:
      throw new Error('fault.type must be status, delay, drop, lostAnswer, malformedJson, html, corrupt, cut, truncate or expired');
  }
  return rule as unknown as FaultRule;
}

function isCount(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function asRecord(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${name} must be an object`);
  }
  return value as Record<string, unknown>;
}

function optional(value: unknown, name: string, valid: (value: unknown) => boolean): void {
  if (value !== undefined && !valid(value)) {
    throw new Error(`${name} is invalid`);
  }
}

function required(value: unknown, name: string, valid: (value: unknown) => boolean): void {
  if (value === undefined || !valid(value)) {
    throw new Error(`${name} is missing or invalid`);
  }
}

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
