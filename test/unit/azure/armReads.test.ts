import * as assert from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { AksService } from '../../../src/azure/AksService';
import { AzureAccount } from '../../../src/azure/AzureAccount';
import { fileMetadataStore, forgetAuthorityMetadata, KeptMetadata, MetadataStore } from '../../../src/azure/authorityMetadata';
import { ArmReader } from '../../../src/azure/armLists';
import { resolveCloud } from '../../../src/azure/clouds';
import type { RequestLimits } from '../../../src/azure/requestPolicies';
import { RunningEmulator, startEmulator } from '../../emulator/server';
import { emulatorCloudSettings, emulatorEnvironment } from '../../emulatorSession';

/** A store as VS Code's global state keeps it (a plain object, written whole). */
class MemoryStore implements MetadataStore {
    value: Record<string, KeptMetadata> | undefined;
    get(): Record<string, KeptMetadata> | undefined {
        return this.value;
    }
    set(value: Readonly<Record<string, KeptMetadata>>): void {
        this.value = { ...value };
    }
}

function accountOn(emulator: RunningEmulator, store?: MetadataStore): AzureAccount {
    const settings = emulatorCloudSettings(emulator);
    const cloud = resolveCloud(settings['microsoft-sovereign-cloud.environment'], settings['microsoft-sovereign-cloud.customEnvironment']);
    return new AzureAccount(() => ({ mode: 'environment', cloud, selectedSubscriptions: [] }), emulatorEnvironment(emulator), store);
}

const metadataAsked = (emulator: RunningEmulator): number => emulator.signIns.filter((r) => r.path.endsWith('openid-configuration')).length;
const tokensAsked = (emulator: RunningEmulator): number => emulator.signIns.filter((r) => /\/token$/.test(r.path)).length;

