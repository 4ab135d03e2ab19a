import * as fs from 'fs';
import * as path from 'path';
import { Operation, RestSpec, Violation } from './restSpec';
import { writeResult } from '../results';
import { CONFORMANCE_DIR, ExchangeRecord } from './recorder';

/**
 * `node out/test/conformance/check.js`: every request the product sent and every answer the emulator served in
 * this run of the suites (recorded under .test-output/conformance), judged by Azure's published REST spec; and
 * Azure's own examples (`shared/arm/examples`) judged by the same spec, so that the judge is known to accept what
 * Azure publishes. Prints what it saw; exits 1 on any violation.
 */

/** Headers every HTTP client or Azure's SDK pipeline sends, which no operation declares. */
const TRANSPORT_HEADERS = new Set([
    'accept',
    'accept-encoding',
    'accept-language',
    'authorization',
    'connection',
    'content-length',
    'content-type',
    'host',
    'user-agent',
    'x-ms-client-request-id',
    'x-ms-return-client-request-id',
    'x-ms-correlation-request-id',
    'traceparent',
    'tracestate',
    'commandname',
    'parametersetname',
    'x-ms-useragent',
    // `fetch` sends it on every request (the Fetch standard), as a browser does to ARM from the Azure portal.
    'sec-fetch-mode',
]);

/** Headers the product sends that the operation does not declare, and why each is sent. */
export const UNDECLARED_HEADERS: Readonly<Record<string, string>> = {
    'if-match':
        'the eTag of the read the person confirmed, sent where Azure served one: honoured where Azure implements it, ignored where not (the product reads again before such a write)',
    'if-none-match':
        '`*` on every create, so that a create never overwrites: honoured where Azure implements it (a snapshot name is also read first)',
    akssnapshotid: 'the snapshot a node image upgrade takes (R6): AKS reads it from this header, as the Azure CLI sends it',
};

/** Requests outside Microsoft.ContainerService's spec: what they are, by path. */
const OUTSIDE = [
    { what: 'subscriptions and locations (Microsoft.Resources)', test: /^\/subscriptions(\/[^/]+(\/locations)?)?$/i },
    { what: 'tenants (Microsoft.Resources)', test: /^\/tenants$/i },
    { what: 'resource groups (Microsoft.Resources)', test: /^\/subscriptions\/[^/]+\/resourcegroups(\/[^/]+)?$/i },
    { what: 'tags (Microsoft.Resources Tags API)', test: /\/providers\/Microsoft\.Resources\/tags\/default$/i },
    { what: 'resource SKUs (Microsoft.Compute)', test: /\/providers\/Microsoft\.Compute\/skus$/i },
    {
        what: 'the orchestrators list the Azure CLI 2.45 reads for `az aks get-versions` (api-version 2022-11-01; gone from 2026-04-01)',
        test: /\/providers\/Microsoft\.ContainerService\/locations\/[^/]+\/orchestrators$/i,
    },
    {
        what: "Fleet Manager's fleets, members and update runs (a REST spec of their own, not in shared/arm/spec: the emulator follows @azure/arm-containerservicefleet 2.0.0, api-version 2025-03-01)",
        test: /\/providers\/Microsoft\.ContainerService\/fleets(\/|$)/i,
    },
    {
        what: 'long-operation status (provider-defined URLs)',
        test: /\/providers\/Microsoft\.ContainerService\/locations\/[^/]+\/(operations|operationresults)\/[^/]+$/i,
    },
];

export interface Report {
    readonly operations: Set<string>;
    requests: number;
    answers: number;
    readonly outside: Map<string, number>;
    readonly undeclared: Map<string, number>;
    /** Read-only properties requests carried (Azure ignores them), by operation and property. */
    readonly readOnlySent: Map<string, number>;
    readonly violations: Violation[];
}

