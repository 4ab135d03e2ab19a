import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';

/** The longest a token is kept before its expiry is near: five minutes before it, as the Azure SDK refreshes. */
const REFRESH_BEFORE_MS = 5 * 60_000;

/**
 * When a token taken at `takenAt` stops being handed out: five minutes before it expires, or halfway through its
 * life when it lives less than ten minutes, so that no request leaves with a token about to expire.
 */
export function reuseUntil(token: AccessToken, takenAt: number): number {
    const life = token.expiresOnTimestamp - takenAt;
    return token.expiresOnTimestamp - Math.min(REFRESH_BEFORE_MS, life / 2);
}

/** An access token's claims (Entra ID's tokens are JWTs); none when it cannot be read. */
function claimsOf(token: string): { exp?: unknown; tid?: unknown } {
    try {
        return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown; tid?: unknown };
    } catch {
        return {};
    }
}

/** When an access token expires, from its `exp` claim; 0 when it cannot be read (then it is never kept). */
export function jwtExpiry(token: string): number {
    const { exp } = claimsOf(token);
    return typeof exp === 'number' ? exp * 1000 : 0;
}

/** The tenant an access token is from (its `tid` claim). */
export function jwtTenant(token: string | undefined): string | undefined {
    const { tid } = claimsOf(token ?? '');
    return typeof tid === 'string' ? tid : undefined;
}

/**
 * Tokens by tenant and scope, each kept until its expiry is near, for every subscription and request at once:
 * one request for a token per tenant and scope (an `az` process, a VS Code session lookup), and askers that come
 * while it runs wait for the same one.
 */
export class TokenCache {
    private readonly kept = new Map<string, { readonly token: AccessToken; readonly until: number }>();
    private readonly taking = new Map<string, Promise<AccessToken>>();

    constructor(private readonly now: () => number = Date.now) {}

    get(key: string, take: () => Promise<AccessToken>): Promise<AccessToken> {
        const kept = this.kept.get(key);
        if (kept && this.now() < kept.until) {
            return Promise.resolve(kept.token);
        }
        let taking = this.taking.get(key);
        if (!taking) {
            const takenAt = this.now();
            taking = take()
                .then((token) => {
                    this.kept.set(key, { token, until: reuseUntil(token, takenAt) });
                    return token;
                })
                .finally(() => this.taking.delete(key));
            this.taking.set(key, taking);
        }
        return taking;
    }

    clear(): void {
        this.kept.clear();
    }
}

/**
 * A credential for one tenant that takes its tokens through the cache: `credential` is asked with that tenant
 * (`GetTokenOptions.tenantId`) at most once per scope until the token's expiry is near.
 */
export function cachedCredential(credential: TokenCredential, cache: TokenCache, keyPrefix: string, tenantId?: string): TokenCredential {
    return {
        getToken: async (scopes: string | string[]): Promise<AccessToken | null> => {
            const scopeKey = (Array.isArray(scopes) ? scopes : [scopes]).join(' ');
            return cache.get(`${keyPrefix}|${tenantId ?? ''}|${scopeKey}`, async () => {
                // Shared by every asker: no one asker's cancellation ends it.
                const options: GetTokenOptions | undefined = tenantId ? { tenantId } : undefined;
                const token = await credential.getToken(scopes, options);
                if (!token) {
                    throw new Error('No token was handed out.');
                }
                return token;
            });
        },
    };
}
