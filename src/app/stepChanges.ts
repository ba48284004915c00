import { commandRisk, type CommandRisk } from '../checklist/commandRisk.js';

export { riskReason } from '../checklist/commandRisk.js';
import type { ChecklistStepDef } from '../domain/model.js';

/** The whole judgement of a step's command (what it changes, what cannot be told to only read); none without one. */
export const stepRisk = (step: ChecklistStepDef): CommandRisk | undefined =>
  step.command ? commandRisk(step.command.run) : undefined;