export function judge(spec: RestSpec, records: Iterable<ExchangeRecord>): Report {
    const report: Report = {
        operations: new Set(),
        requests: 0,
        answers: 0,
        outside: new Map(),
        undeclared: new Map(),
        readOnlySent: new Map(),
        violations: [],
    };
    const requestViolations: Violation[] = [];
    for (const record of records) {
        const url = new URL(record.url, 'https://arm.invalid');
        const found = spec.find(record.method, url.pathname);
        if (!found) {
            const outside = OUTSIDE.find((o) => o.test.test(url.pathname));
            if (outside) {
                report.outside.set(outside.what, (report.outside.get(outside.what) ?? 0) + 1);
            } else {
                report.violations.push({ where: `${record.method} ${url.pathname}`, message: 'no such operation in the spec' });
            }
            continue;
        }
        const { operation } = found;
        const where = `${operation.id} (${record.method} ${url.pathname})`;
        report.operations.add(operation.id);
        if (record.judgeRequest !== false) {
            report.requests++;
            judgeRequest(operation, url, record, where, spec, report.undeclared, requestViolations);
        }
        if (record.status === undefined) {
            continue;
        }
        const response = operation.responses[String(record.status)] ?? (record.status >= 400 ? operation.responses.default : undefined);
        if (!response) {
            report.violations.push({
                where,
                message: `answered ${record.status}, which the spec does not list (${Object.keys(operation.responses).join(', ')})`,
            });
            continue;
        }
        report.answers++;
        if (response.schema && record.answer !== undefined && record.answer !== '') {
            spec.validate(
                record.answer,
                response.schema as Record<string, unknown>,
                spec.file,
                `${where} answer ${record.status}`,
                false,
                report.violations,
            );
        }
    }
    for (const v of requestViolations) {
        if (v.readOnlySent) {
            const key = `${v.where.split(' ')[0]}${v.where.replace(/^.*request/, '').replace(/\[\d+\]/g, '[]')}`;
            report.readOnlySent.set(key, (report.readOnlySent.get(key) ?? 0) + 1);
        } else {
            report.violations.push(v);
        }
    }
    return report;
}

/** The request: declared headers (else a listed reason), query parameters, and the body against its schema. */
function judgeRequest(
    operation: Operation,
    url: URL,
    record: ExchangeRecord,
    where: string,
    spec: RestSpec,
    undeclared: Map<string, number>,
    violations: Violation[],
): void {
    const declaredHeaders = new Set(operation.parameters.filter((p) => p.in === 'header').map((p) => String(p.name).toLowerCase()));
    for (const name of Object.keys(record.headers)) {
        if (TRANSPORT_HEADERS.has(name) || declaredHeaders.has(name)) {
            continue;
        }
        if (UNDECLARED_HEADERS[name]) {
            const key = `${name} on ${operation.id}`;
            undeclared.set(key, (undeclared.get(key) ?? 0) + 1);
        } else {
            violations.push({ where, message: `sends the header "${name}", which the operation does not declare` });
        }
    }
    for (const query of operation.parameters.filter((p) => p.in === 'query')) {
        const value = url.searchParams.get(String(query.name));
        if (query.required && value === null) {
            violations.push({ where, message: `lacks the query parameter "${String(query.name)}"` });
        } else if (Array.isArray(query.enum) && value !== null && !query.enum.includes(value)) {
            violations.push({ where, message: `${String(query.name)}=${value}, not one of ${JSON.stringify(query.enum)}` });
        }
    }
    const bodyParameter = operation.parameters.find((p) => p.in === 'body');
    if (bodyParameter) {
        if (record.body === undefined && bodyParameter.required) {
            violations.push({ where, message: 'sends no body, which the operation requires' });
        } else {
            spec.validate(record.body, bodyParameter.schema as Record<string, unknown>, spec.file, `${where} request`, true, violations);
        }
    } else if (record.body !== undefined && record.body !== '') {
        violations.push({ where, message: 'sends a body the operation does not take' });
    }
}