describe('Reads as raw JSON, page by page; the sign-in authority kept between credentials', () => {
    let emulator: RunningEmulator;

    before(async () => {
        emulator = await startEmulator({ seed: 'demo', pageSize: 2 });
    });
    beforeEach(() => {
        forgetAuthorityMetadata();
        emulator.signIns.length = 0;
        emulator.requests.length = 0;
    });
    after(() => emulator.close());

    it("hands each page's clusters over as it arrives, in ARM's order, before the whole list is sorted by name", async () => {
        const [platform] = await accountOn(emulator).listSubscriptions();
        const service = await AksService.create(platform);
        const pages: string[][] = [];
        let snapshotPages = 0;
        const [clusters] = await Promise.all([
            service.listClusters((page) => pages.push(page.map((c) => c.name))),
            service.listSnapshots(() => snapshotPages++),
        ]);
        // pageSize 2 over 3 clusters: two pages with clusters, then the empty page the real service ends with (no call for it).
        assert.deepStrictEqual(
            pages.map((p) => p.length),
            [2, 1],
        );
        assert.deepStrictEqual(pages.flat().sort(), clusters.map((c) => c.name).sort());
        assert.deepStrictEqual(
            clusters.map((c) => c.name),
            ['aks-legacy', 'aks-prod-eastus', 'aks-prod-weu'],
        );
        assert.ok(snapshotPages >= 1);
        // Every page asked with the api-version once, the next ones by the nextLink as Azure gave it.
        const lists = emulator.requests.filter((r) => /\/managedClusters\?/i.test(r.url));
        assert.strictEqual(lists.length, 3);
        assert.ok(
            lists.every((r) => (r.url.match(/api-version=/g) ?? []).length === 1),
            lists.map((r) => r.url).join('\n'),
        );
    });

    it("says Azure's code and message when a list is refused, and follows no link to another host", async () => {
        const [platform] = await accountOn(emulator).listSubscriptions();
        const service = await AksService.create(platform);
        emulator.faults.push({
            method: 'GET',
            pathContains: '/managedClusters',
            status: 403,
            body: { error: { code: 'AuthorizationFailed', message: 'The client has no authorization to list clusters.' } },
            times: 1,
        });
        await assert.rejects(service.listClusters(), (error: Error & { code?: string; statusCode?: number }) => {
            assert.strictEqual(error.message, 'The client has no authorization to list clusters.');
            assert.strictEqual(error.code, 'AuthorizationFailed');
            assert.strictEqual(error.statusCode, 403);
            return true;
        });
        emulator.faults.push({ method: 'GET', pathContains: '/snapshots', action: 'foreignNextLink', origin: 'https://127.0.0.1:9' });
        await assert.rejects(service.listSnapshots(), /Refused to follow a link to 127\.0\.0\.1:9/);
        emulator.faults.length = 0;
    });

    it("asks the authority's metadata once: a new credential in the same window asks only for its token", async () => {
        const account = accountOn(emulator);
        await account.listSubscriptions();
        assert.deepStrictEqual([metadataAsked(emulator), tokensAsked(emulator)], [1, 1]);
        account.forget();
        await account.listSubscriptions();
        assert.deepStrictEqual([metadataAsked(emulator), tokensAsked(emulator)], [1, 2]);
    });

    it('a window that signed in before reads the metadata from its store; one kept past a day, or naming another host, is asked again', async () => {
        const store = new MemoryStore();
        await accountOn(emulator, store).listSubscriptions();
        const kept = Object.entries(store.value ?? {});
        assert.strictEqual(kept.length, 1);
        assert.match(kept[0][0], /\/v2\.0\/\.well-known\/openid-configuration$/);

        // A new window: nothing in the process, the store as it was.
        forgetAuthorityMetadata();
        emulator.signIns.length = 0;
        await accountOn(emulator, store).listSubscriptions();
        assert.deepStrictEqual([metadataAsked(emulator), tokensAsked(emulator)], [0, 1]);

        // Kept past a day: asked again, and kept anew.
        const [url, entry] = kept[0];
        store.value = { [url]: { ...entry, savedAt: Date.now() - 25 * 60 * 60_000 } };
        forgetAuthorityMetadata();
        emulator.signIns.length = 0;
        await accountOn(emulator, store).listSubscriptions();
        assert.deepStrictEqual([metadataAsked(emulator), tokensAsked(emulator)], [1, 1]);
        assert.ok((store.value?.[url]?.savedAt ?? 0) > Date.now() - 60_000);

        // A kept configuration whose token endpoint is elsewhere (it would receive the secret) is never used.
        const elsewhere = JSON.stringify({ ...JSON.parse(entry.body), token_endpoint: 'https://127.0.0.1:9/tenant/oauth2/v2.0/token' });
        store.value = { [url]: { body: elsewhere, savedAt: Date.now() } };
        forgetAuthorityMetadata();
        emulator.signIns.length = 0;
        await accountOn(emulator, store).listSubscriptions();
        assert.deepStrictEqual([metadataAsked(emulator), tokensAsked(emulator)], [1, 1]);
        assert.doesNotMatch(store.value?.[url]?.body ?? '', /127\.0\.0\.1:9/);
    });

    it('keeps the metadata in a file of its own that a new window reads; a file that is not what it wrote is ignored', async () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aks-metadata-')), 'global', 'authority-metadata.json');
        await accountOn(emulator, fileMetadataStore(file)).listSubscriptions();
        assert.strictEqual(metadataAsked(emulator), 1);
        forgetAuthorityMetadata();
        emulator.signIns.length = 0;
        await accountOn(emulator, fileMetadataStore(file)).listSubscriptions();
        assert.deepStrictEqual([metadataAsked(emulator), tokensAsked(emulator)], [0, 1]);
        for (const text of ['not json', '{"x": {"body": 1, "savedAt": "today"}}']) {
            fs.writeFileSync(file, text);
            forgetAuthorityMetadata();
            emulator.signIns.length = 0;
            await accountOn(emulator, fileMetadataStore(file)).listSubscriptions();
            assert.deepStrictEqual([metadataAsked(emulator), tokensAsked(emulator)], [1, 1], text);
        }
    });
});

