import * as assert from 'assert';
import { AksService } from '../../../src/azure/AksService';
import {
    EDGE_SUBSCRIPTION,
    GUEST_SUBSCRIPTION,
    GUEST_TENANT_ID,
    PLATFORM_SUBSCRIPTION,
    SANDBOX_SUBSCRIPTION,
    TENANT_ID,
} from '../../emulator/seeds';
import { RunningEmulator, startEmulator } from '../../emulator/server';
import { emulatorSessions } from '../../emulatorSession';
import { rawRequest, RawResponse, tokenFor } from './rawArm';
import { snapshotId } from '../../../src/model/armId';

/**
 * The emulator is as strict as Azure: each ARM semantic and each fault production has, seen through raw HTTPS
 * (exact codes, headers, lost answers) or the real SDK. Every test fails when the emulator stops doing it.
 */
const API = '?api-version=2026-04-01';
const GROUP = `/subscriptions/${PLATFORM_SUBSCRIPTION}/resourceGroups/rg-platform-eastus/providers/Microsoft.ContainerService`;
const CLUSTER = `${GROUP}/managedClusters/aks-prod-eastus`;
const POOL = `${CLUSTER}/agentPools/gpu`;
const SNAPSHOT = `/subscriptions/${PLATFORM_SUBSCRIPTION}/resourceGroups/rg-snapshots/providers/Microsoft.ContainerService/snapshots/snap-system-2611`;

