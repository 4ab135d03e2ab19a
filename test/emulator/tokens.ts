import * as crypto from 'crypto';
import { armError, Result } from './http';

/**
 * The emulator's token service (Microsoft Entra ID's v1/v2 endpoints and an ADFS authority) and ARM's check of
 * the bearer token on every request: only a token this emulator signed, for an audience ARM accepts, not expired.
 */

export const CLIENT_ID = '5a1d8c2e-7f3b-4e6a-9b0c-1d2e3f4a5b6c';
export const CLIENT_SECRET = 'emulator-client-secret';

/** The audiences ARM accepts, as it lists them in its own 401 message. */
export const ARM_AUDIENCES = [
    'https://management.core.windows.net/',
    'https://management.core.windows.net',
    'https://management.azure.com/',
    'https://management.azure.com',
];

export interface TokenKnobs {
    /** Seconds an issued token lives (`expires_in`, and the `exp` ARM checks). */
    tokenLifetimeSeconds: number;
    /** How far ARM's clock runs ahead of the token service's: past the lifetime, every token arrives expired. */
    armClockSkewSeconds: number;
    /** When set, every token is issued for this audience whatever was asked (a misconfigured cloud). */
    tokenAudience: string;
}

interface Claims {
    readonly aud: string;
    readonly exp: number;
    readonly tid: string;
}

export class TokenService {
    /** Signs the emulator's tokens: a token from anywhere else fails the signature check. */
    private readonly signingKey = crypto.randomBytes(32);
    /** Every access token issued, for the tests that search the product's output for them. */
    readonly issued: string[] = [];

    /** `tenants`: the tenants the identity belongs to, the home tenant first (they change when the emulator is reset). */
    constructor(
        private readonly tenants: () => readonly string[],
        private readonly knobs: TokenKnobs,
    ) {}

    private get tenantId(): string {
        return this.tenants()[0];
    }

