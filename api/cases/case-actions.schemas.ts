import type { CaseAction } from '../../model/cases/lifecycle.ts';

/** What each step's route does, for the OpenAPI document and the endpoint table of docs/api.md. */
export const ACTION_SUMMARIES: { [A in CaseAction]: string } = {
  submit: 'Street staff hand a regular case to the district now, ahead of the semi-annual submission.',
  resubmit:
    'Street staff answer the district’s questions (optionally editing the case, and naming the files added to it that answer them) and send it back; the deadline resumes.',
  forward: 'The district forwards the case for municipal coordination, with its summary.',
  solve: 'The district solves the case itself; the result goes down to the reporter.',
  return: 'The district returns the case to the street for more information; its deadline pauses.',
  merge: 'The district merges the case into an open case on the same problem; it closes with that case and carries its result.',
  reject: 'The district rejects the case with a reason the filer can read.',
  assign: 'The municipal liaison names the body coordinating the case.',
  note: 'Whoever works the case adds a note to its history: the filing unit at any open status, the district or the city while it holds the case.',
  resolve: 'The municipal liaison records what was done; the result goes down to the reporter.',
  declareUnsolvable: 'The municipal liaison declares the case cannot be solved, why, and whom to turn to.',
  feedback: 'Street staff record the reporter’s answer: satisfied closes the case, not satisfied reopens it where it was resolved.',
  take: 'One of the staff of the unit holding the case (the filing unit, the district, the city) becomes its named owner there.',
  assignOwner:
    'One of the staff of the unit holding the case names a colleague of the same unit as its owner (403 for anyone else); cleared when the case moves to another level.',
  release: 'One of the staff of the unit holding the case leaves it without an owner, back in the unit’s unassigned queue.',
};
