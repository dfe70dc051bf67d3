package cn.shouhu.matters.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.shouhu.calendar.WorkingCalendar;
import cn.shouhu.matters.deadlines.MatterClock.Pause;

/**
 * When each step of a deadline's watch falls due, on the working-day calendar. The warnings come when 70 % and
 * 90 % of the working time between the start and the due instant has been worked; time spent waiting for the
 * submitter is not worked (the core already moved the due instant by as much). Overdue is the due instant itself;
 * the escalations come one and two working days after it.
 */
final class DeadlineSchedule {

	private DeadlineSchedule() {
	}

	static Map<NoticeKind, Instant> instants(Instant start, Instant due, List<Pause> pauses, WorkingCalendar calendar) {
		Duration paused = Duration.ZERO;
		for (Pause pause : pauses) {
			paused = paused.plus(calendar.workingTimeBetween(pause.from(), pause.to() == null ? due : pause.to()));
		}
		Duration limit = calendar.workingTimeBetween(start, due).minus(paused);
		if (limit.isNegative()) {
			limit = Duration.ZERO;
		}
		Map<NoticeKind, Instant> instants = new EnumMap<>(NoticeKind.class);
		instants.put(NoticeKind.WARNING_70, worked(start, share(limit, 70), pauses, calendar));
		instants.put(NoticeKind.WARNING_90, worked(start, share(limit, 90), pauses, calendar));
		instants.put(NoticeKind.OVERDUE, due);
		Instant unitLeader = calendar.plusWorkingDays(due, 1);
		instants.put(NoticeKind.ESCALATED_UNIT_LEADER, unitLeader);
		instants.put(NoticeKind.ESCALATED_BRANCH, calendar.plusWorkingDays(unitLeader, 1));
		return instants;
	}

	private static Duration share(Duration limit, int percent) {
		return Duration.ofSeconds(limit.toSeconds() * percent / 100);
	}

	/** The instant when {@code work} of business time has been worked after {@code start}, skipping the pauses. */
	private static Instant worked(Instant start, Duration work, List<Pause> pauses, WorkingCalendar calendar) {
		Instant at = start;
		Duration left = work;
		for (Pause pause : pauses) {
			if (pause.to() == null) {
				break;
			}
			Duration before = calendar.workingTimeBetween(at, pause.from());
			if (before.compareTo(left) >= 0) {
				break;
			}
			left = left.minus(before);
			at = pause.to().isAfter(at) ? pause.to() : at;
		}
		return calendar.plusWorkingTime(at, left);
	}

}
