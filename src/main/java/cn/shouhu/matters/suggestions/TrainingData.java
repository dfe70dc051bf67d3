package cn.shouhu.matters.suggestions;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.shouhu.classification.LabelledText;
import cn.shouhu.classification.TsvCorpus;

/**
 * What models learn from: the corpus that ships with Shouhu, and the branch's own closed matters — title as the
 * subject, text as the detail, the final category as the label. Both in a fixed order, so training is repeatable.
 */
@Component
class TrainingData {

	private final ResourceLoader resources;

	private final SuggestionProperties properties;

	private final JdbcClient jdbc;

	TrainingData(ResourceLoader resources, SuggestionProperties properties, JdbcClient jdbc) {
		this.resources = resources;
		this.properties = properties;
		this.jdbc = jdbc;
	}

	/** The shipped corpus, or nothing when the configured resource does not exist. */
	Optional<List<LabelledText>> corpus() {
		Resource resource = resources.getResource(properties.corpus());
		if (!resource.exists()) {
			return Optional.empty();
		}
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			return Optional.of(TsvCorpus.read(reader));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the suggestion corpus " + properties.corpus(), e);
		}
	}

	/** A training message and when its matter closed (null for a corpus message). */
	record Example(LabelledText text, Instant closedAt) {

		String label() {
			return text.label();
		}

	}

	/** Every closed matter with a category, by id. */
	List<Example> closedMatters() {
		return jdbc.sql("""
				SELECT title, description, category_code, closed_at FROM matter
				WHERE state = 'CLOSED' AND category_code IS NOT NULL ORDER BY id""")
			.query((rs, row) -> new Example(new LabelledText(rs.getString(1), rs.getString(2), rs.getString(3)),
					rs.getObject(4, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Matters closed with a category after this instant (all of them when it is null). */
	long closedSince(Instant since) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM matter
				WHERE state = 'CLOSED' AND category_code IS NOT NULL AND closed_at > :since""")
			.param("since", OffsetDateTime.ofInstant(since == null ? Instant.EPOCH : since, ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

}
