import * as fs from 'fs';
import * as path from 'path';

/**
 * Azure's published REST API specification of Microsoft.ContainerService (`shared/arm/spec`, api-version 2026-04-01)
 * as a judge of what the product sends and what the emulator answers. A small Swagger 2.0 validator of our own,
 * not Azure's `oav`: `oav` pulls a large dependency tree (and its own copy of the spec tooling) into the project
 * for the subset used here, which is plain JSON Schema draft 4 plus three Azure extensions read as Azure means them:
 * `readOnly` (reported when a request carries it), `x-ms-enum.modelAsString: true` (an open enum: Azure answers
 * other values and casings) and `x-ms-client-flatten` (a client-side rename only; the wire keeps `properties`).
 */

type Json = Record<string, unknown>;
export type Schema = Json;

export interface Violation {
    readonly where: string;
    readonly message: string;
    /** A read-only property in a request: Azure ignores it, so it is reported, not a violation. */
    readonly readOnlySent?: boolean;
}

export interface Operation {
    readonly id: string;
    readonly method: string;
    readonly template: string;
    readonly parameters: readonly Json[];
    readonly responses: Readonly<Record<string, Json>>;
}

const SPEC_ROOT = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'arm', 'spec', 'specification');
export const AKS_SPEC_FILE = path.join(
    SPEC_ROOT,
    'containerservice',
    'resource-manager',
    'Microsoft.ContainerService',
    'aks',
    'stable',
    '2026-04-01',
    'managedClusters.json',
);

export class RestSpec {
    private readonly files = new Map<string, Json>();
    readonly operations: Operation[] = [];

    constructor(readonly file = AKS_SPEC_FILE) {
        const spec = this.load(file);
        for (const [template, item] of Object.entries(spec.paths as Record<string, Json>)) {
            const shared = (item.parameters as Json[] | undefined) ?? [];
            for (const [method, op] of Object.entries(item)) {
                if (method === 'parameters') {
                    continue;
                }
                const operation = op as Json;
                this.operations.push({
                    id: String(operation.operationId),
                    method: method.toUpperCase(),
                    template,
                    parameters: [...shared, ...((operation.parameters as Json[] | undefined) ?? [])].map(
                        (p) => this.resolve(p, file).schema,
                    ),
                    responses: operation.responses as Record<string, Json>,
                });
            }
        }
    }

    /** The operation a request addresses (literal segments compare case-insensitively, as ARM's do). */
    find(method: string, pathname: string): { operation: Operation; params: Record<string, string> } | undefined {
        const actual = pathname.split('/').filter(Boolean);
        for (const operation of this.operations) {
            if (operation.method !== method.toUpperCase()) {
                continue;
            }
            const pattern = operation.template.split('/').filter(Boolean);
            if (pattern.length !== actual.length) {
                continue;
            }
            const params: Record<string, string> = {};
            if (
                pattern.every((p, i) =>
                    /^\{.+\}$/.test(p)
                        ? ((params[p.slice(1, -1)] = decodeURIComponent(actual[i])), true)
                        : p.toLowerCase() === actual[i].toLowerCase(),
                )
            ) {
                return { operation, params };
            }
        }
        return undefined;
    }

    /** A `$ref`'s target and the file it lives in (refs inside it resolve from there). */
    resolve(node: Json, from: string): { schema: Json; file: string } {
        let schema = node;
        let file = from;
        for (let depth = 0; typeof schema.$ref === 'string' && depth < 20; depth++) {
            const [relative, pointer = ''] = (schema.$ref as string).split('#');
            file = relative ? path.resolve(path.dirname(file), relative) : file;
            schema = pointer
                .split('/')
                .filter(Boolean)
                .reduce<Json>((at, key) => at[key] as Json, this.load(file));
        }
        return { schema, file };
    }

    private load(file: string): Json {
        let json = this.files.get(file);
        if (!json) {
            json = JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
            this.files.set(file, json);
        }
        return json;
    }

