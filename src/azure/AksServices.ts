import * as l10n from '@vscode/l10n';
import type { AccountContents, AzureAccount, AzureSession } from './AzureAccount';
import { AksService } from './AksService';
import type { TenantToSignIn } from './VSCodeSignIn';

/**
 * The subscriptions the user sees and one AKS service per subscription, made on first need and kept
 * until sign-in or settings change. Commands and the tree get services here, by subscription id (R13: a
 * snapshot in another subscription is reached through its id's subscription).
 */
export class AksServices {
    private contents: Promise<AccountContents> | undefined;
    private readonly services = new Map<string, Promise<AksService>>();

    /** `listed`: the subscriptions as already listed with the account, when the caller holds them. */
    constructor(
        readonly account: AzureAccount,
        listed?: AzureSession[],
    ) {
        this.contents = listed && Promise.resolve({ sessions: listed, tenantsToSignIn: [] });
    }

    private listAccount(): Promise<AccountContents> {
        this.contents ??= this.account.listAccount();
        this.contents.catch(() => (this.contents = undefined));
        return this.contents;
    }

    async listSessions(): Promise<AzureSession[]> {
        return (await this.listAccount()).sessions;
    }

    /** Tenants the account belongs to that need a sign-in of their own before their subscriptions can be listed. */
    async tenantsToSignIn(): Promise<readonly TenantToSignIn[]> {
        return (await this.listAccount()).tenantsToSignIn;
    }

    async forSubscription(subscriptionId: string): Promise<AksService> {
        const key = subscriptionId.toLowerCase();
        let service = this.services.get(key);
        if (!service) {
            service = this.listSessions().then((sessions) => {
                const session = sessions.find((s) => s.subscription.subscriptionId.toLowerCase() === key);
                if (!session) {
                    throw new Error(l10n.t('Subscription {0} is not among the subscriptions you are signed in to.', subscriptionId));
                }
                return AksService.create(session, this.account.limits);
            });
            service.catch(() => this.services.delete(key));
            this.services.set(key, service);
        }
        return service;
    }

    /**
     * Reads something from every subscription in parallel. A subscription that fails does not hide the others:
     * its error is returned beside them.
     */
    async fromEverySubscription<T>(
        read: (service: AksService) => Promise<T[]>,
    ): Promise<{ items: T[]; failures: { subscription: string; error: unknown }[] }> {
        const sessions = await this.listSessions();
        const results = await Promise.allSettled(
            sessions.map(async (s) => read(await this.forSubscription(s.subscription.subscriptionId))),
        );
        const items: T[] = [];
        const failures: { subscription: string; error: unknown }[] = [];
        results.forEach((result, i) => {
            if (result.status === 'fulfilled') {
                items.push(...result.value);
            } else {
                failures.push({ subscription: sessions[i].subscription.name, error: result.reason });
            }
        });
        return { items, failures };
    }

    /**
     * Whether a change of VS Code's sessions (an account signed in or out anywhere, a tenant signed in) changes the
     * subscriptions: a token VS Code renewed does not, and the tree is left as it is.
     */
    async signInChanged(): Promise<boolean> {
        const listed = await this.contents?.catch(() => undefined);
        return this.account.signInChangedSince(listed).catch(() => true);
    }

    /** Forget subscriptions and clients: after sign-in, sign-out or a settings change. */
    reset(): void {
        this.contents = undefined;
        this.services.clear();
        this.account.forget();
    }
}
