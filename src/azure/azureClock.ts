import type { PipelinePolicy } from '@azure/core-rest-pipeline';

/**
 * Azure's time, from the `Date` header of its answers. Rules that count days against AKS (R12's 90 days) use it, so a
 * machine whose clock is wrong judges as AKS will; until Azure has answered, the machine's clock stands in.
 */
let offsetMs = 0;

export function azureNow(): Date {
    return new Date(Date.now() + offsetMs);
}

/** Records Azure's clock from every answer that carries a `Date` header. */
export function azureClockPolicy(): PipelinePolicy {
    return {
        name: 'aksSnapshotsAzureClock',
        async sendRequest(request, next) {
            const response = await next(request);
            const date = Date.parse(response.headers.get('date') ?? '');
            if (!Number.isNaN(date)) {
                offsetMs = date - Date.now();
            }
            return response;
        },
    };
}