describe("Reads through the platform's fetch: connections kept, and the pipeline's rules unchanged", () => {
    let emulator: RunningEmulator;
    let elsewhere: RunningEmulator;
    const limits: RequestLimits = { timeoutMs: 400, readRetries: 1, throttledRetries: 1, maxRetryAfterSeconds: 1, retryDelayMs: 10 };
    const FIRST_PAGE = '/subscriptions?api-version=2022-12-01';
    const readerOn = async (on: RunningEmulator, armUrl?: string): Promise<ArmReader> => {
        const [session] = await accountOn(on).listSubscriptions();
        return ArmReader.create(
            session.credential,
            { ...session.cloud, ...(armUrl ? { resourceManagerEndpointUrl: armUrl } : {}) },
            limits,
        );
    };
    const firstPages = (on: RunningEmulator): number => on.requests.filter((r) => r.url === FIRST_PAGE).length;

    before(async () => {
        emulator = await startEmulator({ seed: 'demo' });
        elsewhere = await startEmulator({ seed: 'demo' });
    });
    beforeEach(() => {
        emulator.requests.length = 0;
        emulator.faults.length = 0;
        elsewhere.requests.length = 0;
    });
    after(async () => {
        await emulator.close();
        await elsewhere.close();
    });

    it('sends read after read on the connections it keeps', async () => {
        const reader = await readerOn(emulator);
        emulator.requests.length = 0;
        for (let i = 0; i < 12; i++) {
            await reader.get('/subscriptions', '2022-12-01');
        }
        // A connection is handed back just after its answer is read, so the next read may open a second one.
        const connections = new Set(emulator.requests.map((r) => r.connection));
        assert.ok(connections.size <= 2, `12 reads one after another on ${connections.size} connections`);
    });

    it('tries a read again when its connection drops, and gives up one that outlasts its timeout after its tries', async () => {
        const reader = await readerOn(emulator);
        emulator.requests.length = 0;
        emulator.faults.push({ method: 'GET', pathContains: '/subscriptions', action: 'resetAfterApply', times: 1 });
        assert.ok((await reader.list('subscriptions', '/subscriptions', '2022-12-01')).length > 0);
        assert.strictEqual(firstPages(emulator), 2, 'the dropped read and its retry');

        emulator.requests.length = 0;
        emulator.faults.push({ method: 'GET', pathContains: '/subscriptions', action: 'delay', delayMs: 3000, times: 2 });
        const started = Date.now();
        await assert.rejects(reader.get('/subscriptions', '2022-12-01'), (e: Error) => e.name === 'AbortError');
        assert.strictEqual(firstPages(emulator), 2, 'one try and one retry');
        assert.ok(Date.now() - started < 2500, `gave up after ${Date.now() - started} ms`);
    });

    it('follows no redirect to another host: its answer is the error, and that host receives nothing', async () => {
        const reader = await readerOn(emulator);
        emulator.faults.push({
            method: 'GET',
            pathContains: '/subscriptions',
            status: 307,
            headers: { location: `${elsewhere.armUrl.replace(/\/$/, '')}/subscriptions?api-version=2022-12-01` },
            times: 1,
        });
        // The SDK's redirect policy follows no redirect to another origin; were it to, ARM's origin policy refuses it.
        await assert.rejects(reader.get('/subscriptions', '2022-12-01'), (e: Error & { statusCode?: number }) => e.statusCode === 307);
        assert.deepStrictEqual(elsewhere.requests, []);
        assert.deepStrictEqual(elsewhere.signIns, []);
    });

    it('says why a connection failed, with its code, after its tries', async () => {
        const closed = await closedPort();
        const reader = await readerOn(emulator, `https://127.0.0.1:${closed}/`);
        await assert.rejects(reader.get('/subscriptions', '2022-12-01'), (e: Error & { code?: string }) => {
            assert.strictEqual(e.code, 'ECONNREFUSED');
            assert.match(e.message, new RegExp(`ECONNREFUSED 127\\.0\\.0\\.1:${closed}`));
            return true;
        });
    });
});

/** A port nothing listens on (one just let go). */
function closedPort(): Promise<number> {
    return new Promise((resolve) => {
        const server = net.createServer().listen(0, '127.0.0.1', () => {
            const { port } = server.address() as net.AddressInfo;
            server.close(() => resolve(port));
        });
    });
}
