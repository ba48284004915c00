import { commandRisk } from '../checklist/commandRisk.js';
import type { ChecklistStepDef } from '../domain/model.js';

/** What a step's command would change (`['terraform apply']`), for the screen; empty when it changes nothing known. */
export const stepChanges = (step: ChecklistStepDef): string[] =>
  step.command ? commandRisk(step.command.run).changes : [];
