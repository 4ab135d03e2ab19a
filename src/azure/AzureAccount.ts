import * as l10n from '@vscode/l10n';
import type { TokenCredential } from '@azure/core-auth';
import type { VSCodeAzureSubscriptionProvider } from '@microsoft/vscode-azext-azureauth';
import type { Subscription } from '../model/aks';
import { armScope, AzureCloud } from './clouds';
import { loadSdk } from './loadSdk';
import { PageGuard, secureArmPipeline } from './requestPolicies';

/** How the product gets its Azure tokens (setting `aksSnapshots.authentication`). */
export type AuthenticationMode = 'vscode' | 'azureCli' | 'environment';

export interface AccountSettings {
    readonly mode: AuthenticationMode;
    readonly cloud: AzureCloud;
    /** `tenantId/subscriptionId` entries; empty shows every subscription. */
    readonly selectedSubscriptions: readonly string[];
    /** Token settings the workspace sets (ignored); VS Code's own sign-in would read them, so it is not used while any is set. */
    readonly workspaceOverrides?: readonly string[];
    /** How long one request may take (`aksSnapshots.requestTimeoutSeconds`). */
    readonly requestTimeoutSeconds?: number;
}

/** A subscription with what it takes to call it. */
export interface AzureSession {
    readonly subscription: Subscription;
    readonly credential: TokenCredential;
    readonly cloud: AzureCloud;
}

/** Signs in and lists subscriptions, whichever credential the user chose. */
export class AzureAccount {
    constructor(private readonly readSettings: () => AccountSettings, private readonly env: NodeJS.ProcessEnv = process.env) {}

    get settings(): AccountSettings {
        return this.readSettings();
    }

    async isSignedIn(): Promise<boolean> {
        const { mode } = this.settings;
        if (mode === 'environment') {
            return hasEnvironmentCredential(this.env);
        }
        if (mode === 'azureCli') {
            // The CLI is signed in when it can hand out an ARM token.
            try {
                await (await this.cliCredential()).getToken(armScope(this.settings.cloud));
                return true;
            } catch {
                return false;
            }
        }
        this.refuseWorkspaceCloud();
        return (await this.vscodeProvider()).isSignedIn();
    }

    /**
     * VS Code's Microsoft sign-in library reads the cloud settings from every scope, the workspace's too: while a
     * workspace sets them, that sign-in is not used, so that a folder can never choose where the token goes.
     */
    private refuseWorkspaceCloud(): void {
        const cloudSettings = (this.settings.workspaceOverrides ?? []).filter((name) => name.startsWith('microsoft-sovereign-cloud.'));
        if (cloudSettings.length > 0) {
            throw new Error(l10n.t('This workspace sets {0}, which would decide where VS Code\'s sign-in sends your token; remove it from the workspace settings, or sign in with "azureCli" or "environment".', cloudSettings.join(', ')));
        }
    }

    /** Starts VS Code's Microsoft sign-in; the other modes are signed in outside the editor. */
    async signInWithVSCode(): Promise<boolean> {
        return (await this.vscodeProvider()).signIn();
    }

    async listSubscriptions(): Promise<AzureSession[]> {
        const { mode, cloud, selectedSubscriptions } = this.settings;
        if (mode === 'vscode') {
            this.refuseWorkspaceCloud();
            const subscriptions = await (await this.vscodeProvider()).getSubscriptions(true);
            return subscriptions.map((s) => ({
                subscription: { subscriptionId: s.subscriptionId, name: s.name, tenantId: s.tenantId },
                credential: s.credential,
                cloud,
            }));
        }
        const credential = mode === 'environment' ? await this.environmentCredential() : await this.cliCredential();
        const { SubscriptionClient, subscriptionsNextLink } = await loadSdk();
        const client = new SubscriptionClient(credential, { endpoint: cloud.resourceManagerEndpointUrl, credentialScopes: [armScope(cloud)] });
        secureArmPipeline(client.pipeline, cloud.resourceManagerEndpointUrl);
        const sessions: AzureSession[] = [];
        const pages = new PageGuard('subscriptions', cloud.resourceManagerEndpointUrl);
        for await (const page of client.subscriptions.list().byPage()) {
            for (const s of page) {
                if (s.subscriptionId && s.state !== 'Disabled' && isSelected(selectedSubscriptions, s.tenantId, s.subscriptionId)) {
                    sessions.push({
                        subscription: { subscriptionId: s.subscriptionId, name: s.displayName ?? s.subscriptionId, tenantId: s.tenantId ?? '' },
                        credential,
                        cloud,
                    });
                }
            }
            const next = subscriptionsNextLink(page);
            if (next) {
                pages.next(next);
            }
        }
        return sessions.sort((a, b) => a.subscription.name.localeCompare(b.subscription.name));
    }

    private vscodeProviderPromise: Promise<VSCodeAzureSubscriptionProvider> | undefined;

    private vscodeProvider(): Promise<VSCodeAzureSubscriptionProvider> {
        this.vscodeProviderPromise ??= loadSdk().then((sdk) => sdk.createVSCodeSubscriptionProvider());
        return this.vscodeProviderPromise;
    }

    private async environmentCredential(): Promise<TokenCredential> {
        if (!hasEnvironmentCredential(this.env)) {
            throw new Error(l10n.t('Set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH) to sign in with a service principal.'));
        }
        const { cloud } = this.settings;
        const { ClientCertificateCredential, ClientSecretCredential } = await loadSdk();
        const { AZURE_TENANT_ID: tenantId = '', AZURE_CLIENT_ID: clientId = '', AZURE_CLIENT_SECRET: secret, AZURE_CLIENT_CERTIFICATE_PATH: certificatePath } = this.env;
        const options = {
            authorityHost: this.env.AZURE_AUTHORITY_HOST || cloud.activeDirectoryEndpointUrl,
            // A custom cloud's authority is not known to Microsoft's instance discovery.
            disableInstanceDiscovery: cloud.isCustomCloud,
        };
        return secret
            ? new ClientSecretCredential(tenantId, clientId, secret, options)
            : new ClientCertificateCredential(tenantId, clientId, { certificatePath: certificatePath ?? '', certificatePassword: this.env.AZURE_CLIENT_CERTIFICATE_PASSWORD }, options);
    }

    private async cliCredential(): Promise<TokenCredential> {
        const { AzureCliCredential } = await loadSdk();
        return new AzureCliCredential();
    }
}

export function hasEnvironmentCredential(env: NodeJS.ProcessEnv): boolean {
    return !!env.AZURE_TENANT_ID && !!env.AZURE_CLIENT_ID && (!!env.AZURE_CLIENT_SECRET || !!env.AZURE_CLIENT_CERTIFICATE_PATH);
}

function isSelected(selected: readonly string[], tenantId: string | undefined, subscriptionId: string): boolean {
    return selected.length === 0 || selected.some((entry) => {
        const [tenant, subscription] = entry.includes('/') ? entry.split('/') : [undefined, entry];
        return subscription === subscriptionId && (!tenant || tenant === tenantId);
    });
}
