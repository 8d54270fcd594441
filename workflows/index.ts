export { caseWorkflow } from './cases/case-workflow.ts';
export { districtCycleWorkflow, openCyclesWorkflow } from './cycle/cycle-workflow.ts';
export { annex3ExportWorkflow } from './exports/export-workflow.ts';
export { memberFeedbackWorkflow, openMemberFeedbackWorkflow } from './party/member-feedback-workflow.ts';
export { recommendationRoundWorkflow } from './party/recommendation-workflow.ts';
export { openQuotaTrackersWorkflow, quotaTrackerWorkflow } from './leaders/quota-tracker.ts';
export { webhookDeliveryWorkflow, webhookFeedWorkflow } from './webhooks/webhook-workflows.ts';
export { bulkStepWorkflow } from './bulk/bulk-step-workflow.ts';
