package cn.shouhu.audit.internal;

import java.io.Serializable;

/**
 * The result of walking the chain.
 *
 * @param rowsChecked rows read and found in order before the first problem (all rows if intact)
 * @param lastId the last row of an intact chain (null when the chain is empty or broken)
 * @param lastHash that row's hash: write it down, and a later {@code --anchor=lastId:lastHash} proves that
 * nobody rewrote the chain up to there
 * @param firstBrokenId the row where the chain breaks: the changed row, or the first missing one
 * @param problem why it breaks, null if intact
 * @param detail for missing rows, the last missing id; for a broken link, the previous row's id
 */
public record ChainVerification(long rowsChecked, Long lastId, String lastHash, Long firstBrokenId,
		Problem problem, Long detail) implements Serializable {

	/** A flash attribute after a plain form post, so it travels in the database-backed session. */
	private static final long serialVersionUID = 1L;

	/** Why the chain breaks; each has a message {@code audit.verify.problem.NAME} in the audit bundle. */
	public enum Problem {

		/** The row's columns no longer give its stored hash: the row was edited. */
		CONTENT_CHANGED,
		/** The row's previous hash is not the previous row's hash: the row before it was edited (and rehashed). */
		LINK_BROKEN,
		/** Ids firstBrokenId to detail are missing: rows were deleted. */
		ROWS_MISSING,
		/** The chain head names a row or hash the table does not have, or rows exist past the head. */
		HEAD_MISMATCH,
		/** The anchor the auditor gave does not match the row with that id: the chain was rewritten. */
		ANCHOR_MISMATCH

	}

	public boolean intact() {
		return problem == null;
	}

	static ChainVerification intact(long rowsChecked, Long lastId, String lastHash) {
		return new ChainVerification(rowsChecked, lastId, lastHash, null, null, null);
	}

	static ChainVerification broken(long rowsChecked, long firstBrokenId, Problem problem, Long detail) {
		return new ChainVerification(rowsChecked, null, null, firstBrokenId, problem, detail);
	}

}
