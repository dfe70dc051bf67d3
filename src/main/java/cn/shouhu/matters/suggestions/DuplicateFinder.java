package cn.shouhu.matters.suggestions;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.shouhu.matters.MatterState;

/**
 * Finds open matters of the last {@code days} that look like the same problem. The database narrows the candidates
 * by state and receipt date (through the index on state and received_at); their text is then scored in memory,
 * and the best few above the threshold are kept.
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

	DuplicateFinder(JdbcClient jdbc, SuggestionProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	int days() {
		return properties.duplicates().days();
	}

	/** A stored open matter as the search reads it. */
	record Candidate(long id, String trackingCode, MatterState state, OffsetDateTime receivedAt, MatterText text) {
	}

	/** The most similar open matters, best first; {@code excluded} (the matter itself) is never among them. */
	List<DuplicateCandidate> find(MatterText probe, long excluded) {
		if (!probe.hasText()) {
			return List.of();
		}
		SuggestionProperties.Duplicates settings = properties.duplicates();
		List<DuplicateCandidate> found = new ArrayList<>();
		for (Candidate candidate : candidates(excluded)) {
			double similarity = DuplicateScoring.score(probe, candidate.text());
			if (similarity >= settings.threshold()) {
				found.add(new DuplicateCandidate(candidate.id(), candidate.trackingCode(), candidate.text().title(),
						candidate.state(), candidate.receivedAt().toInstant(), candidate.text().community(),
						similarity));
			}
		}
		found.sort(Comparator.comparingDouble(DuplicateCandidate::similarity)
			.reversed()
			.thenComparing(DuplicateCandidate::id, Comparator.reverseOrder()));
		return List.copyOf(found.subList(0, Math.min(settings.limit(), found.size())));
	}

	/** Open matters received in the window, except the excluded one. */
	List<Candidate> candidates(long excluded) {
		OffsetDateTime since = OffsetDateTime.ofInstant(
				clock.instant().minus(Duration.ofDays(properties.duplicates().days())), ZoneOffset.UTC);
		return jdbc.sql("""
				SELECT id, tracking_code, state, received_at, title, description, place_address, place_community
				FROM matter WHERE state IN (:states) AND received_at >= :since AND id <> :excluded""")
			.param("states", OPEN_STATES)
			.param("since", since)
			.param("excluded", excluded)
			.query((rs, row) -> new Candidate(rs.getLong(1), rs.getString(2), MatterState.valueOf(rs.getString(3)),
					rs.getObject(4, OffsetDateTime.class), new MatterText(rs.getString(5), rs.getString(6),
							rs.getString(7), rs.getString(8))))
			.list();
	}

}
