import { aksError } from './http';
import type { Params } from './routes';

/**
 * AKS's request throttling as token buckets, with the limits AKS publishes ("AKS throttling"): PUT agentPool
 * 20 burst then 1 per minute per pool; operation status 200 burst then 2 per second per subscription; LIST
 * managedClusters 500 burst then 1 per second per subscription; every other AKS request 60 burst then 1 per
 * second per subscription. A request over its bucket answers 429 `Throttled` with `Retry-After`.
 */

export interface ThrottlingKnobs {
    /** Off by default (the demo); tests turn it on. */
    throttling: boolean;
    /** Multiplies every burst (0.1 → PUT agentPool bursts 2): a test reaches the limit sooner. */
    throttleBurstScale: number;
    /** Multiplies every refill rate (60 → PUT agentPool refills 1 a second): a test waits less. */
    throttleRateScale: number;
}

interface Limit {
    readonly burst: number;
    readonly perSecond: number;
}

const LIMITS: Record<string, Limit> = {
    putAgentPool: { burst: 20, perSecond: 1 / 60 },
    operationStatus: { burst: 200, perSecond: 2 },
    listManagedClusters: { burst: 500, perSecond: 1 },
    other: { burst: 60, perSecond: 1 },
};

/** Which bucket a request of an AKS route draws from; undefined for routes outside AKS (ARM's own limits are far higher). */
export function bucketOf(routeName: string, params: Params): { limit: keyof typeof LIMITS; key: string } | undefined {
    const sub = (params.subscriptionId ?? '').toLowerCase();
    if (routeName === 'agentPools.put') {
        return { limit: 'putAgentPool', key: [sub, params.resourceGroup, params.cluster, params.pool].join('/').toLowerCase() };
    }
    if (routeName.startsWith('operations.')) {
        return { limit: 'operationStatus', key: sub };
    }
    if (routeName === 'managedClusters.listBySubscription') {
        return { limit: 'listManagedClusters', key: sub };
    }
    if (/^(managedClusters|agentPools|snapshots|kubernetesVersions|orchestrators)\./.test(routeName)) {
        return { limit: 'other', key: sub };
    }
    return undefined;
}

export class Throttle {
    private readonly buckets = new Map<string, { tokens: number; at: number }>();
    /** Every 429 answered, for the benchmarks and tests to count. */
    throttled = 0;

    constructor(
        private readonly knobs: ThrottlingKnobs,
        private readonly now: () => number = Date.now,
    ) {}

    /** Takes one token for the request, or throws the 429 AKS answers. */
    take(routeName: string, params: Params): void {
        if (!this.knobs.throttling) {
            return;
        }
        const bucket = bucketOf(routeName, params);
        if (!bucket) {
            return;
        }
        const limit = LIMITS[bucket.limit];
        const burst = Math.max(1, Math.round(limit.burst * this.knobs.throttleBurstScale));
        const rate = limit.perSecond * this.knobs.throttleRateScale;
        const id = `${bucket.limit}:${bucket.key}`;
        const now = this.now();
        const state = this.buckets.get(id) ?? { tokens: burst, at: now };
        state.tokens = Math.min(burst, state.tokens + ((now - state.at) / 1000) * rate);
        state.at = now;
        this.buckets.set(id, state);
        if (state.tokens >= 1) {
            state.tokens -= 1;
            return;
        }
        this.throttled++;
        const retryAfter = Math.max(1, Math.ceil((1 - state.tokens) / rate));
        const error = aksError(
            429,
            'Throttled',
            `Request is being throttled: the ${bucket.limit} limit of ${burst} requests, refilled at ${rate.toPrecision(3)} per second, is used up. Retry after ${retryAfter} seconds.`,
        );
        Object.assign(error.headers, { 'retry-after': String(retryAfter) });
        throw error;
    }

    reset(): void {
        this.buckets.clear();
        this.throttled = 0;
    }
}
