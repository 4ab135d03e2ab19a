import { execFile } from 'child_process';
import * as path from 'path';
import { promisify } from 'util';
import { startEmulator } from '../emulator/server';
import { signInAzureCli } from '../unit/cli/azureCliSession';
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
    const rows: VersusAzCliRow[] = [];
    for (const s of subscriptionCounts) {
        const emulator = await startEmulator({ seed: `scale-${s}x2x1x20`, latencyMs });
        const cli = await signInAzureCli(emulator);
        try {
            const info = JSON.stringify({ armUrl: emulator.armUrl, tokenAuthority: emulator.tokenAuthority, tenantId: emulator.tenantId, clientId: emulator.clientId, clientSecret: emulator.clientSecret, caFile: emulator.caFile });
            const subscriptions = emulator.state().subscriptions.map((sub) => sub.subscriptionId);
            const product = async (): Promise<number> => {
                const { stdout } = await run(process.execPath, [path.join(__dirname, 'listSnapshotsProcess.js')], { env: { ...process.env, BENCH_EMULATOR: info } });
                return Number(stdout.trim());
            };
            const az = async (): Promise<number> => {
                let count = 0;
                for (const subscription of subscriptions) {
                    count += (await cli.az('aks', 'nodepool', 'snapshot', 'list', '--subscription', subscription) as unknown[]).length;
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
