/** What a problem report says about where it happened: versions and kinds only, never a name, an id of the user's or a token. */
export interface IssueReportFacts {
    readonly extensionVersion: string;
    readonly vscodeVersion: string;
    /** Desktop, web or a server such as code-server (`vscode.env.appHost`). */
    readonly appHost: string;
    readonly platform: string;
    /** AzureCloud, AzureChinaCloud, AzureUSGovernment, or "custom" (its hosts are the user's own). */
    readonly cloud: string;
    readonly signIn: string;
    readonly requests: readonly {
        readonly method: string;
        readonly path: string;
        readonly status?: number;
        readonly failure?: string;
        readonly durationMs: number;
        readonly requestId?: string;
        readonly correlationId?: string;
    }[];
}

/** ARM collections whose next segment is a name or id of the user's. */
const NAMED = new Set([
    'subscriptions',
    'resourcegroups',
    'managedclusters',
    'agentpools',
    'snapshots',
    'locations',
    'operations',
    'operationresults',
    'skus',
]);

/** A request path with every subscription id and resource name replaced: `/subscriptions/…/resourceGroups/…/…/managedClusters/…`. */
export function anonymousPath(path: string): string {
    const segments = path.split('/');
    return segments.map((segment, i) => (i > 0 && NAMED.has(segments[i - 1].toLowerCase()) && segment ? '…' : segment)).join('/');
}

/** The report's text (Markdown): headings for the person to fill in, then the facts, then the latest requests with Azure's ids. */
export function issueReportMarkdown(
    f: IssueReportFacts,
    text: { whatHappened: string; hint: string; environment: string; requests: string; noRequests: string },
): string {
    const rows = f.requests.map(
        (r) =>
            `| ${r.method} | \`${anonymousPath(r.path)}\` | ${r.status ?? r.failure ?? '—'} | ${Math.round(r.durationMs)} | ${r.requestId ?? '—'} | ${r.correlationId ?? '—'} |`,
    );
    return [
        `## ${text.whatHappened}`,
        '',
        `<!-- ${text.hint} -->`,
        '',
        '',
        `## ${text.environment}`,
        '',
        `- AKS Node Pool Snapshots ${f.extensionVersion}`,
        `- VS Code ${f.vscodeVersion} (${f.appHost})`,
        `- ${f.platform}`,
        `- Cloud: ${f.cloud}; sign-in: ${f.signIn}`,
        '',
        `## ${text.requests}`,
        '',
        ...(rows.length
            ? ['| method | path | status | ms | x-ms-request-id | x-ms-correlation-request-id |', '|---|---|---|---|---|---|', ...rows]
            : [text.noRequests]),
        '',
    ].join('\n');
}
