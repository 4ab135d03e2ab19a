import * as vscode from 'vscode';
import type { AksServices } from '../../azure/AksServices';
import { ext } from '../../extensionVariables';
import { Fleet, FleetHandOff, FleetWithMembers, isUpdateEnded, UpdateRun, updateRunBody } from '../../model/fleet';
import { inTurns } from '../../model/inTurns';
import { parseArmId } from '../../model/armId';
import type { RolloutPlan } from '../../model/rollout';
import { sleep } from '../common/guardedChange';
import type { RolloutServices } from '../rollOutSnapshot/rollOutSnapshot';
import { updateStateWords } from '../../tree/FleetItem';
import { handOffDocument, runDocument, runSummary } from './fleetDocuments';

/** How often a followed update run is read (one GET; Fleet's members take minutes each). */
const FOLLOW_MS = 3000;

/**
 * Every fleet the account can read, with its members: a cluster may be a member of a fleet in another subscription.
 * A subscription whose fleets cannot be read offers none (the in-editor runner stays).
 */
export async function readFleets(services: AksServices): Promise<FleetWithMembers[]> {
    const { items } = await services.fromEverySubscription((s) => s.listFleets().catch((): Fleet[] => []));
    return inTurns(items, 4, async (fleet) => ({
        fleet,
        members: await (await services.forSubscription(fleet.subscriptionId)).listFleetMembers(fleet.id).catch(() => []),
    }));
}

/**
 * Hands a confirmed plan to Fleet Manager: the update run is created once (a guarded create: a run of that name made
 * meanwhile is refused, never replaced), then started, then followed from Fleet's own status.
 */
export async function runInFleet(r: RolloutServices, plan: RolloutPlan, handOff: FleetHandOff, uri: vscode.Uri): Promise<UpdateRun> {
    const service = await r.services.forSubscription(handOff.fleet.subscriptionId);
    const created = await service.createUpdateRun(handOff.fleet.id, handOff.runName, updateRunBody(handOff));
    ext.outputChannel.appendLog(
        vscode.l10n.t('Created update run "{0}" in fleet "{1}" for snapshot "{2}".', created.name, handOff.fleet.name, plan.snapshot.name),
    );
    const started = await service.changeUpdateRun(created, { kind: 'start' });
    ext.outputChannel.appendLog(vscode.l10n.t('Started update run "{0}" in fleet "{1}".', started.name, handOff.fleet.name));
    return followUpdateRun(r, started, handOff.fleet, uri, (run) => handOffDocument(plan, handOff, run));
}

/**
 * Follows an update run until Fleet ends it: its document and the tree show Fleet's status as it changes, and the end
 * is reported from that status. Closing the notification stops following, not the run: Fleet goes on, and the tree
 * shows it.
 */
export async function followUpdateRun(
    r: Pick<RolloutServices, 'services' | 'tree' | 'documents'>,
    run: UpdateRun,
    fleet: Fleet,
    uri?: vscode.Uri,
    document: (run: UpdateRun) => string = (now) => runDocument(now, fleet.name),
): Promise<UpdateRun> {
    const shown = uri ?? r.documents.add(`${run.name}.md`, '');
    r.documents.update(shown, document(run));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(shown), {
        preview: true,
        preserveFocus: true,
        viewColumn: vscode.ViewColumn.Active,
    });
    const service = await r.services.forSubscription(fleet.subscriptionId);
    const ended = new Set<string>();
    let shownStatus = '';
    let now = run;
    let following = true;
    await vscode.window.withProgress(
        {
            location: vscode.ProgressLocation.Notification,
            title: vscode.l10n.t('Fleet Manager: update run "{0}"', run.name),
            cancellable: true,
        },
        async (progress, token) => {
            for (;;) {
                const members = now.stages.flatMap((s) => s.groups.flatMap((g) => g.members));
                progress.report({
                    message: vscode.l10n.t(
                        '{0}: {1} of {2} members completed',
                        updateStateWords(now.state),
                        members.filter((m) => m.state === 'Completed').length,
                        members.length,
                    ),
                });
                // A member's cluster shows its new versions as soon as Fleet is done with it.
                const newlyEnded = members.filter((m) => isUpdateEnded(m.state) && !ended.has(m.name));
                newlyEnded.forEach((m) => ended.add(m.name));
                const subscriptions = new Set(
                    newlyEnded.map((m) => parseArmId(m.clusterId)?.subscriptionId).filter((s) => s !== undefined),
                );
                // The fleet's own rows are read again only when the run's status changed.
                const status = JSON.stringify([now.state, now.stages]);
                if (status !== shownStatus) {
                    shownStatus = status;
                    subscriptions.add(fleet.subscriptionId);
                }
                await Promise.all([...subscriptions].map((s) => r.tree.refreshSubscription(s)));
                if (isUpdateEnded(now.state)) {
                    return;
                }
                await sleepUnlessCancelled(FOLLOW_MS, token);
                if (token.isCancellationRequested) {
                    following = false;
                    return;
                }
                now = await service.getUpdateRun(run.id);
                r.documents.update(shown, document(now));
            }
        },
    );
    if (!following) {
        void vscode.window.showInformationMessage(
            vscode.l10n.t('Update run "{0}" goes on in Fleet Manager; the tree shows it under fleet "{1}".', run.name, fleet.name),
        );
        return now;
    }
    const { text, failed } = runSummary(now, fleet.name);
    ext.outputChannel.appendLog(text);
    const copy = vscode.l10n.t('Copy Summary');
    const show = now.state === 'Completed' && failed === 0 ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    void show(text, copy).then(async (choice) => {
        if (choice === copy) {
            await vscode.env.clipboard.writeText(`${text}\n\n${document(now)}`);
        }
    });
    return now;
}

/** Waits, ending early when the person stops following. */
async function sleepUnlessCancelled(ms: number, token: vscode.CancellationToken): Promise<void> {
    const stop = new AbortController();
    const cancelled = token.onCancellationRequested(() => stop.abort());
    try {
        await sleep(ms, stop.signal);
    } finally {
        cancelled.dispose();
    }
}
