import * as assert from 'assert';
import fc from 'fast-check';
import { anonymousPath, issueReportMarkdown, IssueReportFacts } from '../../../src/model/issueReport';

const TEXT = {
    whatHappened: 'What happened',
    hint: 'Describe it.',
    environment: 'Where',
    requests: 'Latest requests',
    noRequests: 'None yet.',
};
const facts = (requests: IssueReportFacts['requests']): IssueReportFacts => ({
    extensionVersion: '0.1.0',
    vscodeVersion: '1.105.0',
    appHost: 'desktop',
    platform: 'linux x64',
    cloud: 'AzureCloud',
    signIn: 'vscode',
    requests,
});

describe('Problem report', () => {
    it('replaces every subscription id and resource name in a request path, keeping its shape', () => {
        assert.strictEqual(
            anonymousPath(
                '/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-prod/providers/Microsoft.ContainerService/managedClusters/aks-prod/agentPools/gpu/upgradeNodeImageVersion',
            ),
            '/subscriptions/…/resourceGroups/…/providers/Microsoft.ContainerService/managedClusters/…/agentPools/…/upgradeNodeImageVersion',
        );
        assert.strictEqual(
            anonymousPath('/subscriptions/abc/providers/Microsoft.ContainerService/locations/eastus/operations/op-1'),
            '/subscriptions/…/providers/Microsoft.ContainerService/locations/…/operations/…',
        );
        assert.strictEqual(anonymousPath('/subscriptions'), '/subscriptions');
    });

    it("holds the versions, the cloud, the sign-in way and Azure's ids, and no name from any request, whatever the names", () => {
        // Marked so that no name can be found in the report's own words by chance.
        const name = fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,28}$/).map((n) => `zq${n}`);
        fc.assert(
            fc.property(
                fc.uuid(),
                name,
                name,
                name,
                fc.uuid(),
                fc.uuid(),
                (subscription, group, cluster, pool, requestId, correlationId) => {
                    const path = `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.ContainerService/managedClusters/${cluster}/agentPools/${pool}`;
                    const report = issueReportMarkdown(
                        facts([{ method: 'PUT', path, status: 409, durationMs: 84.4, requestId, correlationId }]),
                        TEXT,
                    );
                    for (const secret of [subscription, group, cluster, pool]) {
                        assert.ok(!report.includes(secret), `"${secret}" is in the report`);
                    }
                    assert.ok(
                        report.includes(
                            `| PUT | \`/subscriptions/…/resourceGroups/…/providers/Microsoft.ContainerService/managedClusters/…/agentPools/…\` | 409 | 84 | ${requestId} | ${correlationId} |`,
                        ),
                    );
                    assert.ok(
                        report.includes('- AKS Node Pool Snapshots 0.1.0') &&
                            report.includes('- VS Code 1.105.0 (desktop)') &&
                            report.includes('- Cloud: AzureCloud; sign-in: vscode'),
                    );
                },
            ),
            { numRuns: 200 },
        );
    });

    it('says so when no request was sent yet', () => {
        assert.ok(issueReportMarkdown(facts([]), TEXT).includes('None yet.'));
    });
});
