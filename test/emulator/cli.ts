import { DEFAULT_KNOBS, Knobs } from './knobs';
import { emulatorInfo, startEmulator } from './server';

/**
 * `npm run emulator -- --port <n|0> --seed <demo|empty|fleet|scale-SxCxPxN> [--<knob> <value> …]`, where a knob is
 * any of knobs.ts in kebab case (`--latency-ms 50 --page-size 100 --throttling true`).
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
    const knobs: Partial<Knobs> = {};
    for (const name of Object.keys(DEFAULT_KNOBS) as (keyof Knobs)[]) {
        const value = args.get(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
        if (value !== undefined) {
            const kind = typeof DEFAULT_KNOBS[name];
            (knobs as Record<string, unknown>)[name] = kind === 'boolean' ? value === 'true' : kind === 'string' ? value : Number(value);
        }
    }
    const emulator = await startEmulator({ ...knobs, port: Number(args.get('port') ?? 0), seed: args.get('seed') ?? 'demo' });
    process.stdout.write(JSON.stringify(emulatorInfo(emulator)) + '\n');
    const stop = (): void => void emulator.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
});
