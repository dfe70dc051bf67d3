package cn.shouhu.matters.suggestions;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.shouhu.matters.MatterState;
import cn.shouhu.matters.suggestions.DuplicateScoring.Profiled;

/**
 * Finds open matters of the last {@code days} that look like the same problem. The database narrows the candidates
 * by state and receipt date (through the index on state and received_at); they are then scored in memory and the
 * best few above the threshold kept. Segmenting a text is what costs, so each candidate's segmented text is kept
 * here, keyed by the matter's id and last update, and only new or changed matters are segmented again; matters that
 * left the window are dropped from it at the next search.
 */
@Component
class DuplicateFinder {

	private static final List<String> OPEN_STATES = EnumSet.allOf(MatterState.class)
		.stream()
		.filter(MatterState::isOpen)
		.map(Enum::name)
		.toList();

	private final JdbcClient jdbc;

	private final SuggestionProperties properties;

	private final Clock clock;

	private final Map<Long, Kept> profiles = new ConcurrentHashMap<>();

	DuplicateFinder(JdbcClient jdbc, SuggestionProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** A stored open matter as the search reads it. */
	record Candidate(long id, String trackingCode, MatterState state, OffsetDateTime receivedAt,
			OffsetDateTime updatedAt, MatterText text) {
	}

	/** A candidate's segmented text, valid while the matter's updated_at is the same. */
	private record Kept(OffsetDateTime updatedAt, Profiled profiled) {
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
		List<Candidate> candidates = candidates(excluded);
		Set<Long> seen = new HashSet<>();
		List<DuplicateCandidate> found = new ArrayList<>();
		for (Candidate candidate : candidates) {
			seen.add(candidate.id());
			double similarity = DuplicateScoring.score(probed, profile(candidate));
			if (similarity >= settings.threshold()) {
				found.add(new DuplicateCandidate(candidate.id(), candidate.trackingCode(), candidate.text().title(),
						candidate.state(), candidate.receivedAt().toInstant(), candidate.text().community(),
						similarity));
			}
		}
		// The whole window was read: forget matters that closed or left it (the excluded one is kept for later).
		seen.add(excluded);
		profiles.keySet().retainAll(seen);
		found.sort(Comparator.comparingDouble(DuplicateCandidate::similarity)
			.reversed()
			.thenComparing(DuplicateCandidate::id, Comparator.reverseOrder()));
		return List.copyOf(found.subList(0, Math.min(settings.limit(), found.size())));
	}

	private Profiled profile(Candidate candidate) {
		Kept kept = profiles.get(candidate.id());
		if (kept != null && kept.updatedAt().isEqual(candidate.updatedAt())) {
			return kept.profiled();
		}
		Profiled profiled = Profiled.of(candidate.text());
		profiles.put(candidate.id(), new Kept(candidate.updatedAt(), profiled));
		return profiled;
	}

	/** Open matters received in the window, except the excluded one. */
	List<Candidate> candidates(long excluded) {
		OffsetDateTime since = OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofDays(days())),
				ZoneOffset.UTC);
		return jdbc.sql("""
				SELECT id, tracking_code, state, received_at, updated_at, title, description, place_address,
				    place_community
				FROM matter WHERE state IN (:states) AND received_at >= :since AND id <> :excluded""")
			.param("states", OPEN_STATES)
			.param("since", since)
			.param("excluded", excluded)
			.query((rs, row) -> new Candidate(rs.getLong(1), rs.getString(2), MatterState.valueOf(rs.getString(3)),
					rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class),
					new MatterText(rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9))))
			.list();
	}

}
