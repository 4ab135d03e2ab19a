import type { AzureAccount, AzureSession } from './AzureAccount';
import { AksService } from './AksService';

/**
 * The subscriptions the user sees and one AKS service per subscription, made on first need and kept
 * until sign-in or settings change. Commands and the tree get services here, by subscription id (R13: a
 * snapshot in another subscription is reached through its id's subscription).
 */
export class AksServices {
    private sessions: Promise<AzureSession[]> | undefined;
    private readonly services = new Map<string, Promise<AksService>>();

    constructor(readonly account: AzureAccount) {}

    listSessions(): Promise<AzureSession[]> {
        this.sessions ??= this.account.listSubscriptions();
        this.sessions.catch(() => (this.sessions = undefined));
        return this.sessions;
    }

    async forSubscription(subscriptionId: string): Promise<AksService> {
        const key = subscriptionId.toLowerCase();
        let service = this.services.get(key);
        if (!service) {
            service = this.listSessions().then((sessions) => {
                const session = sessions.find((s) => s.subscription.subscriptionId.toLowerCase() === key);
                if (!session) {
                    throw new Error(`Subscription ${subscriptionId} is not among the subscriptions you are signed in to.`);
                }
                return AksService.create(session);
            });
            service.catch(() => this.services.delete(key));
            this.services.set(key, service);
        }
        return service;
    }

    /** Forget subscriptions and clients: after sign-in, sign-out or a settings change. */
    reset(): void {
        this.sessions = undefined;
        this.services.clear();
    }
}
