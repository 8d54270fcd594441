/** How many files one owner (a case, a leader's activity) holds at most; domain/attachments.ts keeps the cap under concurrency. */
export const MAX_ATTACHMENTS_PER_OWNER = 20;
