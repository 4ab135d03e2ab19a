import { armError } from './http';
import type { Fault } from './faults';
import type { Knobs } from './knobs';
import { clusterId, snapshotId } from './shapes';
import type { EmulatorState } from './state';

/** A request as the emulator received it: what a test asserts Azure was sent. */
export interface RecordedRequest {
    readonly method: string;
    /** Path and query. */
    readonly url: string;
    readonly headers: Record<string, string>;
    readonly body?: unknown;
    /** When it arrived (ms since the epoch). */
    readonly time: number;
    /** The route that answered it (`agentPools.put`), when one did. */
    route?: string;
    /** The status it was answered with; absent when the answer was lost. */
    status?: number;
    /** Which connection carried it (1, 2, … in the order they opened): a client that keeps its connections sends many on one. */
    readonly connection?: number;
}

export interface Controls {
    readonly requests: RecordedRequest[];
    readonly faults: Fault[];
    readonly knobs: Knobs;
    state(): EmulatorState;
    /** Back to the seed (or another, by name): resources, requests, faults and throttling buckets. */
    reset(seed?: string): void;
    /** How many requests were answered 429 since the last reset. */
    throttled(): number;
    /** Every access token the token service issued. */
    issuedTokens(): string[];
    /** The most ARM requests the emulator held at once since the last call with `reset` (or the start). */
    peakInFlight(reset?: boolean): number;
}

/** Test-only endpoints under /_emulator/ (never part of ARM). */
export function control(url: URL, method: string, raw: string, c: Controls): unknown {
    const body = (): Record<string, unknown> => JSON.parse(raw || '{}') as Record<string, unknown>;
    switch (`${method} ${url.pathname}`) {
        case 'GET /_emulator/requests':
            return c.requests;
        case 'DELETE /_emulator/requests':
            c.requests.length = 0;
            return {};
        case 'POST /_emulator/faults':
            c.faults.push(body() as unknown as Fault);
            return {};
        case 'DELETE /_emulator/faults':
            c.faults.length = 0;
            return {};
        case 'GET /_emulator/knobs':
            return c.knobs;
        case 'POST /_emulator/knobs':
            Object.assign(c.knobs, body());
            return c.knobs;
        case 'POST /_emulator/reset':
            c.reset(body().seed as string | undefined);
            return {};
        case 'GET /_emulator/operations':
            return [...c.state().operations.values()].map(
                ({ id, subscriptionId, resourceId, kind, startTime, endTime, status, error }) => ({
                    id,
                    subscriptionId,
                    resourceId,
                    kind,
                    startTime,
                    endTime,
                    status,
                    error,
                }),
            );
        case 'GET /_emulator/resources': {
            // Every cluster, pool and snapshot with its eTag and state: what a test compares before and after.
            const state = c.state();
            return [
                ...[...state.clusters.values()].flatMap((cluster) => [
                    { id: clusterId(cluster).toLowerCase(), eTag: cluster.eTag, state: cluster.properties.provisioningState },
                    ...[...cluster.pools.values()].map((p) => ({
                        id: `${clusterId(cluster)}/agentPools/${p.name}`.toLowerCase(),
                        eTag: p.eTag,
                        state: p.properties.provisioningState,
                    })),
                ]),
                ...[...state.snapshots.values()].map((s) => ({ id: snapshotId(s).toLowerCase(), eTag: s.eTag, state: 'Succeeded' })),
            ];
        }
        case 'GET /_emulator/inflight':
            return { peak: c.peakInFlight() };
        case 'DELETE /_emulator/inflight':
            return { peak: c.peakInFlight(true) };
        case 'GET /_emulator/tokens':
            return c.issuedTokens();
        case 'GET /_emulator/throttled':
            return { throttled: c.throttled() };
        case 'POST /_emulator/provisioningState': {
            const { id, provisioningState } = body() as { id: string; provisioningState: string };
            c.state().setProvisioningState(id, provisioningState);
            return {};
        }
        case 'POST /_emulator/powerState': {
            const { id, code } = body() as { id: string; code: 'Running' | 'Stopped' };
            c.state().setPowerState(id, code);
            return {};
        }
        case 'POST /_emulator/nodeImageUpgrade': {
            // Someone else upgrades a pool's node image to the latest (it leaves its snapshot, R7).
            const { id } = body() as { id: string };
            if (!c.state().upgradeNodeImageToLatest(id)) {
                throw armError(404, 'NotFound', `No pool ${id}`);
            }
            return {};
        }
        case 'POST /_emulator/touch': {
            const { id } = body() as { id: string };
            if (!c.state().touch(id)) {
                throw armError(404, 'NotFound', `No cluster, pool or snapshot ${id}`);
            }
            return {};
        }
        default:
            throw armError(404, 'NotFound', `No emulator control endpoint ${method} ${url.pathname}`);
    }
}
