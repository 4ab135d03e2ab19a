import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { subscriptionOf } from '../../model/rules';
import type { CreateClusterContext } from './CreateClusterContext';
import { required } from '../../model/required';

/** Where the cluster goes; skipped with one subscription. The snapshot's own comes first (R13: any may use it). */
export class SubscriptionStep extends AzureWizardPromptStep<CreateClusterContext> {
    async configureBeforePrompt(context: CreateClusterContext): Promise<void> {
        const sessions = await context.services.listSessions();
        if (sessions.length === 1) {
            context.service = await context.services.forSubscription(sessions[0].subscription.subscriptionId);
        }
    }

    async prompt(context: CreateClusterContext): Promise<void> {
        const own = subscriptionOf(required(context.snapshot, 'snapshot').id)?.toLowerCase();
        const sessions = await context.services.listSessions();
        const ordered = [
            ...sessions.filter((s) => s.subscription.subscriptionId.toLowerCase() === own),
            ...sessions.filter((s) => s.subscription.subscriptionId.toLowerCase() !== own),
        ];
        const picked = await context.ui.showQuickPick(
            ordered.map((s) => ({
                label: s.subscription.name,
                description:
                    s.subscription.subscriptionId.toLowerCase() === own
                        ? vscode.l10n.t("the snapshot's subscription")
                        : s.subscription.subscriptionId,
                data: s.subscription.subscriptionId,
            })),
            { placeHolder: vscode.l10n.t('Subscription for the new cluster'), stepName: 'subscription', suppressPersistence: true },
        );
        context.service = await context.services.forSubscription(picked.data);
    }

    shouldPrompt(context: CreateClusterContext): boolean {
        return !context.service;
    }
}