/** Azure's published examples (`shared/arm/examples`), as exchanges the spec must accept. */
export function examples(
    spec: RestSpec,
    dir = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'arm', 'examples'),
): ExchangeRecord[] {
    const records: ExchangeRecord[] = [];
    for (const file of fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()) {
        const example = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
            operationId?: string;
            parameters: Record<string, unknown>;
            responses: Record<string, { body?: unknown; headers?: Record<string, string> }>;
        };
        if (!example.operationId) {
            // Not an AKS operation (the Compute SKU list): judged elsewhere, if at all.
            continue;
        }
        const operation = spec.operations.find((o) => o.id === example.operationId);
        if (!operation) {
            throw new Error(`${file}: no operation ${example.operationId} in the spec`);
        }
        const url = operation.template.replace(/\{([^}]+)\}/g, (_, name: string) =>
            encodeURIComponent(String(example.parameters[name] ?? name)),
        );
        const bodyName = operation.parameters.find((p) => p.in === 'body')?.name;
        const headers = Object.fromEntries(
            operation.parameters
                .filter((p) => p.in === 'header' && example.parameters[String(p.name)] !== undefined)
                .map((p) => [String(p.name).toLowerCase(), String(example.parameters[String(p.name)])]),
        );
        for (const [status, response] of Object.entries(example.responses)) {
            records.push({
                method: operation.method,
                url: `${url}?api-version=${String(example.parameters['api-version'])}`,
                headers,
                body: bodyName ? example.parameters[String(bodyName)] : undefined,
                status: Number(status),
                answer: response.body,
            });
        }
    }
    return records;
}

function readRecords(): ExchangeRecord[] {
    if (!fs.existsSync(CONFORMANCE_DIR)) {
        return [];
    }
    return fs
        .readdirSync(CONFORMANCE_DIR)
        .filter((f) => f.endsWith('.jsonl'))
        .sort()
        .flatMap((file) =>
            fs
                .readFileSync(path.join(CONFORMANCE_DIR, file), 'utf8')
                .split('\n')
                .filter(Boolean)
                .map((line) => JSON.parse(line) as ExchangeRecord),
        );
}

function print(title: string, report: Report): void {
    console.log(
        `${title}: ${report.operations.size} operations seen, ${report.requests} requests and ${report.answers} answers validated, ${report.violations.length} violations`,
    );
    for (const [what, count] of report.outside) {
        console.log(`  outside the AKS spec, not judged here: ${what} × ${count}`);
    }
    for (const [what, count] of report.undeclared) {
        const name = what.split(' on ')[0];
        console.log(`  undeclared header ${what} × ${count}: ${UNDECLARED_HEADERS[name]}`);
    }
    for (const [what, count] of report.readOnlySent) {
        console.log(`  read-only property sent back (Azure ignores it): ${what} × ${count}`);
    }
    const seen = new Map<string, number>();
    for (const v of report.violations) {
        const key = `${v.where}: ${v.message}`
            .replace(/\[\d+\]/g, '[]')
            .replace(/\/(snapshots|managedClusters|agentPools|resourceGroups)\/[^/ ]+/gi, '/$1/…');
        seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    [...seen].slice(0, 60).forEach(([key, count]) => console.log(`  VIOLATION ${key}${count > 1 ? ` (× ${count})` : ''}`));
}

if (require.main === module) {
    const spec = new RestSpec();
    const published = judge(spec, examples(spec));
    print("Azure's examples against the spec", published);
    const records = readRecords();
    const ours = judge(spec, records);
    print(`This run's exchanges against the spec (${records.length} recorded)`, ours);
    const failed = published.violations.length + ours.violations.length > 0 || records.length === 0;
    if (records.length === 0) {
        console.log('No exchange was recorded: the suites did not run with AKS_CONFORMANCE=1.');
    }
    writeResult('conformance', { passed: failed ? 0 : 1, failed: failed ? 1 : 0 });
    process.exit(failed ? 1 : 0);
}
