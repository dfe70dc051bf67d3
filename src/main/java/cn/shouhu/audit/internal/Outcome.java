package cn.shouhu.audit.internal;

/** How an audited action ended. */
public enum Outcome {

	/** The action was carried out (a change, a sign-in, a sign-out). */
	SUCCESS,
	/** A sign-in that failed: wrong password, locked or disabled account. */
	FAILURE,
	/** A signed-in staff member asked for something their roles do not allow. */
	DENIED

}
