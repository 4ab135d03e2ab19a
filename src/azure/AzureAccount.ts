import * as l10n from '@vscode/l10n';
import type { TokenCredential } from '@azure/core-auth';
import type { Subscription } from '../model/aks';
import { listSubscriptionsWith } from './armLists';
import { authorityMetadataPolicy, MetadataStore } from './authorityMetadata';
import { armScope, authProviderId, AzureCloud } from './clouds';
import { loadIdentity } from './loadSdk';
import { DEFAULT_LIMITS, RequestLimits } from './requestPolicies';
import { cachedCredential, jwtTenant, TokenCache } from './tokenCache';
import type { Account, TenantToSignIn, VSCodeSignIn } from './VSCodeSignIn';

/** How the product gets its Azure tokens (setting `aksSnapshots.authentication`). */
export type AuthenticationMode = 'vscode' | 'azureCli' | 'environment';

export interface AccountSettings {
    readonly mode: AuthenticationMode;
    readonly cloud: AzureCloud;
    /** `tenantId/subscriptionId` entries; empty shows every subscription. */
    readonly selectedSubscriptions: readonly string[];
    /** Token settings the workspace sets (ignored; see `refuseWorkspaceCloud`). */
    readonly workspaceOverrides?: readonly string[];
    /** How long one request may take (`aksSnapshots.requestTimeoutSeconds`). */
    readonly requestTimeoutSeconds?: number;
    /** How many requests may be in flight at once, across subscriptions (`aksSnapshots.maxRequestsInFlight`). */
    readonly maxRequestsInFlight?: number;
}

/** A subscription with what it takes to call it. */
export interface AzureSession {
    readonly subscription: Subscription;
    readonly credential: TokenCredential;
    readonly cloud: AzureCloud;
    /** The VS Code account it is reached through (the `vscode` sign-in only). */
    readonly account?: Account;
}

/** What the account reaches: its subscriptions, and the tenants that need a sign-in of their own first. */
export interface AccountContents {
    readonly sessions: AzureSession[];
    readonly tenantsToSignIn: readonly TenantToSignIn[];
    /** The VS Code accounts listed (the `vscode` sign-in only), by name. */
    readonly accounts?: readonly Account[];
}

/** Signs in and lists subscriptions, whichever credential the user chose. */
export class AzureAccount {
    /** Tokens by tenant and scope, shared by every subscription and request (one `az` or VS Code lookup per tenant and scope). */
    private readonly tokens = new TokenCache();

    /** `metadata`: where the authority's OpenID configuration is kept between windows (the `environment` sign-in's MSAL asks it). */
    constructor(
        private readonly readSettings: () => AccountSettings,
        private readonly env: NodeJS.ProcessEnv = process.env,
        private readonly metadata?: MetadataStore,
    ) {}

    get settings(): AccountSettings {
        return this.readSettings();
    }

    /** The limits every request runs under, from the settings (the bound on requests in flight is set where settings change). */
    get limits(): RequestLimits {
        const { requestTimeoutSeconds: seconds } = this.settings;
        return seconds && seconds > 0 ? { ...DEFAULT_LIMITS, timeoutMs: seconds * 1000 } : DEFAULT_LIMITS;
    }

    /**
     * What the view's first rows wait for, taken ahead: the credentials' bundle, and in the `environment` sign-in the
     * service principal's token (kept as every token is; the `azureCli` sign-in takes its token when the sign-in is
     * checked). A failure here is the listing's to report.
     */
    async prepare(): Promise<void> {
        await loadIdentity();
        const { mode, cloud } = this.settings;
        if (mode === 'environment' && hasEnvironmentCredential(this.env)) {
            await cachedCredential(await this.environmentCredential(), this.tokens, mode).getToken(armScope(cloud));
        }
    }

    /** Forgets every token: after sign-in, sign-out or a settings change. */
    forget(): void {
        this.tokens.clear();
        this.vscodeSignInFor = undefined;
    }

    async isSignedIn(): Promise<boolean> {
        const { mode } = this.settings;
        if (mode === 'environment') {
            return hasEnvironmentCredential(this.env);
        }
        if (mode === 'azureCli') {
            // The CLI is signed in when it can hand out an ARM token (kept: the listing then uses the same one).
            try {
                await cachedCredential(await this.cliCredential(), this.tokens, mode).getToken(armScope(this.settings.cloud));
                return true;
            } catch {
                return false;
            }
        }
        this.refuseWorkspaceCloud();
        return (await this.vscodeSignIn()).isSignedIn();
    }

    /**
     * VS Code's sovereign-cloud sign-in takes its authority from `microsoft-sovereign-cloud.*` in every scope, the
     * workspace's too: while a workspace sets them and the user's cloud needs that sign-in, it is not used, so that a
     * folder can never choose where the token goes. The public cloud's sign-in does not read them: it goes on.
     */
    private refuseWorkspaceCloud(): void {
        const cloudSettings = (this.settings.workspaceOverrides ?? []).filter((name) => name.startsWith('microsoft-sovereign-cloud.'));
        if (cloudSettings.length > 0 && authProviderId(this.settings.cloud) === 'microsoft-sovereign-cloud') {
            throw new Error(
                l10n.t(
                    'This workspace sets {0}, which would decide where VS Code\'s sign-in sends your token; remove it from the workspace settings, or sign in with "azureCli" or "environment".',
                    cloudSettings.join(', '),
                ),
            );
        }
    }

    /**
     * Starts VS Code's Microsoft sign-in (to a tenant, with an account, when given), at the user's cloud only; the
     * other modes are signed in outside the editor.
     */
    async signInWithVSCode(tenantId?: string, account?: Account): Promise<boolean> {
        this.refuseWorkspaceCloud();
        return (await this.vscodeSignIn()).signIn(tenantId, account);
    }

