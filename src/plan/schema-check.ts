/**
 * Shape checks against plan.schema.json (the same file editors use for completion), with ajv's
 * errors turned into located, readable Issues.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../../plan.schema.json' with { type: 'json' };
import { formatPath, suggestion, type Issue, type Path } from './issues.js';
import { show } from './units.js';

// Compiled on first use, not at load: ajv's code generation is a fifth of the CLI's start-up,
// and `--version`, `--help` or `merge` never check a plan.
let validateShape: ValidateFunction | undefined;
const shapeValidator = (): ValidateFunction => (validateShape ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema));

/**
 * Values whose schema is only a hint for editors: the semantic checks parse them with the unit
 * parsers, whose messages say what to write instead ("fast" is not a duration: use 500ms...).
 */
const CHECKED_LATER = ['duration', 'rate', 'status', 'thresholdRule', 'regressionRule', 'workers'];

const TYPE_NAMES: Record<string, string> = {
  object: 'a map',
  array: 'a list',
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
};

export function schemaIssues(data: unknown): Issue[] {
  if (data === null || data === undefined) return [{ path: [], at: 'value', message: 'the plan is empty' }];
  const validate = shapeValidator();
  if (validate(data)) return [];
  return (validate.errors ?? []).filter((e) => !checkedLater(e)).map((e) => toIssue(e, data));
}

function checkedLater(e: ErrorObject): boolean {
  const def = /^#\/definitions\/(\w+)\//.exec(e.schemaPath)?.[1];
  return def !== undefined && CHECKED_LATER.includes(def);
}

function toIssue(e: ErrorObject, data: unknown): Issue {
  const path = pointerToPath(e.instancePath, data);
  const where = formatPath(path);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object }).properties ?? {});
      // Under thresholds and regression the keys are metric names: say so.
      const what = path[0] === 'regression' || (path[0] === 'thresholds' && path.length === 2) ? 'metric' : 'key';
      return { path: [...path, key], at: 'key', message: `unknown ${what} ${show(key)} in ${where}${suggestion(key, allowed)}` };
    }
    case 'required':
      return { path, at: 'value', message: `${where} is missing ${show(e.params.missingProperty)}` };
    case 'type': {
      const types = String(e.params.type).split(',');
      return { path, at: 'value', message: `${where} must be ${types.map((t) => TYPE_NAMES[t] ?? t).join(' or ')}` };
    }
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      const near = typeof e.data === 'string' ? suggestion(e.data, allowed) : ` (allowed: ${allowed.join(', ')})`;
      return { path, at: 'value', message: `${where}: ${show(e.data)} is not valid${near}` };
    }
    case 'const':
      return { path, at: 'value', message: `${where} must be ${show(e.params.allowedValue)}` };
    default:
      return { path, at: 'value', message: `${where} ${e.message ?? 'is not valid'}` };
  }
}

/** `/stages/1/rate` → ['stages', 1, 'rate'], with numbers only where the data holds a list. */
function pointerToPath(pointer: string, data: unknown): Path {
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const step = Array.isArray(node) ? Number(part) : part;
    path.push(step);
    node = (node as Record<string | number, unknown> | undefined)?.[step];
  }
  return path;
}
