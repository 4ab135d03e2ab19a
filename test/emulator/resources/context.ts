import * as crypto from 'crypto';
import type { ArmRequest, Json, Result } from '../http';
import type { Knobs } from '../knobs';
import type { EmulatorState, Operation } from '../state';

/** What every resource module is handed: the state (new after a reset), the knobs, paging and long operations. */
export interface Context {
    readonly state: () => EmulatorState;
    readonly knobs: Knobs;
}

/**
 * Lists page like ARM: a `nextLink` follows every non-empty page, so the last page is empty (the real service
 * sends a `nextLink` even for one page). Faults can point the link at another origin, or loop it back.
 */
export function page(context: Context, request: ArmRequest, items: readonly unknown[]): Result {
    const skip = Number(request.url.searchParams.get('$skipToken') ?? '0') || 0;
    const value = items.slice(skip, skip + context.knobs.pageSize);
    const body: Json = { value };
    const origin = request.twist.nextLinkOrigin ?? request.origin;
    if (value.length > 0 || request.twist.nextLinkLoops) {
        const next = new URL(request.url.pathname + request.url.search, origin);
        next.searchParams.set('$skipToken', String(value.length > 0 ? skip + value.length : 0));
        body.nextLink = next.toString();
    }
    return { status: 200, body };
}

export interface OperationSpec {
    readonly subscriptionId: string;
    readonly location: string;
    readonly resourceId: string;
    readonly kind: string;
    /** Applies the end to the resource. */
    readonly settle: Operation['settle'];
    /** What the Location URL answers once done. */
    readonly result: () => unknown;
    /** Also send a `Location` header (AKS does on 202s). */
    readonly withLocation?: boolean;
}

/**
 * Starts a long operation and returns the headers AKS sends with it. It ends after the knob's number of
 * status polls, or after `operationSeconds` when that knob is set (Azure finishes whether or not anyone polls).
 */
export function startOperation(context: Context, request: ArmRequest, spec: OperationSpec): Record<string, string> {
    const id = crypto.randomUUID();
    const end = request.twist.operationEnd ?? { status: 'Succeeded' as const };
    const operation: Operation = {
        id,
        subscriptionId: spec.subscriptionId,
        location: spec.location,
        resourceId: spec.resourceId,
        kind: spec.kind,
        startTime: new Date().toISOString(),
        pollsLeft: context.knobs.operationPolls,
        status: 'InProgress',
        settle: spec.settle,
        result: spec.result,
        end,
    };
    context.state().operations.set(id, operation);
    const base = `${request.twist.operationOrigin ?? request.origin}/subscriptions/${spec.subscriptionId}/providers/Microsoft.ContainerService/locations/${spec.location}`;
    const headers: Record<string, string> = {
        'azure-asyncoperation': `${base}/operations/${id}?api-version=2016-03-30`,
        'retry-after': String(context.knobs.retryAfterSeconds),
    };
    if (spec.withLocation) {
        headers.location = `${base}/operationresults/${id}?api-version=2016-03-30`;
    }
    if (operation.pollsLeft <= 0) {
        finishOperation(operation);
    } else if (context.knobs.operationSeconds > 0) {
        setTimeout(() => finishOperation(operation), context.knobs.operationSeconds * 1000).unref();
    }
    return headers;
}

export function finishOperation(operation: Operation): void {
    if (operation.status !== 'InProgress') {
        return;
    }
    operation.status = operation.end.status;
    operation.error = operation.end.error;
    operation.endTime = new Date().toISOString();
    operation.settle(operation.end.status);
}
