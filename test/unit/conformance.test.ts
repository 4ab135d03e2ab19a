import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { examples, judge } from '../conformance/check';
import { RestSpec } from '../conformance/restSpec';
import type { ExchangeRecord } from '../conformance/recorder';
import { PLATFORM_SUBSCRIPTION } from '../emulator/seeds';
import { startEmulator } from '../emulator/server';
import { snapshotJson } from '../emulator/shapes';

/**
 * The judge of `npm test`'s conformance step: Azure's published REST spec accepts Azure's own examples, and refuses
 * what Azure would (an answer without a required property, a request with a property the model does not declare,
 * a header no operation declares). And the emulator's knowledge of Azure is its own: it imports nothing of the
 * product's.
 */
describe("Azure's REST spec as the judge of requests and answers", () => {
    const spec = new RestSpec();
    const SNAPSHOT = `/subscriptions/${PLATFORM_SUBSCRIPTION}/resourceGroups/rg-snapshots/providers/Microsoft.ContainerService/snapshots/snap-system-2611`;
    const POOL = `/subscriptions/${PLATFORM_SUBSCRIPTION}/resourceGroups/rg-platform-eastus/providers/Microsoft.ContainerService/managedClusters/aks-prod-eastus/agentPools/gpu`;

    it("accepts every one of Azure's published examples", () => {
        const records = examples(spec);
        const report = judge(spec, records);
        assert.deepStrictEqual(report.violations, []);
        assert.ok(
            report.operations.size >= 15 && report.answers === records.length,
            `${report.operations.size} operations, ${report.answers} answers`,
        );
    });

    it('refuses an emulator answer without a required property, and a request with a property the model does not declare', async () => {
        const emulator = await startEmulator({ seed: 'demo', conformance: false });
        try {
            const answer = snapshotJson(emulator.state().findSnapshot(SNAPSHOT)!);
            const get = (body: unknown): ExchangeRecord => ({
                method: 'GET',
                url: `${SNAPSHOT}?api-version=2026-04-01`,
                headers: {},
                status: 200,
                answer: body,
            });
            assert.deepStrictEqual(judge(spec, [get(answer)]).violations, [], "the emulator's snapshot as served");
            const withoutLocation = { ...answer };
            delete withoutLocation.location;
            assert.match(
                judge(spec, [get(withoutLocation)])
                    .violations.map((v) => v.message)
                    .join('; '),
                /lacks the required property "location"/,
            );

            const pool = { properties: { count: 1, vmSize: 'Standard_D4s_v5', notAField: true } };
            const put: ExchangeRecord = {
                method: 'PUT',
                url: `${POOL}?api-version=2026-04-01`,
                headers: { 'content-type': 'application/json', 'x-made-up': '1' },
                body: pool,
            };
            const messages = judge(spec, [put]).violations.map((v) => `${v.where}: ${v.message}`);
            assert.ok(
                messages.some((m) => /request\.properties\.notAField: is not a property the spec declares/.test(m)),
                messages.join('\n'),
            );
            assert.ok(
                messages.some((m) => /sends the header "x-made-up"/.test(m)),
                messages.join('\n'),
            );
            const closed = judge(spec, [{ ...put, headers: {}, body: { properties: { count: 'three' } } }]).violations;
            assert.match(closed[0].message, /\(string\), the spec says integer/);
        } finally {
            await emulator.close();
        }
    });

    it('the emulator imports nothing from the product: its knowledge of Azure is its own', () => {
        const root = path.resolve(__dirname, '..', '..', '..', 'test');
        const files = (dir: string): string[] =>
            fs
                .readdirSync(dir, { withFileTypes: true })
                .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
        const offenders = [...files(path.join(root, 'emulator')), ...files(path.join(root, 'conformance'))].filter((file) =>
            /from '(\.\.\/)+src\/|require\('(\.\.\/)+src\//.test(fs.readFileSync(file, 'utf8')),
        );
        assert.deepStrictEqual(offenders, []);
    });
});
