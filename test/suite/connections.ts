// Default imports give the modules themselves (patchable), not read-only namespace copies.
import dns from 'dns';
import net from 'net';

/** An outgoing TCP connection or name lookup. */
export interface Connection {
    readonly via: 'socket' | 'dns';
    readonly host: string;
    readonly port?: number;
}

const recorded: Connection[] = [];

type Patchable = Record<string, unknown> & { __aksHooked?: boolean };

function wrap(target: Patchable, name: string, describe: (args: unknown[]) => Connection | undefined): void {
    const original = target[name] as (...args: unknown[]) => unknown;
    target[name] = function (this: unknown, ...args: unknown[]) {
        const connection = describe(args);
        if (connection) {
            recorded.push(connection);
        }
        return original.apply(this, args);
    };
}

/**
 * Records every TCP connection and DNS lookup this process starts. The extension host is shared and VS Code's
 * proxy support breaks call stacks between a request and its socket, so nothing is filtered: a test that
 * asserts on this list holds the whole host to it while the extension works.
 */
export function startRecordingConnections(): void {
    const marker = net as unknown as Patchable;
    if (marker.__aksHooked) {
        return;
    }
    marker.__aksHooked = true;
    wrap(net.Socket.prototype as unknown as Patchable, 'connect', (args) => {
        const [first, second] = args;
        if (typeof first === 'object' && first !== null && !Array.isArray(first)) {
            const options = first as { host?: string; port?: number; path?: string };
            // Local IPC (named pipes, unix sockets) leaves nothing.
            return options.path ? undefined : { via: 'socket', host: options.host ?? 'localhost', port: Number(options.port) };
        }
        return typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))
            ? { via: 'socket', host: typeof second === 'string' ? second : 'localhost', port: Number(first) }
            : undefined;
    });
    wrap(dns as unknown as Patchable, 'lookup', ([hostname]) => ({ via: 'dns', host: String(hostname) }));
}

/** Connections recorded since the `from`-th one (0: since recording began, before activation). */
export function connectionsSince(from: number): readonly Connection[] {
    return recorded.slice(from);
}
