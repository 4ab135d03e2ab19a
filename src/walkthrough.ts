import * as vscode from 'vscode';
import { ext } from './extensionVariables';

/**
 * What the walkthrough's steps wait for: a step is done when that really happened (signed in, a cluster's pools seen,
 * a snapshot made, a pool added or upgraded from one, a roll-out started), not when its command was merely opened
 * and left with Esc.
 */
export type WalkthroughMilestone = 'signedIn' | 'poolsSeen' | 'snapshotCreated' | 'snapshotUsed' | 'rolloutStarted';

const STEPS: Record<WalkthroughMilestone, string> = {
    signedIn: 'signIn',
    poolsSeen: 'findPool',
    snapshotCreated: 'createSnapshot',
    snapshotUsed: 'useSnapshot',
    rolloutStarted: 'rollOut',
};
const reachedOnce = new Set<WalkthroughMilestone>();

/**
 * Marks the step done. Its context key (package.json `completionEvents`) alone is not enough: VS Code's Welcome page
 * reads the steps when it first needs them, and a key already true then never completes the step in that session
 * (signed in before opening the walkthrough). So the step is also marked done the way its "Mark Done" does, which
 * VS Code keeps for the profile.
 */
export function reached(milestone: WalkthroughMilestone): void {
    if (reachedOnce.has(milestone)) {
        return;
    }
    reachedOnce.add(milestone);
    void vscode.commands.executeCommand('setContext', `aksSnapshots.walkthrough.${milestone}`, true);
    const extensionId = ext.context?.extension.id;
    if (!extensionId) {
        return;
    }
    const step = `${extensionId}#aksSnapshots.gettingStarted#${STEPS[milestone]}`;
    // VS Code says "unknown step" until the Welcome page has read the walkthrough, having kept the step done already.
    void vscode.commands.executeCommand('welcome.markStepComplete', step).then(undefined, () => undefined);
}
