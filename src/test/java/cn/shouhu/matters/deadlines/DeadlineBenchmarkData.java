package cn.shouhu.matters.deadlines;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deadline timers for the benchmarks' bulk matters (see {@link cn.shouhu.BenchmarkData}), written straight into
 * {@code scheduled_tasks} as {@link DeadlineWatch} would leave them. PostgreSQL only.
 */
public final class DeadlineBenchmarkData {

	/** When each step falls due relative to its deadline (70 %, 90 %, due, +1 and +2 working days, roughly). */
	private static final Duration[] STEP_OFFSETS = { Duration.ofDays(-3), Duration.ofDays(-1), Duration.ZERO,
			Duration.ofDays(1), Duration.ofDays(2) };

	private DeadlineBenchmarkData() {
	}

	/** The 10 timers (5 steps of the reply and of the close deadline) of every matter in 办理中. */
	public static void timersOfOpenMatters(JdbcTemplate jdbc) {
		for (DeadlineKind deadline : List.of(DeadlineKind.REPLY, DeadlineKind.CLOSE)) {
			for (int step = 0; step < NoticeKind.values().length; step++) {
				insertTimers(jdbc, deadline, NoticeKind.values()[step], STEP_OFFSETS[step]);
			}
		}
	}

	/**
	 * Moves the 70 % reply warning of the open matters whose id is {@code remainder} modulo {@code modulus} to
	 * {@code at}.
	 * @return how many timers were moved
	 */
	public static int fallDue(JdbcTemplate jdbc, Instant at, int modulus, int remainder, long fromId) {
		return jdbc.update("UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = ? AND task_instance"
				+ " IN (SELECT m.id || ':REPLY:WARNING_70' FROM matter m WHERE m.state = 'IN_PROGRESS'"
				+ " AND m.id % ? = ? AND m.id >= ?)", Timestamp.from(at), DeadlineTimers.TASK_NAME, modulus, remainder,
				fromId);
	}

	/**
	 * The 70 % reply warnings written for the matters {@link #fallDue} chose ({@code fromId} leaves out matters that
	 * were there before the fill, such as the demo branch's, whose own warnings may fire meanwhile).
	 */
	public static int warnings(JdbcTemplate jdbc, int modulus, int remainder, long fromId) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM matter_notice WHERE notice_kind = 'WARNING_70' AND"
				+ " matter_id % ? = ? AND matter_id >= ?", Integer.class, modulus, remainder, fromId);
	}

	/**
	 * One step's timers for every open matter: the task data is a serialised {@link NoticeTimer} whose matter id
	 * and due instant are patched in SQL at the byte offsets where the serializer puts them. Open matters that
	 * already have the step's timer (the demo branch's, set by the application) keep it.
	 */
	private static void insertTimers(JdbcTemplate jdbc, DeadlineKind deadline, NoticeKind notice, Duration offset) {
		long idMarker = 0x0102030405060708L;
		long secondsMarker = 0x00301A2B3C4D5E6FL;
		byte[] template = serialize(new NoticeTimer(idMarker, deadline, notice, Instant.ofEpochSecond(secondsMarker)));
		int idAt = indexOf(template, idMarker);
		int secondsAt = indexOf(template, secondsMarker);
		String dueColumn = deadline == DeadlineKind.REPLY ? "m.reply_due" : "m.close_due";
		jdbc.update("""
				INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version,
				    priority)
				SELECT ?, m.id || ? , overlay(overlay(CAST(? AS BYTEA) PLACING int8send(m.id) FROM ? FOR 8)
				           PLACING int8send(CAST(EXTRACT(EPOCH FROM %s) AS BIGINT)) FROM ? FOR 8),
				       %s + CAST(? AS INTERVAL), FALSE, 1, 0
				  FROM matter m WHERE m.state = 'IN_PROGRESS'
				ON CONFLICT DO NOTHING
				""".formatted(dueColumn, dueColumn), DeadlineTimers.TASK_NAME, ":" + deadline + ":" + notice, template,
				idAt + 1, secondsAt + 1, offset.toSeconds() + " seconds");
	}

	private static byte[] serialize(NoticeTimer timer) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(timer);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private static int indexOf(byte[] data, long marker) {
		byte[] pattern = new byte[8];
		for (int i = 0; i < 8; i++) {
			pattern[i] = (byte) (marker >>> (56 - 8 * i));
		}
		for (int i = 0; i + 8 <= data.length; i++) {
			if (Arrays.equals(data, i, i + 8, pattern, 0, 8)) {
				return i;
			}
		}
		throw new IllegalStateException("Marker not found in the serialised timer");
	}

}
