import { AksServices } from '../../src/azure/AksServices';
import type { EmulatorInfo } from '../emulator/server';
import { emulatorAccount } from '../emulatorSession';

/**
 * A whole Node process that signs in and lists every snapshot of every subscription the product's way, as the
 * Azure CLI is timed as whole processes. The emulator to use comes as JSON in BENCH_EMULATOR.
 */
async function main(): Promise<void> {
    const emulator = JSON.parse(process.env.BENCH_EMULATOR ?? '{}') as EmulatorInfo;
    const services = new AksServices(emulatorAccount(emulator));
    const { items } = await services.fromEverySubscription((s) => s.listSnapshots());
    process.stdout.write(`${items.length}\n`);
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
});
