import type * as vscode from 'vscode';
import { isFinished, RolloutState, runningElsewhere } from '../../model/rollout';

const KEY = 'aksSnapshots.rollouts';
/** Finished roll-outs kept for their summary. */
const KEEP_FINISHED = 10;

/** Roll-outs as they stand, kept in VS Code's global state so that a reload or restart finds them. */
export class RolloutStore {
    constructor(private readonly memento: vscode.Memento) {}

    all(): RolloutState[] {
        return this.memento.get<RolloutState[]>(KEY, []);
    }

    unfinished(): RolloutState[] {
        return this.all().filter((s) => !isFinished(s));
    }

    find(id: string): RolloutState | undefined {
        return this.all().find((s) => s.plan.id === id);
    }

    /**
     * Saves the roll-out as this window runs it, renewing the window's lease, unless another window has taken it
     * over meanwhile: then nothing is written and false comes back (this window must stop running it).
     */
    async saveAsOwner(state: RolloutState, window: string): Promise<boolean> {
        const stored = this.find(state.plan.id);
        if (stored && runningElsewhere(stored, window, new Date())) {
            return false;
        }
        await this.save({ ...state, owner: { window, renewedAt: new Date().toISOString() } });
        return true;
    }

    async save(state: RolloutState): Promise<void> {
        const others = this.all().filter((s) => s.plan.id !== state.plan.id);
        const finished = others.filter(isFinished).slice(-KEEP_FINISHED);
        await this.memento.update(KEY, [...others.filter((s) => !isFinished(s)), ...finished, state]);
    }
}
