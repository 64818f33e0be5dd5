/** Runs a zod schema on parsed YAML and turns every issue into a positioned Norwegian message. */
import type { z } from 'zod';
import type { ContentMessage } from '../model.ts';
import { contentMessage, describeValue, fieldPath, TYPE_NAMES } from './messages.ts';
import type { ParsedYaml } from './positions.ts';

type Issue = z.core.$ZodIssue;

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

interface Context {
  schema: z.ZodType;
  root: unknown;
  yaml: ParsedYaml;
  file: string;
  base: readonly PropertyKey[];
}

function issueMessages(issue: Issue, { schema, root, yaml, file, base }: Context): ContentMessage[] {
  const path = [...base, ...issue.path];
  const field = fieldPath(path);
  const value = valueAt(root, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        contentMessage(
          file,
          yaml.locateKey(path, key),
          fieldPath([...path, key]),
          `ukjent felt «${key}»`,
          knownKeysHint(schema, issue.path),
          `«${key}»`,
        ),
      );
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      const last = issue.path.at(-1);
      const problem =
        value !== undefined ? 'feil type' : last === undefined ? 'filen er tom' : `mangler feltet «${String(last)}»`;
      return [contentMessage(file, yaml.locate(path), field, problem, expected, describeValue(value))];
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => String(v)).join(', ');
      return [
        contentMessage(file, yaml.locate(path), field, 'ugyldig verdi', `en av: ${options}`, describeValue(value)),
      ];
    }
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'string') {
        return [contentMessage(file, yaml.locate(path), field, 'for kort', issue.message, describeValue(value))];
      }
      return [contentMessage(file, yaml.locate(path), field, 'for lite tall', `minst ${issue.minimum}`, describeValue(value))];
    default:
      // Our schemas give every format/refine/union check a Norwegian "expected" text as its message.
      return [contentMessage(file, yaml.locate(path), field, 'ugyldig verdi', issue.message, describeValue(value))];
  }
}

/** The allowed fields, read back from the schema, for the "unknown field" hint. */
function knownKeysHint(schema: z.ZodType, path: readonly PropertyKey[]): string {
  const keys = shapeKeys(schema, path);
  return keys.length ? `et av feltene ${keys.join(', ')}` : 'bare kjente felt';
}

export function validate<T>(
  schema: z.ZodType<T>,
  value: unknown,
  yaml: ParsedYaml,
  file: string,
  base: readonly PropertyKey[] = [],
): { data: T | null; messages: ContentMessage[] } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data, messages: [] };
  const context: Context = { schema, root: value, yaml, file, base };
  const messages = result.error.issues.flatMap((issue) => issueMessages(issue, context));
  return { data: null, messages };
}

/** Walks a schema along a data path to list the keys its object accepts. */
function shapeKeys(schema: unknown, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  for (const key of path) {
    current = unwrap(current);
    const def = (current as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (def?.type === 'object' && typeof key === 'string') current = def.shape?.[key];
    else if (def?.type === 'array' && typeof key === 'number') current = def.element;
    else return [];
  }
  const def = (unwrap(current) as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function unwrap(schema: unknown): unknown {
  let current = schema as { def?: { type?: string; innerType?: unknown } } | undefined;
  while (current?.def && (current.def.type === 'optional' || current.def.type === 'default' || current.def.type === 'nullable')) {
    current = current.def.innerType as typeof current;
  }
  return current;
}
