package cn.shouhu.organization.internal;

import java.util.List;

import cn.shouhu.shared.InvalidInputException;

/**
 * Several broken rules at once, so that a form shows every message beside its field in one round trip. Seen as an
 * {@link InvalidInputException} it names the first one, so the generic error page still says something useful.
 */
public class RejectedInput extends InvalidInputException {

	private final List<Violation> violations;

	public RejectedInput(List<Violation> violations) {
		super(violations.get(0).field(), violations.get(0).messageKey(), violations.get(0).args());
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return violations;
	}

	static void throwIfAny(List<Violation> violations) {
		if (!violations.isEmpty()) {
			throw new RejectedInput(violations);
		}
	}

}
