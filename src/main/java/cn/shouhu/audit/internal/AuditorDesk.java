package cn.shouhu.audit.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import cn.shouhu.shared.InvalidInputException;

/**
 * What the auditor (安全审计员) does with the trail: list it, export it, verify it. Exports and verifications are
 * themselves recorded, so the trail shows who took a copy of it and who checked it.
 */
@Service
public class AuditorDesk {

	/** More rows than this make a workbook nobody reads; the auditor narrows the filter instead. */
	public static final int MAX_EXPORT_ROWS = 200_000;

	static final String MODULE = "audit";

	private final AuditSearch search;

	private final ChainVerifier verifier;

	private final AuditChain chain;

	private final Clock clock;

	AuditorDesk(AuditSearch search, ChainVerifier verifier, AuditChain chain, ObjectProvider<Clock> clock) {
		this.search = search;
		this.verifier = verifier;
		this.chain = chain;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	public record Page(List<AuditEvent> rows, long total, int page, int size) {

		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}

	}

	/** @param page from 1; a page past the end shows the last page */
	public Page list(AuditQuery query, AuditSort sort, int page, int size) {
		long total = search.count(query);
		int pages = (int) Math.max(1, (total + size - 1) / size);
		int current = Math.min(Math.max(1, page), pages);
		return new Page(search.page(query, sort, current, size), total, current, size);
	}

	/**
	 * Streams the filtered rows to {@code sink} after recording the export; refuses more than
	 * {@link #MAX_EXPORT_ROWS} rows with a message asking for a narrower filter.
	 */
	public void export(AuditQuery query, AuditSort sort, Consumer<AuditEvent> sink) {
		long total = search.count(query);
		if (total > MAX_EXPORT_ROWS) {
			throw new InvalidInputException("audit.export.tooMany", total, MAX_EXPORT_ROWS);
		}
		Map<String, Object> detail = new LinkedHashMap<>(describe(query));
		detail.put("rows", total);
		chain.appendAlone(AuditChain.now(clock.instant(), MODULE, "audit.export", Outcome.SUCCESS, "audit_event",
				null, DetailJson.of(detail)));
		search.stream(query, sort, sink);
	}

	public ChainVerification verify(ChainVerifier.Anchor anchor) {
		ChainVerification result = verifier.verify(anchor);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("intact", result.intact());
		detail.put("rowsChecked", result.rowsChecked());
		if (!result.intact()) {
			detail.put("firstBrokenId", result.firstBrokenId());
			detail.put("problem", result.problem());
		}
		if (anchor != null) {
			detail.put("anchorId", anchor.id());
		}
		chain.appendAlone(AuditChain.now(clock.instant(), MODULE, "audit.verify", Outcome.SUCCESS, "audit_event",
				null, DetailJson.of(detail)));
		return result;
	}

	private static Map<String, Object> describe(AuditQuery query) {
		Map<String, Object> filter = new LinkedHashMap<>();
		filter.put("from", query.from());
		filter.put("to", query.to());
		filter.put("actor", query.actor());
		filter.put("module", query.module());
		filter.put("action", query.action());
		filter.put("targetType", query.targetType());
		filter.put("targetId", query.targetId());
		filter.put("outcome", query.outcome());
		filter.put("ip", query.ip());
		filter.values().removeIf(Objects::isNull);
		return filter;
	}

}