    /**
     * Checks `value` against `schema`: types, required, patterns, enums (closed unless `modelAsString`), lengths and
     * ranges, array items, `allOf`; `request` reports read-only properties sent.
     */
    validate(value: unknown, schema: Json, file: string, where: string, request: boolean, out: Violation[], depth = 0): void {
        if (depth > 40) {
            return;
        }
        const resolved = this.resolve(schema, file);
        const s = resolved.schema;
        const f = resolved.file;
        if (value === undefined || value === null) {
            return;
        }
        const type = (s.type ?? (s.allOf ? 'object' : undefined)) as string | undefined;
        const actual = Array.isArray(value) ? 'array' : typeof value;
        const typeOk =
            !type ||
            (type === 'integer'
                ? Number.isInteger(value)
                : type === 'number'
                  ? typeof value === 'number'
                  : type === 'object'
                    ? actual === 'object'
                    : type === actual);
        if (!typeOk) {
            out.push({ where, message: `is ${JSON.stringify(value).slice(0, 60)} (${actual}), the spec says ${type}` });
            return;
        }
        if (Array.isArray(s.enum) && !(s['x-ms-enum'] as Json | undefined)?.modelAsString && !s.enum.includes(value)) {
            out.push({ where, message: `is ${JSON.stringify(value)}, not one of ${JSON.stringify(s.enum)}` });
        }
        if (typeof value === 'string') {
            if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(value)) {
                out.push({ where, message: `"${value}" does not match ${s.pattern}` });
            }
            if (typeof s.maxLength === 'number' && value.length > s.maxLength) {
                out.push({ where, message: `is longer than ${s.maxLength}` });
            }
            if (typeof s.minLength === 'number' && value.length < s.minLength) {
                out.push({ where, message: `is shorter than ${s.minLength}` });
            }
        }
        if (typeof value === 'number') {
            if (typeof s.minimum === 'number' && value < s.minimum) {
                out.push({ where, message: `is ${value}, below ${s.minimum}` });
            }
            if (typeof s.maximum === 'number' && value > s.maximum) {
                out.push({ where, message: `is ${value}, above ${s.maximum}` });
            }
        }
        if (Array.isArray(value)) {
            if (s.items) {
                value.forEach((item, i) => this.validate(item, s.items as Json, f, `${where}[${i}]`, request, out, depth + 1));
            }
            return;
        }
        if (actual !== 'object') {
            return;
        }
        const object = value as Json;
        const { properties, required, additional } = this.objectShape(s, f);
        for (const name of required) {
            if (object[name] === undefined) {
                out.push({ where, message: `lacks the required property "${name}"` });
            }
        }
        for (const [name, child] of Object.entries(object)) {
            const declared = properties.get(name);
            if (declared) {
                const target = this.resolve(declared.schema, declared.file);
                if (request && (declared.schema.readOnly === true || target.schema.readOnly === true)) {
                    out.push({ where: `${where}.${name}`, message: 'is read-only and was sent in a request', readOnlySent: true });
                    continue;
                }
                this.validate(child, declared.schema, declared.file, `${where}.${name}`, request, out, depth + 1);
            } else if (additional && typeof additional.schema === 'object') {
                this.validate(child, additional.schema, additional.file, `${where}.${name}`, request, out, depth + 1);
            } else if (request && properties.size > 0) {
                // Azure's validators refuse a property the model does not declare; an answer may carry newer ones.
                out.push({ where: `${where}.${name}`, message: 'is not a property the spec declares' });
            }
        }
    }

    /** An object schema's properties and required names, with those of its `allOf` parts. */
    private objectShape(
        s: Json,
        file: string,
    ): { properties: Map<string, { schema: Json; file: string }>; required: string[]; additional?: { schema: Json; file: string } } {
        const properties = new Map<string, { schema: Json; file: string }>();
        const required: string[] = [];
        let additional: { schema: Json; file: string } | undefined;
        const visit = (schema: Json, from: string, depth: number): void => {
            const { schema: r, file: f } = this.resolve(schema, from);
            if (depth > 20) {
                return;
            }
            for (const part of (r.allOf as Json[] | undefined) ?? []) {
                visit(part, f, depth + 1);
            }
            for (const [name, child] of Object.entries((r.properties as Record<string, Json> | undefined) ?? {})) {
                properties.set(name, { schema: child, file: f });
            }
            required.push(...((r.required as string[] | undefined) ?? []));
            if (r.additionalProperties && typeof r.additionalProperties === 'object') {
                additional = { schema: r.additionalProperties as Json, file: f };
            }
        };
        visit(s, file, 0);
        return { properties, required, additional };
    }
}
