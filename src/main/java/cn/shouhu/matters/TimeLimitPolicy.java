package cn.shouhu.matters;

import java.util.Optional;

/** Where the time limits come from: the policy table, most specific row first. */
interface TimeLimitPolicy {

	/**
	 * The limits of the most specific row for this kind: a row naming the category beats one naming only the
	 * urgency, which beats the kind's catch-all row.
	 */
	Optional<TimeLimits> limitsFor(MatterKind kind, String categoryCode, Urgency urgency);

}
