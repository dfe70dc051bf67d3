package cn.shouhu.matters;

/**
 * A step of a matter's public timeline; the Chinese names are in the bundle under
 * {@code matters.public.step.NAME}. Internal steps (progress notes, co-handling, returns, supervision, extension
 * requests, drafts) have no public step at all.
 */
public enum PublicStep {

	/** 已受理. */
	ACCEPTED,
	/** 已分派 (or transferred) to a unit, named in the entry. */
	DISPATCHED,
	/** The unit accepted it (签收). */
	SIGNED,
	/** The submitter added information. */
	INFORMATION_ADDED,
	/** The unit needs something from the submitter; the entry's text says what. */
	WAITING_FOR_SUBMITTER,
	/** Handling resumed after the wait. */
	RESUMED,
	/** The time limit was extended (the reason stays internal). */
	EXTENDED,
	/** The approved reply; its text is in the entry. */
	REPLIED,
	/** 回访: the satisfaction was recorded. */
	FOLLOWED_UP,
	/** 重办: handled again after an unsatisfied follow-up. */
	REOPENED,
	/** 已办结. */
	CLOSED,
	/** Merged into a matter about the same problem, whose outcome it follows. */
	MERGED

}
