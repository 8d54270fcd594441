export { caseWorkflow } from './case-workflow.ts';
export { districtCycleWorkflow, openCyclesWorkflow } from './cycle-workflow.ts';