describe('The emulator is as strict as Azure', function () {
    this.timeout(30_000);
    let emulator: RunningEmulator;
    let token: string;
    const arm = (
        method: string,
        path: string,
        options: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
    ): Promise<RawResponse> => rawRequest(emulator, method, path.includes('?') ? path : `${path}${API}`, { token, ...options });
    const poolBody = async (path = POOL): Promise<{ properties: Record<string, unknown> }> => (await arm('GET', path)).body;
    const writes = (): string[] => emulator.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.status ?? 'lost'}`);

    before(async () => {
        emulator = await startEmulator({ seed: 'demo', operationPolls: 1, retryAfterSeconds: 0, pageSize: 2 });
        token = await tokenFor(emulator);
    });
    beforeEach(() => {
        emulator.reset();
        Object.assign(emulator.knobs, {
            throttling: false,
            throttleBurstScale: 1,
            throttleRateScale: 1,
            tokenLifetimeSeconds: 3600,
            armClockSkewSeconds: 0,
            tokenAudience: '',
            operationPolls: 1,
            etags: 'documented',
        });
    });
    after(() => emulator.close());

    describe('conditional requests (If-None-Match, If-Match, eTags), etags: all', () => {
        beforeEach(() => {
            emulator.knobs.etags = 'all';
        });

        it('If-None-Match: * refuses to replace an existing pool, cluster or snapshot (412), and creates a new one', async () => {
            const pool = await poolBody();
            for (const [path, body] of [
                [POOL, pool],
                [CLUSTER, (await arm('GET', CLUSTER)).body],
                [
                    SNAPSHOT,
                    {
                        location: 'eastus',
                        properties: { creationData: { sourceResourceId: POOL.replace(/resourceGroups/, 'resourcegroups') } },
                    },
                ],
            ] as const) {
                const answer = await arm('PUT', path, { body, headers: { 'if-none-match': '*' } });
                assert.strictEqual(answer.status, 412, path);
                assert.strictEqual(answer.body.code, 'PreconditionFailed');
            }
            assert.strictEqual((await poolBody()).properties.eTag, pool.properties.eTag, 'a refused PUT changes nothing');
            const created = await arm('PUT', `${CLUSTER}/agentPools/fresh`, {
                body: { properties: { vmSize: 'Standard_D4s_v5', count: 1 } },
                headers: { 'if-none-match': '*' },
            });
            assert.strictEqual(created.status, 201);
        });

        it('If-Match with a stale eTag refuses every PUT, PATCH and DELETE (412); with the current one it goes through; every write moves the eTag on', async () => {
            const pool = await poolBody();
            const stale = String(pool.properties.eTag);
            const scaled = await arm('PUT', POOL, {
                body: { ...pool, properties: { ...pool.properties, count: 5 } },
                headers: { 'if-match': stale },
            });
            assert.strictEqual(scaled.status, 200);
            const fresh = String(scaled.body.properties.eTag);
            assert.notStrictEqual(fresh, stale);
            assert.strictEqual((await arm('PUT', POOL, { body: pool, headers: { 'if-match': stale } })).status, 412);
            assert.strictEqual((await arm('DELETE', POOL, { headers: { 'if-match': stale } })).status, 412);
            assert.strictEqual((await arm('POST', `${POOL}/upgradeNodeImageVersion`, { headers: { 'if-match': stale } })).status, 412);

            const cluster = (await arm('GET', CLUSTER)).body;
            assert.strictEqual((await arm('PUT', CLUSTER, { body: cluster, headers: { 'if-match': 'not-the-etag' } })).status, 412);
            assert.strictEqual((await arm('DELETE', CLUSTER, { headers: { 'if-match': 'not-the-etag' } })).status, 412);
            const updated = await arm('PUT', CLUSTER, { body: cluster, headers: { 'if-match': cluster.eTag } });
            assert.strictEqual(updated.status, 200);
            assert.notStrictEqual(updated.body.eTag, cluster.eTag);

            const snapshot = await arm('GET', SNAPSHOT);
            const snapshotETag = snapshot.headers.etag;
            assert.ok(snapshotETag, 'a snapshot answers with its ETag header');
            assert.strictEqual(
                (await arm('PATCH', SNAPSHOT, { body: { tags: { a: 'b' } }, headers: { 'if-match': 'not-the-etag' } })).status,
                412,
            );
            assert.strictEqual((await arm('DELETE', SNAPSHOT, { headers: { 'if-match': 'not-the-etag' } })).status, 412);
            const patched = await arm('PATCH', SNAPSHOT, { body: { tags: { a: 'b' } }, headers: { 'if-match': `"${snapshotETag}"` } });
            assert.strictEqual(patched.status, 200);
            assert.notStrictEqual(patched.headers.etag, snapshotETag);
            assert.strictEqual(
                (await arm('DELETE', SNAPSHOT, { headers: { 'if-match': snapshotETag } })).status,
                412,
                'the old eTag no longer matches',
            );
            assert.strictEqual((await arm('DELETE', SNAPSHOT, { headers: { 'if-match': patched.headers.etag } })).status, 200);
        });
    });

    describe('eTags as the REST spec documents them (etags: documented, the default)', () => {
        it('snapshots carry no ETag and their writes, like the node image POST, take no condition; clusters and pools keep theirs', async () => {
            const snapshot = await arm('GET', SNAPSHOT);
            assert.strictEqual(snapshot.headers.etag, undefined, 'no ETag on a snapshot');
            assert.strictEqual(
                (await arm('PATCH', SNAPSHOT, { body: { tags: { a: 'b' } }, headers: { 'if-match': 'not-the-etag' } })).status,
                200,
                'If-Match ignored on a snapshot PATCH',
            );
            assert.strictEqual(
                (await arm('POST', `${POOL}/upgradeNodeImageVersion`, { headers: { 'if-match': 'not-the-etag' } })).status,
                202,
                'If-Match ignored on the node image POST',
            );
            assert.strictEqual(
                (await arm('DELETE', SNAPSHOT, { headers: { 'if-match': 'not-the-etag' } })).status,
                200,
                'If-Match ignored on a snapshot DELETE',
            );
            const cluster = (await arm('GET', CLUSTER)).body;
            assert.strictEqual(
                (await arm('PUT', CLUSTER, { body: cluster, headers: { 'if-match': 'not-the-etag' } })).status,
                412,
                'a cluster PUT honours If-Match',
            );
            const pool = await poolBody(`${CLUSTER}/agentPools/memory`);
            assert.strictEqual(
                (await arm('PUT', `${CLUSTER}/agentPools/memory`, { body: pool, headers: { 'if-none-match': '*' } })).status,
                412,
                'a pool PUT honours If-None-Match',
            );
        });

        it("ARM's Tags API merges on Azure's side, and deletes a name only with the value given", async () => {
            const tags = `${SNAPSHOT}/providers/Microsoft.Resources/tags/default?api-version=2021-04-01`;
            const merged = await arm('PATCH', tags, { body: { operation: 'Merge', properties: { tags: { owner: 'ops' } } } });
            assert.deepStrictEqual(
                [merged.status, merged.body.properties.tags.owner, merged.body.properties.tags.purpose],
                [200, 'ops', 'golden'],
            );
            assert.strictEqual(
                (await arm('PATCH', tags, { body: { operation: 'Delete', properties: { tags: { owner: 'someone-else' } } } })).body
                    .properties.tags.owner,
                'ops',
                'another value: kept',
            );
            assert.strictEqual(
                (await arm('PATCH', tags, { body: { operation: 'Delete', properties: { tags: { owner: 'ops' } } } })).body.properties.tags
                    .owner,
                undefined,
            );
            assert.strictEqual((await arm('PATCH', tags, { body: { operation: 'Swap', properties: { tags: {} } } })).status, 400);
        });

        it('a pool PUT that sets nodeImageVersion is a rollback, to a recently used version only (400 otherwise)', async () => {
            const path = `${CLUSTER}/agentPools/memory`;
            const pool = await poolBody(path);
            const refused = await arm('PUT', path, {
                body: { ...pool, properties: { ...pool.properties, nodeImageVersion: 'AKSUbuntu-2204gen2containerd-202001.01.0' } },
            });
            assert.deepStrictEqual(
                [refused.status, refused.body.code, refused.body.target],
                [400, 'InvalidParameter', 'properties.nodeImageVersion'],
            );
            const before = String(pool.properties.nodeImageVersion);
            assert.strictEqual((await arm('POST', `${path}/upgradeNodeImageVersion`)).status, 202);
            const profile = await arm('GET', `${path}/upgradeProfiles/default`);
            assert.strictEqual(
                profile.body.properties.recentlyUsedVersions[0].nodeImageVersion,
                before,
                'the image before the upgrade is recently used',
            );
            emulator.state().setProvisioningState(path, 'Succeeded');
            const upgraded = await poolBody(path);
            assert.notStrictEqual(upgraded.properties.nodeImageVersion, before);
            const rolledBack = await arm('PUT', path, {
                body: { ...upgraded, properties: { ...upgraded.properties, nodeImageVersion: before } },
            });
            assert.deepStrictEqual([rolledBack.status, rolledBack.body.properties.nodeImageVersion], [200, before]);
        });

        it('a rollback as AKS limits it: not with the auto-upgrade channel on, not past seven days, not twice in a row', async () => {
            const sandbox = `/subscriptions/${SANDBOX_SUBSCRIPTION}/resourceGroups/rg-sandbox/providers/Microsoft.ContainerService/managedClusters/aks-sandbox/agentPools/nodepool1`;
            const profile = (await arm('GET', `${sandbox}/upgradeProfiles/default`)).body.properties;
            const [recent, old] = profile.recentlyUsedVersions as { nodeImageVersion: string; orchestratorVersion: string }[];
            const rollTo = async (path: string, nodeImageVersion: string) => {
                const pool = await poolBody(path);
                return arm('PUT', path, { body: { ...pool, properties: { ...pool.properties, nodeImageVersion } } });
            };
            const tooOld = await rollTo(sandbox, old.nodeImageVersion);
            assert.deepStrictEqual([tooOld.status, tooOld.body.code], [400, 'OperationNotAllowed']);
            assert.match(tooOld.body.message, /only for 7 days after the upgrade/);
            const done = await rollTo(sandbox, recent.nodeImageVersion);
            assert.deepStrictEqual(
                [done.status, done.body.properties.nodeImageVersion, done.body.properties.orchestratorVersion],
                [200, recent.nodeImageVersion, recent.orchestratorVersion],
            );
            emulator.state().setProvisioningState(sandbox, 'Succeeded');
            const again = await rollTo(sandbox, old.nodeImageVersion);
            assert.match(again.body.message, /consecutive rollbacks are not supported/);
            const weu = `${GROUP.replace('rg-platform-eastus', 'rg-platform-weu')}/managedClusters/aks-prod-weu/agentPools/burst`;
            assert.strictEqual((await arm('POST', `${weu}/upgradeNodeImageVersion`)).status, 202);
            emulator.state().setProvisioningState(weu, 'Succeeded');
            const before = (await arm('GET', `${weu}/upgradeProfiles/default`)).body.properties.recentlyUsedVersions[0].nodeImageVersion;
            const channelOn = await rollTo(weu, before);
            assert.deepStrictEqual([channelOn.status, channelOn.body.target], [400, 'autoUpgradeProfile.upgradeChannel']);
        });

        it("the latest node image is per family and region: westus2 has not got this week's release yet", async () => {
            const latest = async (path: string) =>
                (await arm('GET', `${path}/upgradeProfiles/default`)).body.properties.latestNodeImageVersion;
            const legacy = `${GROUP.replace('rg-platform-eastus', 'rg-legacy')}/managedClusters/aks-legacy/agentPools/vmpool`;
            assert.deepStrictEqual(
                [await latest(POOL), await latest(legacy)],
                ['AKSUbuntu-2204gen2containerd-202611.17.0', 'AKSUbuntu-2204gen2containerd-202611.10.0'],
            );
            assert.strictEqual(await latest(`${CLUSTER}/agentPools/memory`), 'AKSAzureLinux-V3gen2-202611.17.0', 'each family its own');
        });

        it('abortLatestOperation: the pool goes Canceling, then Canceled with its operation; with nothing running, 409', async () => {
            emulator.knobs.operationPolls = 100;
            const upgrade = await arm('POST', `${POOL}/upgradeNodeImageVersion`);
            assert.strictEqual(upgrade.status, 202);
            const abort = await arm('POST', `${POOL}/abort`);
            assert.strictEqual(abort.status, 202);
            assert.ok(abort.headers['azure-asyncoperation'] && abort.headers.location, 'a long operation, with both headers');
            assert.strictEqual((await poolBody()).properties.provisioningState, 'Canceling');
            emulator.knobs.operationPolls = 1;
            const abortStatus = new URL(abort.headers['azure-asyncoperation']);
            const poll = (url: string) => arm('GET', new URL(url).pathname + new URL(url).search);
            for (let i = 0; i < 100 && (await poll(abortStatus.toString())).body.status === 'InProgress'; i++) {
                /* polls move it on */
            }
            assert.strictEqual((await poolBody()).properties.provisioningState, 'Canceled');
            const upgradeStatus = await poll(upgrade.headers['azure-asyncoperation']);
            assert.deepStrictEqual([upgradeStatus.body.status, upgradeStatus.body.error.code], ['Canceled', 'OperationCanceled']);
            const idle = await arm('POST', `${CLUSTER}/abort`);
            assert.deepStrictEqual([idle.status, idle.body.code], [409, 'OperationNotAllowed']);
        });

        it("maintenance configurations: listed in the REST spec's shape; a window outside 4–24 hours is refused", async () => {
            const weu = `${GROUP.replace('rg-platform-eastus', 'rg-platform-weu')}/managedClusters/aks-prod-weu/maintenanceConfigurations`;
            const list = await arm('GET', weu);
            const configs = list.body.value as {
                name: string;
                type: string;
                properties: { maintenanceWindow: { durationHours: number } };
            }[];
            assert.deepStrictEqual(configs.map((c) => c.name).sort(), ['aksManagedAutoUpgradeSchedule', 'aksManagedNodeOSUpgradeSchedule']);
            assert.strictEqual(configs[0].type, 'Microsoft.ContainerService/managedClusters/maintenanceConfigurations');
            const bad = await arm('PUT', `${weu}/aksManagedNodeOSUpgradeSchedule`, {
                body: {
                    properties: { maintenanceWindow: { schedule: { daily: { intervalDays: 1 } }, durationHours: 2, startTime: '00:00' } },
                },
            });
            assert.deepStrictEqual([bad.status, bad.body.target], [400, 'properties.maintenanceWindow.durationHours']);
            assert.strictEqual((await arm('GET', `${CLUSTER}/maintenanceConfigurations`)).body.value.length, 0);
        });
    });

    describe('tokens', () => {
        it('answers 401 as ARM does to a missing, forged, wrong-audience or expired token', async () => {
            const missing = await rawRequest(emulator, 'GET', `${CLUSTER}${API}`, { token: null });
            assert.deepStrictEqual([missing.status, missing.body.error.code], [401, 'AuthenticationFailed']);
            assert.match(missing.headers['www-authenticate'], /^Bearer authorization_uri=/);
            const [header, claims] = token.split('.');
            const forged = await rawRequest(emulator, 'GET', `${CLUSTER}${API}`, { token: `${header}.${claims}.c2lnbmVkLWVsc2V3aGVyZQ` });
            assert.deepStrictEqual([forged.status, forged.body.error.code], [401, 'InvalidAuthenticationToken']);
            const graph = await rawRequest(emulator, 'GET', `${CLUSTER}${API}`, {
                token: await tokenFor(emulator, 'https://graph.microsoft.com/.default'),
            });
            assert.deepStrictEqual([graph.status, graph.body.error.code], [401, 'InvalidAuthenticationTokenAudience']);
            emulator.knobs.tokenLifetimeSeconds = 1;
            const shortLived = await tokenFor(emulator);
            assert.strictEqual((await rawRequest(emulator, 'GET', `${CLUSTER}${API}`, { token: shortLived })).status, 200);
            await new Promise((resolve) => setTimeout(resolve, 2100));
            const expired = await rawRequest(emulator, 'GET', `${CLUSTER}${API}`, { token: shortLived });
            assert.deepStrictEqual([expired.status, expired.body.error.code], [401, 'ExpiredAuthenticationToken']);
            assert.strictEqual((await arm('GET', CLUSTER)).status, 200, "a token for ARM's audience, within its lifetime, passes");
        });

        it("a token is from the tenant its authority names: a subscription answers only its own tenant's, the list is the token's tenant's", async () => {
            emulator.reset('tenants');
            try {
                const home = await tokenFor(emulator);
                const guest = await tokenFor(emulator, undefined, GUEST_TENANT_ID);
                const listed = async (token: string): Promise<string[]> =>
                    (await rawRequest(emulator, 'GET', '/subscriptions?api-version=2022-12-01', { token })).body.value.map(
                        (s: { displayName: string }) => s.displayName,
                    );
                assert.deepStrictEqual(await listed(home), ['Contoso Platform', 'Contoso Sandbox']);
                assert.deepStrictEqual(await listed(guest), ['Fabrikam Shared']);
                const tenants = await rawRequest(emulator, 'GET', '/tenants?api-version=2022-12-01', { token: home });
                assert.deepStrictEqual(
                    tenants.body.value.map((t: { displayName: string }) => t.displayName),
                    ['Contoso', 'Fabrikam'],
                );
                const guestCluster = `/subscriptions/${GUEST_SUBSCRIPTION}/resourceGroups/rg-fabrikam/providers/Microsoft.ContainerService/managedClusters/aks-fabrikam${API}`;
                const wrong = await rawRequest(emulator, 'GET', guestCluster, { token: home });
                assert.deepStrictEqual([wrong.status, wrong.body.error.code], [401, 'InvalidAuthenticationTokenTenant']);
                assert.match(
                    wrong.body.error.message,
                    new RegExp(
                        `^The access token is from the wrong issuer 'https://sts\\.windows\\.net/${TENANT_ID}/'\\. It must match the tenant 'https://sts\\.windows\\.net/${GUEST_TENANT_ID}/'`,
                    ),
                );
                assert.strictEqual((await rawRequest(emulator, 'GET', guestCluster, { token: guest })).status, 200);
                await assert.rejects(
                    tokenFor(emulator, undefined, '00000000-0000-4000-8000-000000000000'),
                    /^Error: AADSTS90002: Tenant '00000000-0000-4000-8000-000000000000' not found/,
                );
            } finally {
                emulator.reset();
            }
        });

        it("models ARM's clock ahead of the token service, and a cloud that issues tokens for another audience", async () => {
            emulator.knobs.armClockSkewSeconds = 7200;
            try {
                const skewed = await arm('GET', CLUSTER);
                assert.deepStrictEqual(
                    [skewed.status, skewed.body.error.code],
                    [401, 'ExpiredAuthenticationToken'],
                    'a token the client holds valid arrives expired',
                );
            } finally {
                emulator.knobs.armClockSkewSeconds = 0;
            }
            emulator.knobs.tokenAudience = 'https://vault.azure.net/';
            try {
                const misissued = await rawRequest(emulator, 'GET', `${CLUSTER}${API}`, { token: await tokenFor(emulator) });
                assert.deepStrictEqual([misissued.status, misissued.body.error.code], [401, 'InvalidAuthenticationTokenAudience']);
            } finally {
                emulator.knobs.tokenAudience = '';
            }
        });
    });

    describe('long operations that do not succeed', () => {
        it('ends an operation Failed with the error chosen, and the resource Failed (real SDK)', async () => {
            const service = await AksService.create((await emulatorSessions(emulator))[0]);
            const snapshot = await service.getSnapshot(snapshotId(PLATFORM_SUBSCRIPTION, 'rg-snapshots', 'snap-system-2611'));
            emulator.faults.push({
                method: 'PUT',
                pathContains: '/agentPools/failing',
                action: 'failOperation',
                error: { code: 'VMExtensionProvisioningError', message: 'A node failed to start.' },
                times: 1,
            });
            await assert.rejects(
                service.createNodePoolFromSnapshot(CLUSTER, {
                    name: 'failing',
                    snapshotId: snapshot.id,
                    vmSize: 'Standard_D4s_v5',
                    count: 1,
                    mode: 'User',
                    osType: 'Linux',
                    osSku: 'Ubuntu',
                    kubernetesVersion: '1.33.5',
                }),
                (e: Error) =>
                    /VMExtensionProvisioningError|A node failed to start/.test(`${(e as { code?: string }).code ?? ''} ${e.message}`),
            );
            assert.strictEqual((await poolBody(`${CLUSTER}/agentPools/failing`)).properties.provisioningState, 'Failed');
            const status = await arm('GET', `${emulator.requests.find((r) => r.url.includes('/operations/'))!.url}`);
            assert.deepStrictEqual([status.body.status, status.body.error.code], ['Failed', 'VMExtensionProvisioningError']);
        });

        it('ends an operation Canceled, and the resource Canceled', async () => {
            emulator.faults.push({
                method: 'POST',
                pathContains: '/agentPools/gpu/upgradeNodeImageVersion',
                action: 'cancelOperation',
                times: 1,
            });
            const accepted = await arm('POST', `${POOL}/upgradeNodeImageVersion`);
            assert.strictEqual(accepted.status, 202);
            const status = await arm('GET', accepted.headers['azure-asyncoperation']);
            assert.deepStrictEqual([status.body.status, status.body.error.code], ['Canceled', 'OperationCanceled']);
            assert.strictEqual((await poolBody()).properties.provisioningState, 'Canceled');
        });
        it('ends an operation after operationSeconds whether or not anyone polls, as Azure does', async () => {
            Object.assign(emulator.knobs, { operationPolls: 1000, operationSeconds: 1 });
            try {
                const accepted = await arm('POST', `${POOL}/upgradeNodeImageVersion`);
                assert.strictEqual(accepted.status, 202);
                assert.strictEqual((await poolBody()).properties.provisioningState, 'UpgradingNodeImageVersion');
                await new Promise((resolve) => setTimeout(resolve, 1300));
                assert.strictEqual((await poolBody()).properties.provisioningState, 'Succeeded');
            } finally {
                emulator.knobs.operationSeconds = 0;
            }
        });
    });

    describe('answers lost after the state changed', () => {
        it('resets the connection after applying a write (resetAfterApply)', async () => {
            emulator.faults.push({ method: 'PUT', pathContains: '/agentPools/lost', action: 'resetAfterApply', times: 1 });
            await assert.rejects(
                arm('PUT', `${CLUSTER}/agentPools/lost`, { body: { properties: { vmSize: 'Standard_D4s_v5', count: 1 } } }),
                /socket hang up|ECONNRESET/,
            );
            assert.strictEqual(
                (await arm('GET', `${CLUSTER}/agentPools/lost`)).status,
                200,
                'the pool exists although the answer was lost',
            );
            assert.deepStrictEqual(writes(), ['PUT lost']);
        });

        it('answers 500 after applying a write (errorAfterApply)', async () => {
            emulator.faults.push({ method: 'DELETE', pathContains: '/snapshots/snap-system-2611', action: 'errorAfterApply', times: 1 });
            const answer = await arm('DELETE', SNAPSHOT);
            assert.deepStrictEqual([answer.status, answer.body.error.code], [500, 'InternalServerError']);
            assert.strictEqual((await arm('GET', SNAPSHOT)).status, 404, 'the snapshot is gone although the answer said 500');
        });

        it('answers later than a client waits (delay), having applied the write', async () => {
            emulator.faults.push({
                method: 'PATCH',
                pathContains: '/snapshots/snap-system-2611',
                action: 'delay',
                delayMs: 1500,
                times: 1,
            });
            await assert.rejects(arm('PATCH', SNAPSHOT, { body: { tags: { slow: 'yes' } }, timeoutMs: 300 }), /client timeout/);
            assert.deepStrictEqual((await arm('GET', SNAPSHOT)).body.tags, { slow: 'yes' });
        });
    });

    describe('AKS throttling', () => {
        it('answers 429 Throttled with Retry-After past a bucket, per pool for PUT agentPool, and refills', async () => {
            Object.assign(emulator.knobs, { throttling: true, throttleBurstScale: 0.1, throttleRateScale: 1 });
            const pool = await poolBody();
            const statuses: number[] = [];
            let throttled: RawResponse | undefined;
            for (let i = 0; i < 3; i++) {
                const current = await poolBody();
                const answer = await arm('PUT', POOL, { body: current });
                statuses.push(answer.status);
                throttled = answer.status === 429 ? answer : throttled;
                await arm('GET', answer.headers['azure-asyncoperation'] ?? CLUSTER);
            }
            assert.deepStrictEqual(statuses, [200, 200, 429], 'PUT agentPool bursts 20 × 0.1 = 2');
            assert.strictEqual(throttled!.body.code, 'Throttled');
            assert.strictEqual(throttled!.headers['retry-after'], '60', 'one PUT a minute per pool');
            const other = await arm('PUT', `${CLUSTER}/agentPools/system`, { body: await poolBody(`${CLUSTER}/agentPools/system`) });
            assert.strictEqual(other.status, 200, 'another pool has its own bucket');
            assert.strictEqual(emulator.throttled(), 1);
            emulator.knobs.throttleRateScale = 600;
            await new Promise((resolve) => setTimeout(resolve, 150));
            assert.strictEqual(
                (await arm('PUT', POOL, { body: { ...pool, properties: { ...(await poolBody()).properties } } })).status,
                200,
                'refilled',
            );
        });

        it('limits operation status polls per subscription, and is off by default', async () => {
            const accepted = await arm('POST', `${POOL}/upgradeNodeImageVersion`);
            const poll = accepted.headers['azure-asyncoperation'];
            for (let i = 0; i < 30; i++) {
                assert.strictEqual((await arm('GET', poll)).status, 200);
            }
            Object.assign(emulator.knobs, { throttling: true, throttleBurstScale: 0.01 });
            assert.deepStrictEqual(
                [(await arm('GET', poll)).status, (await arm('GET', poll)).status, (await arm('GET', poll)).status],
                [200, 200, 429],
                'operation status bursts 200 × 0.01 = 2',
            );
        });
    });

    describe('links that lead elsewhere', () => {
        it('pages with a nextLink on the same origin, ending on an empty page', async () => {
            const first = await arm('GET', `/subscriptions/${PLATFORM_SUBSCRIPTION}/providers/Microsoft.ContainerService/managedClusters`);
            assert.strictEqual(new URL(first.body.nextLink).origin, new URL(emulator.armUrl).origin);
        });

        it('points nextLink at another host (foreignNextLink)', async () => {
            emulator.faults.push({
                method: 'GET',
                pathContains: '/managedClusters',
                action: 'foreignNextLink',
                origin: 'https://elsewhere.invalid',
                times: 1,
            });
            const first = await arm('GET', `/subscriptions/${PLATFORM_SUBSCRIPTION}/providers/Microsoft.ContainerService/managedClusters`);
            assert.strictEqual(new URL(first.body.nextLink).origin, 'https://elsewhere.invalid');
        });

        it('loops the last page back to the first (loopingNextLink)', async () => {
            emulator.faults.push({ method: 'GET', pathContains: '/snapshots', action: 'loopingNextLink' });
            let link = `/subscriptions/${PLATFORM_SUBSCRIPTION}/providers/Microsoft.ContainerService/snapshots${API}`;
            const seen: string[] = [];
            for (let i = 0; i < 8; i++) {
                const page = await arm('GET', link);
                seen.push(...(page.body.value as { name: string }[]).map((s) => s.name));
                link = page.body.nextLink;
            }
            assert.ok(link, 'the list never ends');
            assert.ok(seen.length > new Set(seen).size, 'the same snapshots come round again');
        });

        it('points operation URLs at another host (foreignOperationUrl)', async () => {
            emulator.faults.push({
                method: 'POST',
                pathContains: '/upgradeNodeImageVersion',
                action: 'foreignOperationUrl',
                origin: 'https://elsewhere.invalid',
                times: 1,
            });
            const accepted = await arm('POST', `${POOL}/upgradeNodeImageVersion`);
            assert.strictEqual(new URL(accepted.headers['azure-asyncoperation']).origin, 'https://elsewhere.invalid');
            assert.strictEqual(new URL(accepted.headers.location).origin, 'https://elsewhere.invalid');
        });
    });

    describe('resource shapes', () => {
        it('serves every field real AKS returns on a default cluster and pool', async () => {
            const cluster = (await arm('GET', CLUSTER)).body;
            for (const field of [
                'servicePrincipalProfile',
                'autoUpgradeProfile',
                'securityProfile',
                'storageProfile',
                'oidcIssuerProfile',
                'powerState',
                'networkProfile',
                'identityProfile',
                'nodeResourceGroup',
                'fqdn',
                'azurePortalFQDN',
                'linuxProfile',
                'addonProfiles',
            ]) {
                assert.ok(cluster.properties[field] !== undefined, `cluster.properties.${field}`);
            }
            assert.deepStrictEqual(cluster.properties.servicePrincipalProfile, { clientId: 'msi' });
            assert.deepStrictEqual(cluster.properties.autoUpgradeProfile, { upgradeChannel: 'none', nodeOSUpgradeChannel: 'NodeImage' });
            assert.ok(cluster.eTag && cluster.sku && cluster.identity);
            const pool = await poolBody();
            for (const field of [
                'eTag',
                'upgradeSettings',
                'securityProfile',
                'powerState',
                'nodeImageVersion',
                'currentOrchestratorVersion',
            ]) {
                assert.ok(pool.properties[field] !== undefined, `pool.properties.${field}`);
            }
        });
    });

    describe('VM size facts (Compute resource SKUs)', () => {
        const skus = async (
            region: string,
        ): Promise<
            {
                name: string;
                resourceType: string;
                capabilities: { name: string; value: string }[];
                restrictions: { type: string; restrictionInfo: { zones?: string[] } }[];
            }[]
        > => {
            const items = [];
            let link = `/subscriptions/${PLATFORM_SUBSCRIPTION}/providers/Microsoft.Compute/skus?api-version=2021-07-01&$filter=${encodeURIComponent(`location eq '${region}'`)}`;
            for (;;) {
                const page = await arm('GET', link);
                items.push(...page.body.value);
                if (!page.body.value.length) {
                    return items;
                }
                link = page.body.nextLink;
            }
        };
        const capability = (sku: { capabilities: { name: string; value: string }[] }, name: string): string | undefined =>
            sku.capabilities.find((c) => c.name === name)?.value;

        it('publishes vCPUs, available vCPUs, architecture and Hyper-V generations, with names that mislead', async () => {
            const eastus = await skus('eastus');
            const size = (name: string) => eastus.find((s) => s.name === name && s.resourceType === 'virtualMachines')!;
            assert.deepStrictEqual(
                ['Standard_DS3_v2', 'Standard_DS11_v2', 'Standard_E4-2s_v5'].map((n) => [
                    capability(size(n), 'vCPUs'),
                    capability(size(n), 'vCPUsAvailable'),
                ]),
                [
                    ['4', '4'],
                    ['2', '2'],
                    ['4', '2'],
                ],
            );
            assert.strictEqual(capability(size('Standard_D4ps_v5'), 'CpuArchitectureType'), 'Arm64');
            assert.strictEqual(capability(size('Standard_A2_v2'), 'HyperVGenerations'), 'V1');
            assert.strictEqual(capability(size('Standard_NC6s_v3'), 'GPUs'), '1');
            assert.deepStrictEqual(
                size('Standard_D16s_v5').restrictions.map((r) => [r.type, r.restrictionInfo.zones]),
                [['Zone', ['3']]],
            );
            assert.ok(
                eastus.some((s) => s.resourceType === 'disks'),
                'other resource types come too',
            );
            const westeurope = await skus('westeurope');
            assert.deepStrictEqual(
                westeurope.find((s) => s.name === 'Standard_NC6s_v3')!.restrictions.map((r) => r.type),
                ['Location'],
            );
            assert.ok(!(await skus('japaneast')).some((s) => s.name === 'Standard_ND96asr_v4'), 'a size not offered in a region is absent');
        });
    });

    describe('the settings AKS checks (pool options, upgrade settings, cluster options)', () => {
        const newPool = (properties: Record<string, unknown>) =>
            arm('PUT', `${CLUSTER}/agentPools/opts`, {
                body: {
                    properties: {
                        count: 2,
                        vmSize: 'Standard_D16s_v5',
                        mode: 'User',
                        creationData: { sourceResourceId: SNAPSHOT },
                        ...properties,
                    },
                },
            });
        it('refuses, as AKS does, what a pool cannot be: 400 with the field, and nothing made', async () => {
            const cases: [Record<string, unknown>, RegExp][] = [
                [{ maxPods: 5 }, /maxPods '5' is invalid/],
                [{ osDiskSizeGB: 4096 }, /osDiskSizeGB '4096'/],
                [{ osDiskType: 'Ephemeral' }, /does not support ephemeral OS disks/],
                [{ mode: 'System', scaleSetPriority: 'Spot' }, /System node pool cannot be a Spot node pool/],
                [{ scaleSetPriority: 'Spot', spotMaxPrice: 0 }, /spotMaxPrice '0'/],
                [
                    { enableAutoScaling: true, minCount: 3, maxCount: 5 },
                    /node count 2 is not within the range of minCount 3 and maxCount 5/,
                ],
                [{ availabilityZones: ['1', '3'] }, /Standard_D16s_v5 is not allowed in zones \[3\] in region eastus/],
                [{ nodeLabels: { 'bad key': 'x' } }, /nodeLabels/],
                [{ nodeTaints: ['sku=gpu:Sometimes'] }, /nodeTaints/],
            ];
            for (const [properties, message] of cases) {
                const response = await newPool(properties);
                assert.strictEqual(response.status, 400, JSON.stringify(properties));
                assert.match(JSON.stringify(response.body), message);
            }
            assert.strictEqual((await arm('GET', `${CLUSTER}/agentPools/opts`)).status, 404);
            const made = await newPool({
                availabilityZones: ['1', '2'],
                nodeLabels: { team: 'a' },
                nodeTaints: ['sku=gpu:NoSchedule'],
                enableAutoScaling: true,
                minCount: 1,
                maxCount: 5,
                maxPods: 60,
                osDiskSizeGB: 64,
                scaleSetPriority: 'Spot',
                scaleSetEvictionPolicy: 'Delete',
                spotMaxPrice: -1,
            });
            assert.strictEqual(made.status, 201);
        });
        it('refuses upgrade settings out of range (max unavailable, drain timeout, node soak)', async () => {
            const pool = await poolBody();
            for (const [settings, message] of [
                [{ maxUnavailable: '120%' }, /maxUnavailable/],
                [{ drainTimeoutInMinutes: 0 }, /drainTimeoutInMinutes/],
                [{ nodeSoakDurationInMinutes: 31 }, /nodeSoakDurationInMinutes/],
            ] as const) {
                const response = await arm('PUT', POOL, {
                    body: { ...pool, properties: { ...pool.properties, upgradeSettings: settings } },
                });
                assert.strictEqual(response.status, 400);
                assert.match(JSON.stringify(response.body), message);
            }
        });
        it('refuses a cluster tier, network plugin mode or SSH key AKS would not take', async () => {
            const cluster = (extra: Record<string, unknown>, properties: Record<string, unknown>) =>
                arm('PUT', `${GROUP}/managedClusters/aks-opts`, {
                    body: {
                        location: 'eastus',
                        ...extra,
                        properties: {
                            dnsPrefix: 'aks-opts',
                            agentPoolProfiles: [{ name: 'system', mode: 'System', count: 1, vmSize: 'Standard_D4s_v5' }],
                            ...properties,
                        },
                    },
                });
            assert.match(JSON.stringify((await cluster({ sku: { name: 'Base', tier: 'Gold' } }, {})).body), /sku\.tier 'Gold'/);
            assert.match(
                JSON.stringify((await cluster({}, { networkProfile: { networkPlugin: 'kubenet', networkPluginMode: 'overlay' } })).body),
                /only allowed with the azure network plugin/,
            );
            assert.match(
                JSON.stringify(
                    (await cluster({}, { linuxProfile: { adminUsername: 'azureuser', ssh: { publicKeys: [{ keyData: 'not a key' }] } } }))
                        .body,
                ),
                /OpenSSH public key/,
            );
            const made = await cluster({ sku: { name: 'Base', tier: 'Standard' } }, { networkProfile: { networkPlugin: 'kubenet' } });
            assert.strictEqual(made.status, 201);
            assert.strictEqual(made.body.properties.networkProfile.networkPlugin, 'kubenet');
            assert.strictEqual(made.body.properties.networkProfile.networkPluginMode, undefined, 'no overlay left from the defaults');
        });
    });

    describe("AKS's edges (LTS, the 90 days, Windows networking), on ARM's clock", () => {
        const EDGES = `/subscriptions/${EDGE_SUBSCRIPTION}/resourceGroups/rg-edges/providers/Microsoft.ContainerService`;
        const edgeSnapshot = (name: string): string => `${EDGES}/snapshots/${name}`;
        beforeEach(() => {
            emulator.reset('edges');
            emulator.knobs.today = '2026-11-24T12:00:00Z';
        });
        after(() => {
            emulator.reset('demo');
        });

        it("dates every answer on ARM's clock (the seeds' day, running on), as the Date header", async () => {
            const answer = await arm('GET', `${EDGES}/managedClusters/aks-edge`);
            const date = Date.parse(String(answer.headers.date));
            // It runs on from the emulator's start, which is no earlier than this process's.
            const ran = date - Date.parse('2026-11-24T12:00:00Z');
            assert.ok(
                ran >= -1000 && ran <= process.uptime() * 1000 + 2000,
                `${String(answer.headers.date)} (${ran} ms after the seeds' day)`,
            );
        });

        it('offers an LTS-only version only to a cluster on long-term support, which needs the Premium tier', async () => {
            const create = (sku: unknown, properties: Record<string, unknown>) =>
                arm('PUT', `${EDGES}/managedClusters/aks-new-lts`, {
                    body: {
                        location: 'eastus',
                        ...(sku ? { sku } : {}),
                        properties: {
                            dnsPrefix: 'aks-new-lts',
                            kubernetesVersion: '1.31.13',
                            agentPoolProfiles: [{ name: 'system', mode: 'System', count: 1, vmSize: 'Standard_D4s_v5' }],
                            ...properties,
                        },
                    },
                });
            assert.strictEqual((await create(undefined, {})).body.code, 'K8sVersionNotSupported');
            assert.match(
                JSON.stringify((await create({ name: 'Base', tier: 'Standard' }, { supportPlan: 'AKSLongTermSupport' })).body),
                /only on the Premium tier/,
            );
            assert.strictEqual((await create({ name: 'Base', tier: 'Premium' }, { supportPlan: 'AKSLongTermSupport' })).status, 201);
            const versions = async (cluster: string): Promise<string[]> =>
                (
                    (await arm('GET', `${EDGES}/managedClusters/${cluster}/availableAgentPoolVersions`)).body.properties
                        .agentPoolVersions as { kubernetesVersion: string }[]
                ).map((v) => v.kubernetesVersion);
            assert.ok((await versions('aks-lts')).includes('1.31.13'));
            assert.ok(!(await versions('aks-edge')).includes('1.31.13'));
            const addLts = await arm('PUT', `${EDGES}/managedClusters/aks-edge/agentPools/lts`, {
                body: {
                    properties: { vmSize: 'Standard_D4s_v5', count: 1, creationData: { sourceResourceId: edgeSnapshot('snap-lts-131') } },
                },
            });
            assert.strictEqual(addLts.body.code, 'K8sVersionNotSupported');
        });

        it("lists as a pool's upgrades only what a PUT takes: supported patches, one minor at most, not past the control plane", async () => {
            const profile = await arm('GET', `${EDGES}/managedClusters/aks-edge/agentPools/older/upgradeProfiles/default`);
            assert.deepStrictEqual(
                (profile.body.properties.upgrades as { kubernetesVersion: string }[]).map((u) => u.kubernetesVersion),
                ['1.32.9', '1.33.3', '1.33.5'],
            );
        });

        it("upgrades a pool to a snapshot only within 90 days of its image's publish date, on ARM's clock", async () => {
            const upgrade = async (snapshot: string, version = '1.33.5') => {
                const pool = (await arm('GET', `${EDGES}/managedClusters/aks-edge/agentPools/older`)).body;
                return arm('PUT', `${EDGES}/managedClusters/aks-edge/agentPools/older`, {
                    body: {
                        properties: {
                            ...pool.properties,
                            orchestratorVersion: version,
                            creationData: { sourceResourceId: edgeSnapshot(snapshot) },
                        },
                    },
                });
            };
            assert.match(JSON.stringify((await upgrade('snap-stale-2608')).body), /published 10[67] days ago.*within 90 days/);
            assert.match(JSON.stringify((await upgrade('snap-undated')).body), /no publish date AKS can read/);
            emulator.knobs.today = '2027-03-01T00:00:00Z';
            const node = await arm('POST', `${EDGES}/managedClusters/aks-edge/agentPools/system/upgradeNodeImageVersion`, {
                headers: { akssnapshotid: edgeSnapshot('snap-k8s1334') },
            });
            assert.strictEqual(node.status, 400, 'the node image POST is held to it too');
            emulator.knobs.today = '2026-11-24T12:00:00Z';
            assert.strictEqual((await upgrade('snap-k8s1334', '1.33.4')).body.code, 'K8sVersionNotSupported', 'and 1.33.4 is not offered');
        });

        it('refuses a Windows pool in a kubenet cluster, and takes it with Azure CNI', async () => {
            const add = (cluster: string) =>
                arm('PUT', `${EDGES}/managedClusters/${cluster}/agentPools/win1`, {
                    body: {
                        properties: {
                            vmSize: 'Standard_D4s_v5',
                            count: 1,
                            osType: 'Windows',
                            creationData: { sourceResourceId: edgeSnapshot('snap-win-edge') },
                        },
                    },
                });
            assert.match(JSON.stringify((await add('aks-kubenet')).body), /Windows node pools need the azure network plugin/);
            assert.strictEqual((await add('aks-edge')).status, 201);
        });
    });

    describe('seeds', () => {
        it('fleet holds the edges the rules, drift and roll-outs need; scale generates any size', async () => {
            const fleet = await startEmulator({ seed: 'fleet' });
            try {
                const state = fleet.state();
                const clusters = [...state.clusters.values()];
                const channels = clusters.map(
                    (c) => c.properties.autoUpgradeProfile as { upgradeChannel: string; nodeOSUpgradeChannel: string },
                );
                assert.deepStrictEqual([...new Set(channels.map((c) => c.nodeOSUpgradeChannel))].sort(), [
                    'NodeImage',
                    'None',
                    'SecurityPatch',
                    'Unmanaged',
                ]);
                assert.deepStrictEqual([...new Set(channels.map((c) => c.upgradeChannel))].sort(), [
                    'node-image',
                    'none',
                    'patch',
                    'rapid',
                    'stable',
                ]);
                const pools = clusters.flatMap((c) => [...c.pools.values()].map((p) => p.properties));
                const linked = pools
                    .filter((p) => p.creationData)
                    .map((p) => ({
                        pool: p,
                        snapshot: state.findSnapshot(String((p.creationData as { sourceResourceId: string }).sourceResourceId))!.properties,
                    }));
                assert.ok(
                    linked.some(
                        ({ pool, snapshot }) =>
                            pool.nodeImageVersion !== snapshot.nodeImageVersion && pool.orchestratorVersion === snapshot.kubernetesVersion,
                    ),
                    'a pool whose image moved on from its snapshot',
                );
                assert.ok(
                    linked.some(({ pool, snapshot }) => pool.orchestratorVersion !== snapshot.kubernetesVersion),
                    'a pool whose Kubernetes version moved on',
                );
                const images = [
                    ...pools.map((p) => String(p.nodeImageVersion)),
                    ...[...state.snapshots.values()].map((s) => String(s.properties.nodeImageVersion)),
                ];
                assert.ok(
                    images.some((a) => images.some((b) => a !== b && a.replace(/\.\d+$/, '') === b.replace(/\.\d+$/, ''))),
                    'same-day images of different revisions',
                );
                assert.ok(
                    pools.some((p) => p.osSKU === 'Ubuntu2404' && /2404/.test(String(p.nodeImageVersion))),
                    'an Ubuntu 24.04 pool',
                );
                assert.ok(
                    pools.some((p) => p.enableFIPS === true) && [...state.snapshots.values()].some((s) => s.properties.enableFIPS === true),
                    'FIPS',
                );
                assert.ok(new Set(clusters.map((c) => c.subscriptionId)).size >= 2 && pools.length >= 8);
            } finally {
                await fleet.close();
            }
            const scale = await startEmulator({ seed: 'scale-3x4x5x6' });
            try {
                assert.deepStrictEqual(
                    [
                        scale.state().subscriptions.length,
                        scale.state().clusters.size,
                        [...scale.state().clusters.values()][0].pools.size,
                        scale.state().snapshots.size,
                    ],
                    [3, 12, 5, 18],
                );
            } finally {
                await scale.close();
            }
        });
    });
});
