import type { AccessToken, TokenCredential } from '@azure/core-auth';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Subscription } from '../model/aks';
import { listSubscriptionsWith, listTenantsWith, Tenant } from './armLists';
import { armScope, authProviderId, AzureCloud } from './clouds';
import type { RequestLimits } from './requestPolicies';
import { cachedCredential, jwtExpiry, TokenCache } from './tokenCache';

export type Account = vscode.AuthenticationSessionAccountInformation;

/** A tenant the account belongs to but holds no session for yet (multi-factor, a guest directory): it needs a sign-in of its own. */
export interface TenantToSignIn extends Tenant {
    readonly account: Account;
}

export interface SignedInSubscription {
    readonly subscription: Subscription;
    readonly credential: TokenCredential;
    readonly account: Account;
}

/**
 * VS Code's own Microsoft sign-in, with the cloud, authority and scope taken from the user's settings only:
 * the provider is the one for that cloud, every session is asked for that cloud's ARM scope and a named tenant,
 * and every token is asked of VS Code when needed (kept until its expiry is near), never held from the listing.
 * Tenant and subscription lists go through the product's own pipeline.
 *
 * (`@microsoft/vscode-azext-azureauth`'s provider is not used: it takes its provider and scope from settings a
 * workspace can set, holds one token per subscription, and reads its lists outside the product's guards.)
 */
export class VSCodeSignIn {
    constructor(
        private readonly cloud: AzureCloud,
        private readonly cache: TokenCache,
        private readonly limits: RequestLimits,
    ) {}

    get providerId(): string {
        return authProviderId(this.cloud);
    }

    /** The accounts signed in to VS Code's Microsoft sign-in for this cloud, by name. */
    async accounts(): Promise<Account[]> {
        return [...(await vscode.authentication.getAccounts(this.providerId))].sort((a, b) => a.label.localeCompare(b.label));
    }

    async isSignedIn(): Promise<boolean> {
        for (const account of await this.accounts()) {
            if (await this.session(account, undefined, [armScope(this.cloud)])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Asks VS Code to sign in (to a tenant, with an account, when given): VS Code asks the person, in its own
     * dialogs. True when a session came back.
     */
    async signIn(tenantId?: string, account?: Account): Promise<boolean> {
        const session = await vscode.authentication.getSession(
            this.providerId,
            this.scopes([armScope(this.cloud)], tenantId),
            account ? { createIfNone: true, account } : { createIfNone: true, clearSessionPreference: true },
        );
        this.cache.clear();
        return !!session;
    }

    /** A credential for the account in a tenant (its home tenant when none): each token comes from VS Code when needed. */
    credential(account: Account, tenantId?: string): TokenCredential {
        const fromVSCode: TokenCredential = {
            getToken: async (scopes: string | string[]): Promise<AccessToken> => {
                const session = await this.session(account, tenantId, Array.isArray(scopes) ? scopes : [scopes]);
                if (!session) {
                    throw new Error(
                        l10n.t(
                            '{0} is no longer signed in to VS Code for tenant {1}: sign in again, then refresh.',
                            account.label,
                            tenantId ?? account.label,
                        ),
                    );
                }
                return { token: session.accessToken, expiresOnTimestamp: jwtExpiry(session.accessToken) };
            },
        };
        return cachedCredential(fromVSCode, this.cache, `vscode|${this.providerId}|${account.id}`, tenantId);
    }

    /**
     * Every subscription each account reaches, in every tenant the tenant filter lets through, once each (the first
     * account by name keeps a subscription two accounts reach), and the tenants that need a sign-in of their own.
     */
    async list(
        tenantFilter: readonly string[],
    ): Promise<{ accounts: Account[]; subscriptions: SignedInSubscription[]; tenantsToSignIn: TenantToSignIn[] }> {
        const accounts = await this.accounts();
        const perAccount = await Promise.all(
            accounts.map(async (account) => {
                const tenants = (await listTenantsWith(this.credential(account), this.cloud, this.limits)).filter(
                    (t) => tenantFilter.length === 0 || tenantFilter.some((f) => f.toLowerCase() === t.tenantId.toLowerCase()),
                );
                const perTenant = await Promise.all(
                    tenants.map(async (tenant) => {
                        // The token that says the tenant has a session is kept, and lists its subscriptions.
                        const credential = this.credential(account, tenant.tenantId);
                        if (!(await credential.getToken(armScope(this.cloud)).then(Boolean, () => false))) {
                            return { subscriptions: [], toSignIn: [{ ...tenant, account }] };
                        }
                        const subscriptions = await listSubscriptionsWith(credential, this.cloud, this.limits);
                        return {
                            subscriptions: subscriptions.map((subscription) => ({ subscription, credential, account })),
                            toSignIn: [],
                        };
                    }),
                );
                return { subscriptions: perTenant.flatMap((t) => t.subscriptions), toSignIn: perTenant.flatMap((t) => t.toSignIn) };
            }),
        );
        const seen = new Set<string>();
        const subscriptions = perAccount
            .flatMap((a) => a.subscriptions)
            .filter((s) => {
                const key = s.subscription.subscriptionId.toLowerCase();
                return !seen.has(key) && !!seen.add(key);
            });
        return { accounts, subscriptions, tenantsToSignIn: perAccount.flatMap((a) => a.toSignIn) };
    }

    /**
     * Whether a change of VS Code's sessions changes what the tree shows: an account signed in or out since
     * `accounts` were listed, or a tenant that waited for its sign-in now signed in. A token VS Code renewed does not.
     */
    async changedSince(accounts: readonly Account[], tenantsToSignIn: readonly TenantToSignIn[]): Promise<boolean> {
        const now = await this.accounts();
        if (now.map((a) => a.id).join('\n') !== accounts.map((a) => a.id).join('\n')) {
            return true;
        }
        for (const tenant of tenantsToSignIn) {
            if (await this.session(tenant.account, tenant.tenantId, [armScope(this.cloud)])) {
                return true;
            }
        }
        return false;
    }

    private session(
        account: Account,
        tenantId: string | undefined,
        scopes: readonly string[],
    ): Thenable<vscode.AuthenticationSession | undefined> {
        return vscode.authentication.getSession(this.providerId, this.scopes(scopes, tenantId), { silent: true, account });
    }

    private scopes(scopes: readonly string[], tenantId?: string): string[] {
        return [...scopes, ...(tenantId ? [`VSCODE_TENANT:${tenantId}`] : [])];
    }
}

/**
 * Calls `onChange` (once per burst) when an account signs in or out of the sign-in the current settings use,
 * wherever that happened: the Accounts menu, another extension, this one.
 */
export function onDidChangeSignIn(providerIdNow: () => string | undefined, onChange: () => void): vscode.Disposable {
    let timer: NodeJS.Timeout | undefined;
    const listener = vscode.authentication.onDidChangeSessions((e) => {
        if (e.provider.id !== providerIdNow()) {
            return;
        }
        clearTimeout(timer);
        timer = setTimeout(onChange, 200);
    });
    return {
        dispose: () => {
            clearTimeout(timer);
            listener.dispose();
        },
    };
}
