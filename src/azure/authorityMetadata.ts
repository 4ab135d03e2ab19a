import * as fs from 'fs';
import * as path from 'path';
import type { PipelinePolicy, PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline';

/** An authority's OpenID configuration as it was answered, and when. */
export interface KeptMetadata {
    readonly body: string;
    readonly savedAt: number;
}

/** Where the authorities' metadata is kept between windows (VS Code's global state, never a workspace's). */
export interface MetadataStore {
    get(): Readonly<Record<string, KeptMetadata>> | undefined;
    set(value: Readonly<Record<string, KeptMetadata>>): Thenable<void> | void;
}

/** How long a configuration is used before it is asked again. */
const KEEP_MS = 24 * 60 * 60_000;

/** Every configuration this process read, by URL: a new credential (after a refresh or a settings change) asks none again. */
const kept = new Map<string, KeptMetadata>();

/**
 * MSAL asks the authority for its OpenID configuration (where its token endpoint is) before every first token of
 * a new credential: a round trip before the sign-in's own. The configuration is public and changes seldom; it is
 * kept a day, by its URL, and answered from there. Only a configuration whose token endpoint is on the authority's
 * own origin is kept or used (that endpoint receives the credential's secret), and nothing else is answered here.
 */
export function authorityMetadataPolicy(
    store: MetadataStore | undefined,
    headersOf: (json: Record<string, string>) => PipelineResponse['headers'],
): PipelinePolicy {
    return {
        name: 'aksSnapshotsAuthorityMetadata',
        sendRequest: async (request: PipelineRequest, next): Promise<PipelineResponse> => {
            const url = new URL(request.url);
            if (request.method !== 'GET' || !/\/\.well-known\/openid-configuration$/i.test(url.pathname)) {
                return next(request);
            }
            const held = kept.get(request.url) ?? store?.get()?.[request.url];
            if (held && Date.now() - held.savedAt < KEEP_MS && pointsAtItsAuthority(held.body, url)) {
                kept.set(request.url, held);
                return { request, status: 200, headers: headersOf({ 'content-type': 'application/json' }), bodyAsText: held.body };
            }
            const response = await next(request);
            if (response.status === 200 && response.bodyAsText && pointsAtItsAuthority(response.bodyAsText, url)) {
                const entry = { body: response.bodyAsText, savedAt: Date.now() };
                kept.set(request.url, entry);
                const fresh = Object.entries(store?.get() ?? {}).filter(([, e]) => Date.now() - e.savedAt < KEEP_MS);
                await Promise.resolve(store?.set({ ...Object.fromEntries(fresh), [request.url]: entry })).catch(() => undefined);
            }
            return response;
        },
    };
}

/**
 * A store in a file of its own (in the extension's global storage folder, with the user's profile on disk, never a
 * workspace's): read once, written whole. What is not a kept configuration is ignored.
 */
export function fileMetadataStore(file: string): MetadataStore {
    let read: Record<string, KeptMetadata> | undefined;
    let wasRead = false;
    return {
        get: () => {
            if (!wasRead) {
                wasRead = true;
                try {
                    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Partial<KeptMetadata>>;
                    read = Object.fromEntries(
                        Object.entries(parsed).filter(
                            (entry): entry is [string, KeptMetadata] =>
                                typeof entry[1]?.body === 'string' && typeof entry[1].savedAt === 'number',
                        ),
                    );
                } catch {
                    read = undefined;
                }
            }
            return read;
        },
        set: async (value) => {
            read = { ...value };
            wasRead = true;
            await fs.promises.mkdir(path.dirname(file), { recursive: true });
            await fs.promises.writeFile(file, JSON.stringify(value));
        },
    };
}

/** Forgets what this process kept (a test starts from a first sign-in). */
export function forgetAuthorityMetadata(): void {
    kept.clear();
}

/** The configuration's token endpoint is on the origin it was asked of. */
function pointsAtItsAuthority(body: string, asked: URL): boolean {
    try {
        const tokenEndpoint = (JSON.parse(body) as { token_endpoint?: unknown }).token_endpoint;
        return typeof tokenEndpoint === 'string' && new URL(tokenEndpoint).origin === asked.origin;
    } catch {
        return false;
    }
}
