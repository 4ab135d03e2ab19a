import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { IActionContext } from '@microsoft/vscode-azext-utils';
import { demoSeed } from '../emulator/seeds';
import { ids } from './seedIds';
import { DEFAULT, TestUserInput } from './TestUserInput';
import { emulator, logText, runCommand, withFreshSeed } from './testApi';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

describe("Support: a log with Azure's request ids, errors that name them, and a problem report without names", () => {
    const api = withFreshSeed();

    before(async () => {
        // What a person does with "Developer: Set Log Level…": the requests are logged at debug.
        await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'debug');
    });

    after(async () => {
        await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'info');
    });

    it('logs every Azure request with method, path, status, time and both ids; an error names its request id and offers Show Log', async () => {
        await emulator.addFault({
            method: 'PUT',
            pathContains: '/agentPools/memory',
            status: 409,
            body: { code: 'OperationNotAllowed', message: 'Another operation is in progress.' },
            times: 1,
        });
        let context: IActionContext | undefined;
        const seen = api().registerOnActionStartHandler((c) => {
            if (c.callbackId === 'aksSnapshots.upgradeToSnapshot') {
                context = c;
            }
        });
        const error = await runCommand(
            'aksSnapshots.upgradeToSnapshot',
            new TestUserInput(['snap-memory-2611', DEFAULT, 'Upgrade']),
            await api().tree.findElement(ids.pool.memory),
        ).then(
            () => undefined,
            (e: Error) => e,
        );
        seen.dispose();
        assert.ok(error, 'Azure refused the upgrade');
        const named = /\(Azure request ID: ([0-9a-f-]{36})\)$/.exec(error.message);
        assert.ok(named, `the message names the request id: "${error.message}"`);
        assert.match(error.message, /^Another operation is in progress\./);
        assert.deepStrictEqual(
            context?.errorHandling.buttons?.map((b) => b.title),
            ['Show Log', 'Report Issue'],
        );
        assert.strictEqual(context?.errorHandling.suppressReportIssue, true);

        const log = await logText(api().logUri);
        // Reads at debug; each change at info, saying it is one.
        const lines = log.split('\n').filter((l) => /\[debug\] GET \/|\[info\] Change sent to Azure: (PUT|POST|PATCH|DELETE) \//.test(l));
        const refused = lines.find((l) => l.includes(named[1]));
        assert.ok(refused, `the refused request is in the log with its id:\n${lines.slice(-5).join('\n')}`);
        assert.match(
            refused,
            /\[info\] Change sent to Azure: PUT \/subscriptions\/[^ ?]+\/agentPools\/memory 409 \d+ ms x-ms-request-id [0-9a-f-]{36} x-ms-correlation-request-id [0-9a-f-]{36}$/,
        );
        assert.ok(
            lines.every((l) => !l.includes('?')),
            'no query reaches the log',
        );
        assert.ok(
            lines.some((l) => / GET \/subscriptions\/[^ ]+\/agentPools\/memory 200 /.test(l)),
            'the read before the write is there too',
        );
        const tokens = await emulator.issuedTokens();
        for (const token of tokens) {
            assert.ok(!log.includes(token.split('.')[2]), 'no token in the log');
        }
        // An excerpt for the record of how a flow looks in the log.
        fs.mkdirSync(path.join(REPO_ROOT, '.test-output'), { recursive: true });
        const at = lines.indexOf(refused);
        fs.writeFileSync(
            path.join(REPO_ROOT, '.test-output', 'log-excerpt.txt'),
            `${lines.slice(Math.max(0, at - 4), at + 1).join('\n')}\n\n${error.message}\n`,
        );
    });

    it('Report Issue opens a report with the versions, the cloud and the latest request ids, and no token, subscription or resource name', async () => {
        await vscode.commands.executeCommand('aksSnapshots.refresh');
        await api().tree.findElement(ids.pool.gpu);
        const report = await runCommand<vscode.TextDocument>('aksSnapshots.reportIssue', new TestUserInput([]));
        const text = report.getText();
        assert.strictEqual(report.languageId, 'markdown');
        assert.strictEqual(vscode.window.activeTextEditor?.document, report, 'the report is open');
        const version = (
            vscode.extensions.getExtension('aks-nodepool-snapshots.aks-nodepool-snapshots')!.packageJSON as { version: string }
        ).version;
        assert.ok(text.includes(`- AKS Node Pool Snapshots ${version}`) && text.includes(`- VS Code ${vscode.version}`), text);
        assert.match(text, /- Cloud: custom; sign-in: environment/);
        const rows = text.split('\n').filter((l) => /^\| GET \| `\/subscriptions/.test(l));
        assert.ok(
            rows.length > 0 && rows.every((r) => /\| [0-9a-f-]{36} \| [0-9a-f-]{36} \|$/.test(r)),
            `request rows with both ids:\n${rows.join('\n')}`,
        );
        const names = [
            ...demoSeed.subscriptions.flatMap((s) => [s.subscriptionId, s.displayName]),
            ...demoSeed.resourceGroups.map((g) => g.name),
            ...demoSeed.clusters.flatMap((c) => [c.name, ...c.pools.map((p) => `/${p.name}`)]),
            ...demoSeed.snapshots.map((s) => s.name),
        ];
        for (const name of names) {
            assert.ok(!text.includes(name), `"${name}" is in the report`);
        }
        for (const token of await emulator.issuedTokens()) {
            assert.ok(!text.includes(token.split('.')[2]), 'no token in the report');
        }
        // VS Code's issue reporter went for this extension's new-issue page: in the test host, its question before
        // opening an external site is refused, which the log records.
        assert.match(await logText(api().logUri), /The issue reporter did not open: .*open the external website/);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
});
