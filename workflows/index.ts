export { caseWorkflow } from './case-workflow.ts';
export { districtCycleWorkflow, openCyclesWorkflow } from './cycle-workflow.ts';
export { annex3ExportWorkflow } from './export-workflow.ts';
export { memberFeedbackWorkflow, openMemberFeedbackWorkflow } from './member-feedback-workflow.ts';
export { recommendationRoundWorkflow } from './recommendation-workflow.ts';
export { openQuotaTrackersWorkflow, quotaTrackerWorkflow } from './quota-tracker.ts';
