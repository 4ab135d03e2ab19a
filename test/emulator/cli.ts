import { startEmulator } from './server';

/**
 * `npm run emulator -- --port <n|0> --seed <demo|empty> [--latency <ms>] [--page-size <n>] [--operation-polls <n>]`
 * Prints one JSON line with what a client needs, then serves until killed.
 */
async function main(): Promise<void> {
    const args = new Map<string, string>();
    const argv = process.argv.slice(2);
    for (let i = 0; i < argv.length; i += 2) {
        if (!argv[i].startsWith('--') || argv[i + 1] === undefined) {
            throw new Error(`Expected "--name value" pairs, got "${argv.slice(i).join(' ')}"`);
        }
        args.set(argv[i].slice(2), argv[i + 1]);
    }
    const number = (name: string): number | undefined => (args.has(name) ? Number(args.get(name)) : undefined);
    const emulator = await startEmulator({
        port: number('port') ?? 0,
        seed: args.get('seed') ?? 'demo',
        latencyMs: number('latency'),
        pageSize: number('page-size'),
        operationPolls: number('operation-polls'),
    });
    const { armUrl, tokenAuthority, tenantId, clientId, clientSecret, caFile } = emulator;
    process.stdout.write(JSON.stringify({ armUrl, tokenAuthority, tenantId, clientId, clientSecret, caFile }) + '\n');
    const stop = (): void => void emulator.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
});
