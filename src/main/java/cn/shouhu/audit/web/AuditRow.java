package cn.shouhu.audit.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import cn.shouhu.audit.internal.AuditEvent;
import cn.shouhu.audit.internal.DetailJson;

/**
 * One audit row as the page shows it: local time with its offset, and the detail as field-by-field changes
 * (only the fields that changed, for an update) plus any other facts (a sign-in's failure type, a denied rule).
 */
record AuditRow(AuditEvent event, String time, List<Change> changes, List<Change> facts) {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx");

	record Change(String field, String before, String after) {
	}

	static AuditRow of(AuditEvent event, ZoneId zone) {
		Map<String, Object> detail;
		try {
			detail = DetailJson.parse(event.detail());
		}
		catch (RuntimeException e) {
			// A row that is not JSON (it can only be a tampered one) is shown as it is.
			detail = Map.of("detail", event.detail());
		}
		List<Change> changes = new ArrayList<>();
		List<Change> facts = new ArrayList<>();
		Map<?, ?> before = detail.get("before") instanceof Map<?, ?> map ? map : null;
		Map<?, ?> after = detail.get("after") instanceof Map<?, ?> map ? map : null;
		if (before != null || after != null) {
			TreeSet<String> fields = new TreeSet<>();
			if (before != null) {
				before.keySet().forEach(k -> fields.add(String.valueOf(k)));
			}
			if (after != null) {
				after.keySet().forEach(k -> fields.add(String.valueOf(k)));
			}
			for (String field : fields) {
				Object old = before == null ? null : before.get(field);
				Object now = after == null ? null : after.get(field);
				if (before == null || after == null || !Objects.equals(old, now)) {
					changes.add(new Change(field, text(old), text(now)));
				}
			}
		}
		detail.forEach((key, value) -> {
			if (!key.equals("before") && !key.equals("after")) {
				facts.add(new Change(key, null, text(value)));
			}
		});
		return new AuditRow(event, TIME.format(event.occurredAt().atZone(zone)), changes, facts);
	}

	static String text(Object value) {
		return value == null ? null : value.toString();
	}

	public String outcomeBadge() {
		return switch (event.outcome()) {
			case SUCCESS -> "ok";
			case FAILURE -> "warn";
			case DENIED -> "bad";
		};
	}

}
