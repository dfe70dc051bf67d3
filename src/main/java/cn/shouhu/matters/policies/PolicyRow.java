package cn.shouhu.matters.policies;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.TimeLimits.Unit;
import cn.shouhu.matters.Urgency;

/** One row of {@code time_limit_policy}; a null category or urgency stands for 任意. */
record PolicyRow(long id, MatterKind kind, String categoryCode, Urgency urgency, int signAmount, Unit signUnit,
		int replyAmount, Unit replyUnit, int closeAmount, Unit closeUnit, int extensionDays, int returnDays,
		int reopenDays, int version) {

	/** The kind's catch-all row (兜底): without it the kind's matters could not be dispatched. */
	public boolean catchAll() {
		return categoryCode == null && urgency == null;
	}

	boolean hasKey(MatterKind otherKind, String otherCategory, Urgency otherUrgency) {
		return kind == otherKind && Objects.equals(categoryCode, otherCategory) && urgency == otherUrgency;
	}

	Map<String, Object> auditFields() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("kind", kind.name());
		fields.put("categoryCode", categoryCode);
		fields.put("urgency", urgency == null ? null : urgency.name());
		fields.put("sign", signAmount + " " + signUnit);
		fields.put("reply", replyAmount + " " + replyUnit);
		fields.put("close", closeAmount + " " + closeUnit);
		fields.put("extensionDays", extensionDays);
		fields.put("returnDays", returnDays);
		fields.put("reopenDays", reopenDays);
		return fields;
	}

}
