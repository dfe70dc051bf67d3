package cn.shouhu.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.web.util.UriComponentsBuilder;

import cn.shouhu.audit.internal.AuditQuery;
import cn.shouhu.audit.internal.AuditSort;
import cn.shouhu.audit.internal.Outcome;

/**
 * The audit page's query string: filters, page, page size and order, bound as text and read leniently — a
 * malformed criterion is dropped (and {@link #malformed()} says so) rather than failing the whole page. Page size
 * and order are whitelisted; dates are whole days in the branch's time zone, {@code to} included.
 */
record AuditFilter(String from, String to, String actor, String module, String action, String targetType,
		String targetId, String outcome, String ip, String page, String size, String sort) {

	static final List<Integer> PAGE_SIZES = List.of(20, 50, 100);

	AuditQuery toQuery(ZoneId zone) {
		LocalDate fromDate = date(from);
		LocalDate toDate = date(to);
		return new AuditQuery(fromDate == null ? null : fromDate.atStartOfDay(zone).toInstant(),
				toDate == null ? null : toDate.plusDays(1).atStartOfDay(zone).toInstant(), actor, module, action,
				targetType, targetId, outcomeValue(), ip);
	}

	/** Whether a criterion was given that could not be read (a date that is not a date, an unknown outcome). */
	public boolean malformed() {
		return (present(from) && date(from) == null) || (present(to) && date(to) == null)
				|| (present(outcome) && outcomeValue() == null);
	}

	public Outcome outcomeValue() {
		if (!present(outcome)) {
			return null;
		}
		for (Outcome value : Outcome.values()) {
			if (value.name().equals(outcome.strip())) {
				return value;
			}
		}
		return null;
	}

	public int pageNumber() {
		int number = number(page, 1);
		return number < 1 ? 1 : number;
	}

	public int pageSize() {
		int requested = number(size, PAGE_SIZES.get(0));
		return PAGE_SIZES.contains(requested) ? requested : PAGE_SIZES.get(0);
	}

	public AuditSort order() {
		return AuditSort.parse(sort);
	}

	/** The list's URL for another page of the same filter. */
	String pageUrl(int pageNumber) {
		return query(UriComponentsBuilder.fromPath("/audit")).queryParam("page", pageNumber).build().encode()
			.toUriString();
	}

	/** The export's URL for the same filter and order. */
	String exportUrl() {
		return query(UriComponentsBuilder.fromPath("/audit/export")).build().encode().toUriString();
	}

	private UriComponentsBuilder query(UriComponentsBuilder builder) {
		param(builder, "from", from);
		param(builder, "to", to);
		param(builder, "actor", actor);
		param(builder, "module", module);
		param(builder, "action", action);
		param(builder, "targetType", targetType);
		param(builder, "targetId", targetId);
		param(builder, "outcome", outcome);
		param(builder, "ip", ip);
		builder.queryParam("size", pageSize());
		builder.queryParam("sort", order().name());
		return builder;
	}

	private static void param(UriComponentsBuilder builder, String name, String value) {
		if (present(value)) {
			builder.queryParam(name, value.strip());
		}
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	private static LocalDate date(String text) {
		if (!present(text)) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static int number(String text, int fallback) {
		if (!present(text)) {
			return fallback;
		}
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException e) {
			return fallback;
		}
	}

}
