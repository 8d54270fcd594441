export { caseWorkflow } from './case-workflow.ts';
