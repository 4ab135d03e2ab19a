import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AksService } from '../../../src/azure/AksService';
import { AzureAccount } from '../../../src/azure/AzureAccount';
import { fileMetadataStore, forgetAuthorityMetadata, KeptMetadata, MetadataStore } from '../../../src/azure/authorityMetadata';
import { resolveCloud } from '../../../src/azure/clouds';
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
