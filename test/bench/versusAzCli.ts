import { execFile } from 'child_process';
import * as esbuild from 'esbuild';
import * as path from 'path';
import { promisify } from 'util';
import { emulatorAccount } from '../emulatorSession';
import { signInAzureCli } from '../unit/cli/azureCliSession';
import { emulatorInfo } from '../emulator/server';
import { startEmulatorProcess } from './emulatorProcess';
import { Measured, measured, sideBySide } from './stats';

const run = promisify(execFile);

export interface VersusAzCliRow {
    readonly subscriptions: number;
    readonly snapshots: number;
    readonly product: Measured;
    readonly az: Measured;
}

/**
 * Every snapshot of S subscriptions: the product's service in one Node process, against the Azure CLI's way
 * (`az aks nodepool snapshot list --subscription …`, one process per subscription), on the same emulator.
 */
export async function versusAzCliRows(subscriptionCounts: readonly number[], rounds: number, latencyMs: number): Promise<VersusAzCliRow[]> {
    // The product's code bundled as it ships (one file, minified), not loaded module by module from node_modules.
    const bundle = path.join(__dirname, 'listSnapshotsProcess.bundle.js');
    await esbuild.build({
        entryPoints: [path.join(__dirname, 'listSnapshotsProcess.js')],
        outfile: bundle,
        bundle: true,
        minify: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        mainFields: ['module', 'main'],
        external: ['vscode'],
        logLevel: 'warning',
    });
    const rows: VersusAzCliRow[] = [];
    for (const s of subscriptionCounts) {
        const emulator = await startEmulatorProcess(`scale-${s}x2x1x20`, { latencyMs });
        const cli = await signInAzureCli(emulator);
        try {
            const info = JSON.stringify(emulatorInfo(emulator));
            const subscriptions = (await emulatorAccount(emulator).listSubscriptions()).map(
                (session) => session.subscription.subscriptionId,
            );
            const product = async (): Promise<number> => {
                const { stdout } = await run(process.execPath, [bundle], { env: { ...process.env, BENCH_EMULATOR: info } });
                return Number(stdout.trim());
            };
            const az = async (): Promise<number> => {
                let count = 0;
                for (const subscription of subscriptions) {
                    count += ((await cli.az('aks', 'nodepool', 'snapshot', 'list', '--subscription', subscription)) as unknown[]).length;
                }
                return count;
            };
            const [a, b] = [await product(), await az()];
            if (a !== b || a !== s * 20) {
                throw new Error(`The product listed ${a} snapshots and the Azure CLI ${b}, of ${s * 20}.`);
            }
            const times = await sideBySide(rounds, { product, az });
            rows.push({ subscriptions: s, snapshots: a, product: measured(times.product), az: measured(times.az) });
        } finally {
            cli.close();
            await emulator.close();
        }
    }
    return rows;
}
