package cn.shouhu.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

import cn.shouhu.audit.internal.AuditQuery;
import cn.shouhu.audit.internal.AuditSort;
import cn.shouhu.audit.internal.Outcome;

/**
 * The audit page's query string: filters, page, page size and order. Page size and order are whitelisted;
 * dates are whole days in the branch's time zone, {@code to} included.
 */
record AuditFilter(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String actor, String module, String action,
		String targetType, String targetId, Outcome outcome, String ip, Integer page, Integer size, String sort) {

	static final List<Integer> PAGE_SIZES = List.of(20, 50, 100);

	AuditQuery toQuery(ZoneId zone) {
		return new AuditQuery(from == null ? null : from.atStartOfDay(zone).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), actor, module, action, targetType,
				targetId, outcome, ip);
	}

	int pageNumber() {
		return page == null || page < 1 ? 1 : page;
	}

	int pageSize() {
		return size != null && PAGE_SIZES.contains(size) ? size : PAGE_SIZES.get(0);
	}

	AuditSort order() {
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

	private static void param(UriComponentsBuilder builder, String name, Object value) {
		if (value != null && !value.toString().isBlank()) {
			builder.queryParam(name, value);
		}
	}

}