    /** Whether VS Code's sessions changed what `listed` holds (true when unknown: the `vscode` sign-in not listed yet). */
    async signInChangedSince(listed: AccountContents | undefined): Promise<boolean> {
        if (this.settings.mode !== 'vscode' || !listed?.accounts) {
            return true;
        }
        return (await this.vscodeSignIn()).changedSince(listed.accounts, listed.tenantsToSignIn);
    }

    async listSubscriptions(): Promise<AzureSession[]> {
        return (await this.listAccount()).sessions;
    }

    /**
     * The subscriptions the filter (`azureResourceGroups.selectedSubscriptions`) lets through, by name, and the
     * tenants that need a sign-in first. `unfiltered`: every subscription (to choose the filter from).
     */
    async listAccount(unfiltered = false): Promise<AccountContents> {
        const { mode, cloud } = this.settings;
        const selected = unfiltered ? [] : this.settings.selectedSubscriptions;
        const limits = this.limits;
        const byName = (sessions: AzureSession[]): AzureSession[] =>
            sessions
                .filter((s) => isSelected(selected, s.subscription.tenantId, s.subscription.subscriptionId))
                .sort((a, b) => a.subscription.name.localeCompare(b.subscription.name));
        if (mode === 'vscode') {
            this.refuseWorkspaceCloud();
            const tenantFilter = [...new Set(selected.filter((entry) => entry.includes('/')).map((entry) => entry.split('/')[0]))];
            const { accounts, subscriptions, tenantsToSignIn } = await (await this.vscodeSignIn()).list(tenantFilter);
            return { sessions: byName(subscriptions.map((s) => ({ ...s, cloud }))), tenantsToSignIn, accounts };
        }
        const credential = mode === 'environment' ? await this.environmentCredential() : await this.cliCredential();
        const listing = cachedCredential(credential, this.tokens, mode);
        const subscriptions = await listSubscriptionsWith(listing, cloud, limits);
        // The listing's token (kept, so no new one is taken) says its tenant: those subscriptions use that token,
        // others their own tenant's, each through the one cache (one `az` per tenant and scope).
        const home = jwtTenant((await listing.getToken(armScope(cloud)))?.token);
        const credentialOf = (tenantId: string): TokenCredential =>
            !tenantId || tenantId === home ? listing : cachedCredential(credential, this.tokens, mode, tenantId);
        return {
            sessions: byName(
                subscriptions.map((subscription) => ({ subscription, credential: credentialOf(subscription.tenantId), cloud })),
            ),
            tenantsToSignIn: [],
        };
    }

    private vscodeSignInFor: { readonly key: string; readonly signIn: Promise<VSCodeSignIn> } | undefined;

    /** VS Code's sign-in for the user's cloud (made again when the cloud changes). */
    private vscodeSignIn(): Promise<VSCodeSignIn> {
        const { cloud } = this.settings;
        const key = JSON.stringify(cloud);
        if (this.vscodeSignInFor?.key !== key) {
            this.vscodeSignInFor = {
                key,
                signIn: import('./VSCodeSignIn').then(({ VSCodeSignIn }) => new VSCodeSignIn(cloud, this.tokens, this.limits)),
            };
        }
        return this.vscodeSignInFor.signIn;
    }

    private async environmentCredential(): Promise<TokenCredential> {
        if (!hasEnvironmentCredential(this.env)) {
            throw new Error(
                l10n.t(
                    'Set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH) to sign in with a service principal.',
                ),
            );
        }
        const { cloud } = this.settings;
        const { ClientCertificateCredential, ClientSecretCredential, createHttpHeaders } = await loadIdentity();
        const {
            AZURE_TENANT_ID: tenantId = '',
            AZURE_CLIENT_ID: clientId = '',
            AZURE_CLIENT_SECRET: secret,
            AZURE_CLIENT_CERTIFICATE_PATH: certificatePath,
        } = this.env;
        const options = {
            authorityHost: this.env.AZURE_AUTHORITY_HOST || cloud.activeDirectoryEndpointUrl,
            // A custom cloud's authority is not known to Microsoft's instance discovery.
            disableInstanceDiscovery: cloud.isCustomCloud,
            additionalPolicies: [{ policy: authorityMetadataPolicy(this.metadata, createHttpHeaders), position: 'perCall' as const }],
        };
        return secret
            ? new ClientSecretCredential(tenantId, clientId, secret, options)
            : new ClientCertificateCredential(
                  tenantId,
                  clientId,
                  { certificatePath: certificatePath ?? '', certificatePassword: this.env.AZURE_CLIENT_CERTIFICATE_PASSWORD },
                  options,
              );
    }

    private async cliCredential(): Promise<TokenCredential> {
        const { AzureCliCredential } = await loadIdentity();
        return new AzureCliCredential();
    }
}

export function hasEnvironmentCredential(env: NodeJS.ProcessEnv): boolean {
    return !!env.AZURE_TENANT_ID && !!env.AZURE_CLIENT_ID && (!!env.AZURE_CLIENT_SECRET || !!env.AZURE_CLIENT_CERTIFICATE_PATH);
}

function isSelected(selected: readonly string[], tenantId: string | undefined, subscriptionId: string): boolean {
    return (
        selected.length === 0 ||
        selected.some((entry) => {
            const [tenant, subscription] = entry.includes('/') ? entry.split('/') : [undefined, entry];
            return subscription === subscriptionId && (!tenant || tenant === tenantId);
        })
    );
}
