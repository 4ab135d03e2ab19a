import * as assert from 'assert';
import * as fc from 'fast-check';
import { createEmptyPipeline, createHttpHeaders, createPipelineRequest, HttpClient, PipelineResponse } from '@azure/core-rest-pipeline';
import { authProviderId, AZURE_CLOUD, resolveCloud } from '../../../src/azure/clouds';
import { requestsInFlight, secureArmPipeline, setRequestsInFlight } from '../../../src/azure/requestPolicies';
import { cachedCredential, jwtExpiry, jwtTenant, reuseUntil, TokenCache } from '../../../src/azure/tokenCache';

const jwt = (claims: object): string => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.s`;

describe('Tokens: kept until their expiry is near, one request per tenant and scope', () => {
    it('a token is handed out again until five minutes before it expires, or half its life when it lives less than ten minutes', () => {
        const hour = { token: 't', expiresOnTimestamp: 3_600_000 };
        assert.strictEqual(reuseUntil(hour, 0), 3_600_000 - 300_000);
        const short = { token: 't', expiresOnTimestamp: 12_000 };
        assert.strictEqual(reuseUntil(short, 0), 6_000);
        // An expiry that cannot be read (0) is never reused.
        assert.ok(reuseUntil({ token: 't', expiresOnTimestamp: 0 }, 1000) < 1000);
        fc.assert(
            fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 1, max: 1e9 }), (takenAt, life) => {
                const until = reuseUntil({ token: 't', expiresOnTimestamp: takenAt + life }, takenAt);
                return until < takenAt + life && until >= takenAt;
            }),
        );
    });

    it('reads the expiry and the tenant of a JWT, and nothing of a token that is not one', () => {
        assert.strictEqual(jwtExpiry(jwt({ exp: 1700000000, tid: 'tenant-a' })), 1_700_000_000_000);
        assert.strictEqual(jwtTenant(jwt({ exp: 1700000000, tid: 'tenant-a' })), 'tenant-a');
        assert.strictEqual(jwtExpiry('opaque'), 0);
        assert.strictEqual(jwtTenant('opaque'), undefined);
    });

    it('askers that come at once wait for the same request; a new one is taken once the kept one is near its expiry', async () => {
        let now = 0;
        const cache = new TokenCache(() => now);
        let taken = 0;
        const source = {
            getToken: async (_scopes: string | string[], options?: { tenantId?: string }) => {
                taken++;
                await new Promise((resolve) => setTimeout(resolve, 10));
                return { token: `${options?.tenantId ?? 'home'}-${taken}`, expiresOnTimestamp: now + 12_000 };
            },
        };
        const home = cachedCredential(source, cache, 'cli');
        const guest = cachedCredential(source, cache, 'cli', 'guest');
        const tokens = await Promise.all([...Array(20)].map(() => home.getToken('arm/.default')));
        assert.deepStrictEqual(new Set(tokens.map((t) => t?.token)), new Set(['home-1']));
        assert.strictEqual((await guest.getToken('arm/.default'))?.token, 'guest-2', 'another tenant is its own token');
        assert.strictEqual((await home.getToken('other/.default'))?.token, 'home-3', 'another scope is its own token');
        now = 5_999;
        assert.strictEqual((await home.getToken('arm/.default'))?.token, 'home-1');
        now = 6_000;
        assert.strictEqual((await home.getToken('arm/.default'))?.token, 'home-4');
        assert.strictEqual(taken, 4);
    });

    it("VS Code's public sign-in serves only the public cloud; every other cloud is the sovereign one", () => {
        assert.strictEqual(authProviderId(AZURE_CLOUD), 'microsoft');
        assert.strictEqual(authProviderId(resolveCloud('ChinaCloud', undefined)), 'microsoft-sovereign-cloud');
        assert.strictEqual(authProviderId(resolveCloud('USGovernment', undefined)), 'microsoft-sovereign-cloud');
        assert.strictEqual(
            authProviderId(
                resolveCloud('custom', {
                    name: 'AzureCloud',
                    resourceManagerEndpointUrl: 'https://arm.example/',
                    activeDirectoryEndpointUrl: 'https://login.example/',
                    activeDirectoryResourceId: 'https://arm.example/',
                }),
            ),
            'microsoft-sovereign-cloud',
            'a custom cloud named like the public one is still custom',
        );
    });
});

describe('At most N requests in flight across every client', () => {
    after(() => setRequestsInFlight(undefined));

    it('however many clients send at once, no more than the bound are in flight, and every request is answered', async () => {
        await fc.assert(
            fc.asyncProperty(
                fc.integer({ min: 1, max: 8 }),
                fc.integer({ min: 1, max: 60 }),
                fc.integer({ min: 1, max: 4 }),
                async (bound, requests, clients) => {
                    setRequestsInFlight(bound);
                    let inFlight = 0;
                    let most = 0;
                    const httpClient: HttpClient = {
                        sendRequest: async (request): Promise<PipelineResponse> => {
                            most = Math.max(most, ++inFlight);
                            await new Promise((resolve) => setTimeout(resolve, 1 + (requests % 3)));
                            inFlight--;
                            return { request, status: 200, headers: createHttpHeaders() };
                        },
                    };
                    const pipelines = [...Array(clients)].map(() => {
                        const pipeline = createEmptyPipeline();
                        secureArmPipeline(pipeline, 'https://arm.example/');
                        return pipeline;
                    });
                    const answers = await Promise.all(
                        [...Array(requests)].map((_, i) =>
                            pipelines[i % clients].sendRequest(
                                httpClient,
                                createPipelineRequest({ url: `https://arm.example/subscriptions/${i}`, method: 'GET' }),
                            ),
                        ),
                    );
                    assert.strictEqual(answers.length, requests);
                    assert.ok(most <= bound, `${most} in flight with a bound of ${bound}`);
                    assert.strictEqual(most, Math.min(bound, requests), 'the bound is used, not fewer');
                    assert.strictEqual(requestsInFlight().active, 0);
                },
            ),
            { numRuns: process.env.AKS_TEST_FAST ? 15 : 60 },
        );
    });
});
