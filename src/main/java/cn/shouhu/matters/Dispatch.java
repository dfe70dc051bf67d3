package cn.shouhu.matters;

import java.util.List;

/**
 * The coordinator's decision (分类处置): the category and urgency, the lead unit and any co-handling units.
 */
public record Dispatch(String categoryCode, Urgency urgency, long leadUnitId, List<CoHandling> coHandlers,
		String note) {

	public Dispatch {
		coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
	}

}