    /**
     * The tenant a token request is for: the authority's path names it (Entra ID's `/{tenant}/oauth2/…`); `common`,
     * `organizations`, a domain and ADFS mean the home tenant. A tenant id the identity is not in is Entra ID's
     * AADSTS90002.
     */
    private tenantOfAuthority(segment: string): string | Result {
        const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment);
        if (!guid) {
            return this.tenantId;
        }
        const known = this.tenants().find((t) => t.toLowerCase() === segment.toLowerCase());
        return (
            known ?? {
                status: 400,
                body: {
                    error: 'invalid_request',
                    error_codes: [90002],
                    error_description: `AADSTS90002: Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
                },
            }
        );
    }

    static isTokenPath(pathname: string): boolean {
        return (
            /\/oauth2\/(v2\.0\/)?token$/i.test(pathname) ||
            /\/\.well-known\/openid-configuration$/i.test(pathname) ||
            /^\/common\/discovery\/instance$/i.test(pathname)
        );
    }

    /** Answers the identity endpoints: discovery, OpenID configuration, and the token itself (client credentials). */
    answer(url: URL, method: string, raw: string, origin: string): Result {
        const authority = url.pathname.toLowerCase().startsWith('/adfs') ? `${origin}/adfs` : `${origin}/${url.pathname.split('/')[1]}`;
        if (url.pathname.endsWith('openid-configuration')) {
            const v2 = url.pathname.includes('/v2.0/') ? '/v2.0' : '';
            return {
                status: 200,
                body: {
                    token_endpoint: `${authority}/oauth2${v2}/token`,
                    authorization_endpoint: `${authority}/oauth2${v2}/authorize`,
                    device_authorization_endpoint: `${authority}/oauth2${v2}/devicecode`,
                    end_session_endpoint: `${authority}/oauth2${v2}/logout`,
                    issuer: `${authority}${v2}`,
                    jwks_uri: `${authority}/discovery${v2}/keys`,
                    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
                    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
                    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
                    tenant_region_scope: 'NA',
                },
            };
        }
        if (url.pathname.endsWith('/discovery/instance')) {
            return {
                status: 200,
                body: {
                    tenant_discovery_endpoint: `${origin}/${this.tenantId}/v2.0/.well-known/openid-configuration`,
                    'api-version': '1.1',
                    metadata: [],
                },
            };
        }
        if (method !== 'POST') {
            return { status: 405, body: { error: 'invalid_request', error_description: 'Use POST.' } };
        }
        const form = new URLSearchParams(raw);
        if (form.get('client_id') !== CLIENT_ID || form.get('client_secret') !== CLIENT_SECRET) {
            return {
                status: 401,
                body: {
                    error: 'invalid_client',
                    error_description: `AADSTS7000215: Invalid client secret provided for application '${form.get('client_id') ?? ''}'.`,
                    error_codes: [7000215],
                },
            };
        }
        // v2 asks for scopes (`<resource>/.default`), v1 and ADFS for a resource: the token is for that audience.
        const scope = (form.get('scope') ?? '').split(' ').find((s) => s.endsWith('/.default'));
        const audience = scope ? scope.slice(0, -'.default'.length) : (form.get('resource') ?? '');
        const tenant = this.tenantOfAuthority(url.pathname.split('/')[1] ?? '');
        if (typeof tenant !== 'string') {
            return tenant;
        }
        return { status: 200, body: this.issue(this.knobs.tokenAudience || audience.replace(/\/+$/, '/'), `${authority}/`, tenant) };
    }

    /** A signed token for an audience, living as long as the knob says. */
    issue(
        audience: string,
        issuer: string,
        tenantId = this.tenantId,
    ): { token_type: string; expires_in: number; ext_expires_in: number; access_token: string } {
        const now = Math.floor(Date.now() / 1000);
        const lifetime = this.knobs.tokenLifetimeSeconds;
        const claims = {
            aud: audience,
            iss: issuer,
            iat: now,
            nbf: now,
            exp: now + lifetime,
            appid: CLIENT_ID,
            oid: CLIENT_ID,
            sub: CLIENT_ID,
            tid: tenantId,
            ver: '1.0',
        };
        const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
        const unsigned = `${b64({ typ: 'JWT', alg: 'HS256' })}.${b64(claims)}`;
        const token = `${unsigned}.${this.sign(unsigned)}`;
        this.issued.push(token);
        return { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: token };
    }

    /** ARM's check of the Authorization header; throws the 401 ARM answers. Returns the tenant the token is from. */
    verify(authorization: string | undefined): string {
        const challenge = (description: string): Record<string, string> => ({
            'www-authenticate': `Bearer authorization_uri="https://login.microsoftonline.com/${this.tenantId}", error="invalid_token", error_description="${description}"`,
        });
        const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
        if (!match) {
            throw armError(
                401,
                'AuthenticationFailed',
                "Authentication failed. The 'Authorization' header is missing.",
                challenge("The authentication failed because of missing 'Authorization' header."),
            );
        }
        const claims = this.read(match[1]);
        if (!claims) {
            throw armError(401, 'InvalidAuthenticationToken', 'The access token is invalid.', challenge('The access token is invalid.'));
        }
        if (!ARM_AUDIENCES.includes(claims.aud)) {
            throw armError(
                401,
                'InvalidAuthenticationTokenAudience',
                `The access token has been obtained for wrong audience or resource '${claims.aud}'. It should exactly match with one of the allowed audiences ${ARM_AUDIENCES.map((a) => `'${a}'`).join(',')}.`,
                challenge('The access token has been obtained for wrong audience.'),
            );
        }
        const now = Math.floor(Date.now() / 1000) + this.knobs.armClockSkewSeconds;
        if (claims.exp <= now) {
            throw armError(
                401,
                'ExpiredAuthenticationToken',
                `The access token expiry UTC time '${new Date(claims.exp * 1000).toUTCString()}' is earlier than current UTC time '${new Date(now * 1000).toUTCString()}'.`,
                challenge('The access token expiry UTC time is earlier than current UTC time.'),
            );
        }
        if (!this.tenants().includes(claims.tid)) {
            throw wrongIssuer(claims.tid, this.tenantId);
        }
        return claims.tid;
    }

    private sign(unsigned: string): string {
        return crypto.createHmac('sha256', this.signingKey).update(unsigned).digest('base64url');
    }

    private read(token: string): Claims | undefined {
        const parts = token.split('.');
        if (parts.length !== 3) {
            return undefined;
        }
        const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
        const given = Buffer.from(parts[2]);
        if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) {
            return undefined;
        }
        try {
            const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Claims;
            return typeof claims.aud === 'string' && typeof claims.exp === 'number' ? claims : undefined;
        } catch {
            return undefined;
        }
    }
}

/**
 * ARM's 401 for a token from another tenant than the subscription's, word for word as ARM sends it (seen in
 * Azure/azure-sdk-for-python#38382, microsoft/vscode-azureappservice#2095, Azure/LogicAppsUX#9068).
 */
export function wrongIssuer(tokenTenant: string, subscriptionTenant: string): Error {
    return armError(
        401,
        'InvalidAuthenticationTokenTenant',
        `The access token is from the wrong issuer 'https://sts.windows.net/${tokenTenant}/'. It must match the tenant 'https://sts.windows.net/${subscriptionTenant}/' ` +
            `associated with this subscription. Please use the authority (URL) 'https://login.windows.net/${subscriptionTenant}' to get the token. Note, if the subscription ` +
            'is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). ' +
            'If you just transferred your subscription and see this error message, please try back later.',
        {
            'www-authenticate': `Bearer authorization_uri="https://login.windows.net/${subscriptionTenant}", error="invalid_token", error_description="The access token is from the wrong issuer."`,
        },
    );
}
