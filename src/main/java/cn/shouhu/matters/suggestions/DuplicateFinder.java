package cn.shouhu.matters.suggestions;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.shouhu.matters.MatterState;
import cn.shouhu.matters.suggestions.DuplicateScoring.Profiled;

/**
 * Finds open matters of the last {@code days} that look like the same problem. The database narrows the candidates
 * by state and receipt date (through the index on state and received_at); they are then scored in memory and the
 * best few above the threshold kept. Segmenting a text is what costs, so each candidate is kept here with its
 * segmented text, keyed by the matter's id and valid while its updated_at is unchanged: a search reads only the ids
 * and update times of the window, and the full rows only of matters new or changed since the last search. Matters
 * that closed or left the window are forgotten at the next search.
 */
@Component
class DuplicateFinder {

	private static final List<String> OPEN_STATES = EnumSet.allOf(MatterState.class)
		.stream()
		.filter(MatterState::isOpen)
		.map(Enum::name)
		.toList();

	/** Ids per IN list when reading new or changed matters. */
	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	private final SuggestionProperties properties;

	private final Clock clock;

	private final Map<Long, Kept> kept = new ConcurrentHashMap<>();

	DuplicateFinder(JdbcClient jdbc, SuggestionProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** A stored open matter as the search reads it. */
	record Candidate(long id, String trackingCode, MatterState state, OffsetDateTime receivedAt,
			OffsetDateTime updatedAt, MatterText text) {
	}

	/** A candidate with its segmented text, valid while the matter's updated_at is the same. */
	private record Kept(Candidate candidate, Profiled profiled) {
	}

	int days() {
		return properties.duplicates().days();
	}

	/** The most similar open matters, best first; {@code excluded} (the matter itself) is never among them. */
	List<DuplicateCandidate> find(MatterText probe, long excluded) {
		if (!probe.hasText()) {
			return List.of();
		}
		Profiled probed = Profiled.of(probe);
		if (probed.text().isEmpty()) {
			return List.of();
		}
		SuggestionProperties.Duplicates settings = properties.duplicates();
		List<DuplicateCandidate> found = new ArrayList<>();
		for (Kept candidate : window(excluded)) {
			double similarity = DuplicateScoring.score(probed, candidate.profiled());
			if (similarity >= settings.threshold()) {
				Candidate matter = candidate.candidate();
				found.add(new DuplicateCandidate(matter.id(), matter.trackingCode(), matter.text().title(),
						matter.state(), matter.receivedAt().toInstant(), matter.text().community(), similarity));
			}
		}
		found.sort(Comparator.comparingDouble(DuplicateCandidate::similarity)
			.reversed()
			.thenComparing(DuplicateCandidate::id, Comparator.reverseOrder()));
		return List.copyOf(found.subList(0, Math.min(settings.limit(), found.size())));
	}

	/** The open matters of the window except the excluded one, with their segmented texts. */
	private List<Kept> window(long excluded) {
		Map<Long, OffsetDateTime> current = new HashMap<>();
		jdbc.sql("SELECT id, updated_at FROM matter WHERE state IN (:states) AND received_at >= :since")
			.param("states", OPEN_STATES)
			.param("since", since())
			.query(rs -> {
				current.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class));
			});
		kept.keySet().retainAll(current.keySet());
		List<Long> stale = new ArrayList<>();
		current.forEach((id, updatedAt) -> {
			Kept known = kept.get(id);
			if (known == null || !known.candidate().updatedAt().isEqual(updatedAt)) {
				stale.add(id);
			}
		});
		for (int from = 0; from < stale.size(); from += CHUNK) {
			for (Candidate candidate : read(stale.subList(from, Math.min(stale.size(), from + CHUNK)))) {
				kept.put(candidate.id(), new Kept(candidate, Profiled.of(candidate.text())));
			}
		}
		List<Kept> window = new ArrayList<>(current.size());
		current.keySet().forEach(id -> {
			Kept known = kept.get(id);
			// A matter that changed state between the two reads may be gone: it is simply not a candidate now.
			if (known != null && id != excluded && known.candidate().state().isOpen()) {
				window.add(known);
			}
		});
		return window;
	}

	/** Open matters received in the window, except the excluded one: the candidates, read in full. */
	List<Candidate> candidates(long excluded) {
		return window(excluded).stream().map(Kept::candidate).toList();
	}

	private List<Candidate> read(List<Long> ids) {
		return jdbc.sql("""
				SELECT id, tracking_code, state, received_at, updated_at, title, description, place_address,
				    place_community
				FROM matter WHERE id IN (:ids)""")
			.param("ids", ids)
			.query((rs, row) -> new Candidate(rs.getLong(1), rs.getString(2), MatterState.valueOf(rs.getString(3)),
					rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class),
					new MatterText(rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9))))
			.list();
	}

	private OffsetDateTime since() {
		return OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofDays(days())), ZoneOffset.UTC);
	}

}
