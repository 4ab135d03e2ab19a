import * as crypto from 'crypto';

/** What every part of the emulator shares: JSON, ARM's and AKS's error shapes, results, eTags and conditional requests. */

export type Json = Record<string, unknown>;

export class ArmError extends Error {
    constructor(
        readonly status: number,
        readonly body: unknown,
        readonly headers: Record<string, string> = {},
    ) {
        super(`${status}`);
    }
}

/** ARM's gateway shape: `{"error":{"code","message"}}`. */
export const armError = (status: number, code: string, message: string, headers: Record<string, string> = {}): ArmError =>
    new ArmError(status, { error: { code, message } }, headers);

/** The AKS resource provider's own shape: `{"code","message","subcode","target"}` at the top level. */
export const aksError = (status: number, code: string, message: string, target = '', subcode = ''): ArmError =>
    new ArmError(status, { code, message, subcode, target });

export interface Result {
    readonly status: number;
    readonly body?: unknown;
    readonly headers?: Record<string, string>;
}

/** A request as a handler sees it, with the twists a test asked for through a fault. */
export interface ArmRequest {
    readonly method: string;
    readonly url: URL;
    readonly origin: string;
    readonly headers: Record<string, string>;
    readonly body: unknown;
    readonly twist: RequestTwist;
    /** The tenant of the request's token. */
    readonly tokenTenant: string;
}

/** How a fault bends what an otherwise normal handler does (see faults.ts). */
export interface RequestTwist {
    /** The long operation this write starts ends so, instead of Succeeded. */
    operationEnd?: { status: 'Failed' | 'Canceled'; error: { code: string; message: string } };
    /** Operation URLs (Azure-AsyncOperation, Location) point at this origin instead of the emulator. */
    operationOrigin?: string;
    /** `nextLink`s point at this origin instead of the emulator. */
    nextLinkOrigin?: string;
    /** The last page's `nextLink` goes back to the first page. */
    nextLinkLoops?: boolean;
}

export const newETag = (): string => crypto.randomUUID();
export const key = (...parts: string[]): string => parts.map((p) => p.toLowerCase()).join('/');
export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const bare = (eTag: string): string => eTag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');

/**
 * HTTP conditional requests as ARM resource providers implement them: `If-None-Match: *` refuses to replace
 * an existing resource, `If-Match` refuses any write unless the resource's current eTag is the one given
 * (`*`: unless it exists). Both answer 412 PreconditionFailed.
 */
export function checkConditions(request: ArmRequest, current: { eTag: string } | undefined, what: string): void {
    const ifNoneMatch = request.headers['if-none-match'];
    if (
        ifNoneMatch !== undefined &&
        current &&
        (ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((t) => bare(t) === bare(current.eTag)))
    ) {
        throw aksError(
            412,
            'PreconditionFailed',
            `Operation failed because ${what} already exists and If-None-Match was "${ifNoneMatch}".`,
        );
    }
    const ifMatch = request.headers['if-match'];
    if (ifMatch === undefined) {
        return;
    }
    if (!current) {
        throw aksError(412, 'PreconditionFailed', `Operation failed because ${what} does not exist and If-Match was "${ifMatch}".`);
    }
    if (ifMatch.trim() !== '*' && !ifMatch.split(',').some((t) => bare(t) === bare(current.eTag))) {
        throw aksError(
            412,
            'PreconditionFailed',
            `Operation failed because the If-Match eTag ${ifMatch} does not match the current eTag ${current.eTag} of ${what}.`,
        );
    }
}

/** Parses the `{name}` of a path segment back to the user's spelling. */
export function decodeSegment(segment: string): string {
    try {
        return decodeURIComponent(segment);
    } catch {
        return segment;
    }
}
