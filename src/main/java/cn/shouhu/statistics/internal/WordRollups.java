package cn.shouhu.statistics.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.shouhu.classification.Words;

/**
 * 热点词: counts a matter's content words into {@code statistics_word_weekly} when it is first dispatched, once per
 * word, under its first lead unit and the week it was received. Called inside {@link DailyRollups#apply}, so the
 * words are counted exactly when the event is, in the same transaction.
 */
@Component
class WordRollups {

	/** Enough for what a matter is about; a 4,000-character letter must not add hundreds of rows. */
	static final int MAX_WORDS_PER_MATTER = 30;

	/** Longer "words" are segmentation accidents (a run of Latin letters or digits), not topics. */
	static final int MAX_WORD_LENGTH = 20;

	private static final int ATTEMPTS = 5;

	private final JdbcClient jdbc;

	WordRollups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The Monday that starts the week of {@code day}: hot spots compare whole weeks. */
	static LocalDate weekOf(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	void count(long matterId, long unitId, LocalDate receivedDay) {
		String text = jdbc.sql("SELECT title, description FROM matter WHERE id = :id")
			.param("id", matterId)
			.query((rs, row) -> nullToEmpty(rs.getString("title")) + "\n" + nullToEmpty(rs.getString("description")))
			.optional()
			.orElse("");
		LocalDate week = weekOf(receivedDay);
		for (String word : distinctWords(text)) {
			add(week, unitId, word);
		}
	}

	static Set<String> distinctWords(String text) {
		Set<String> words = new LinkedHashSet<>();
		for (String word : Words.of(text)) {
			if (word.length() >= 2 && word.length() <= MAX_WORD_LENGTH) {
				words.add(word);
				if (words.size() == MAX_WORDS_PER_MATTER) {
					break;
				}
			}
		}
		return words;
	}

	private void add(LocalDate week, long unitId, String word) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			jdbc.sql("""
					INSERT INTO statistics_word_weekly (week_start, unit_id, word)
					VALUES (:week, :unitId, :word) ON CONFLICT DO NOTHING""")
				.param("week", week)
				.param("unitId", unitId)
				.param("word", word)
				.update();
			int updated = jdbc.sql("""
					UPDATE statistics_word_weekly SET matters = matters + 1
					WHERE week_start = :week AND unit_id = :unitId AND word = :word""")
				.param("week", week)
				.param("unitId", unitId)
				.param("word", word)
				.update();
			if (updated == 1) {
				return;
			}
		}
		throw new IllegalStateException("Word row not found after " + ATTEMPTS + " attempts: " + week);
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

}
