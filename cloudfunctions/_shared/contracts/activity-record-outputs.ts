/** What the activity page shows of a 三会一课 record beyond the common fields (MTG). */

/** A soft rule's outcome, shown to whoever must act; it never refuses. */
export type RuleAlert = { ruleId: string; level: 'info' | 'warning' | 'alert'; message: string };

export type MeetingRecordDetail = {
  lecturerKind: string | null;
  delegation: { reason: string } | null;
  /** The 党课 record: counts from attendance, never typed [MTG-13]. */
  lecture: {
    topic: string;
    at: string;
    lecturer: string | null;
    attended: number;
    absent: number;
    guests: number;
  } | null;
  /** The 党员大会's attendance count and validity statement [MTG-11, VOTE-05]. */
  assembly: { expected: number; attended: number; valid: boolean; statement: string } | null;
  /** The theme-day record: template items done and missing, dues collected [TD-17, TD-20]. */
  themeDay: {
    itemsDone: string[];
    missingItems: string[];
    duesCollected: number;
    summary: string | null;
  } | null;
  /** Topics the superior liaison was told of [MTG-24]. */
  liaisonTopics: string[];
  reportedAt: string | null;
};
