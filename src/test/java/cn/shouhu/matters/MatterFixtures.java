package cn.shouhu.matters;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.shouhu.calendar.WorkingCalendar;
import cn.shouhu.matters.TimeLimits.Limit;
import cn.shouhu.matters.TimelineEntry.ActorType;
import cn.shouhu.shared.Role;

/**
 * Matters in every state for tests of the aggregate, without Spring: a calendar on which every instant is
 * working time (so a deadline is a plain sum) and one set of limits for every kind.
 */
final class MatterFixtures {

	static final long LEAD_UNIT = 2L;

	static final long OTHER_UNIT = 3L;

	static final long CO_UNIT = 5L;

	static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

	/** Sign 30 minutes, reply 5 days, close 10 days; 10 extension days; return within 2 days; reopen within 3. */
	static final TimeLimits LIMITS = new TimeLimits(Limit.workingMinutes(30), Limit.workingDays(5),
			Limit.workingDays(10), 10, 2, 3);

	/** Every instant is working time; a working day is 24 hours. */
	static final WorkingCalendar ALWAYS_WORKING = new WorkingCalendar() {

		@Override
		public boolean isWorkingDay(LocalDate date) {
			return true;
		}

		@Override
		public boolean isMaintained(int year) {
			return true;
		}

		@Override
		public Instant plusWorkingDays(Instant from, int days) {
			return from.plus(Duration.ofDays(days));
		}

		@Override
		public Instant plusWorkingTime(Instant from, Duration workingTime) {
			return from.plus(workingTime);
		}

		@Override
		public Duration workingTimeBetween(Instant from, Instant to) {
			return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
		}

	};

	static final DeadlinePolicy POLICY = new DeadlinePolicy((kind, category, urgency) -> Optional.of(LIMITS),
			ALWAYS_WORKING);

	private Instant now = START;

	private long nextId = 100;

	/** The time of the next step: each step is one minute after the one before. */
	Instant tick() {
		now = now.plus(Duration.ofMinutes(1));
		return now;
	}

	Instant now() {
		return now;
	}

	void advance(Duration duration) {
		now = now.plus(duration);
	}

	// ---- actors

	static Actor staff(Set<Role> roles, boolean atLeadUnit, Set<Long> taskUnits) {
		return new Actor(ActorType.STAFF, 42L, "李警官", 9L, roles, atLeadUnit, taskUnits);
	}

	/** Holds every role that can act and is at the lead unit: only the state decides. */
	static Actor everyone() {
		return staff(EnumSet.of(Role.INTAKE_CLERK, Role.COORDINATOR, Role.HANDLER, Role.UNIT_LEADER), true,
				Set.of(CO_UNIT));
	}

	static Actor coordinator() {
		return staff(EnumSet.of(Role.COORDINATOR), false, Set.of(CO_UNIT));
	}

	static Actor clerk() {
		return staff(EnumSet.of(Role.INTAKE_CLERK), false, Set.of());
	}

	static Actor handler() {
		return staff(EnumSet.of(Role.HANDLER), true, Set.of(CO_UNIT));
	}

	static Actor leader() {
		return staff(EnumSet.of(Role.UNIT_LEADER), true, Set.of(CO_UNIT));
	}

	/** A handler whose unit is not the lead unit, e.g. of the co-handling unit. */
	static Actor coHandler() {
		return staff(EnumSet.of(Role.HANDLER), false, Set.of(CO_UNIT));
	}

	static Actor branchLeader() {
		return staff(EnumSet.of(Role.BRANCH_LEADER), true, Set.of());
	}

	// ---- matters

	static Intake intake(MatterKind kind) {
		return new Intake(Channel.PHONE, kind, "EMERGENCY", Urgency.NORMAL, "被锁门外，孩子在屋内",
				"七楼住户外出倒垃圾时门被风关上，两岁孩子独自在屋内。",
				new Place("昆都仑区沼潭街道某小区 7 号楼", "沼潭社区", 40.65, 109.84),
				Submitter.person("王女士", "13847215678"));
	}

	Matter received() {
		return received(intake(MatterKind.COMPLAINT));
	}

	Matter received(Intake intake) {
		return Matter.receive(nextId++, TrackingCodes.next(), intake, clerk(), tick());
	}

	private Matter master;

	/** A master matter for links and merges, still open. */
	Matter openMaster() {
		return received();
	}

	/** The master the last matter brought to MERGED was merged into (replied, not yet closed), or null. */
	Matter master() {
		return master;
	}

	/**
	 * A matter brought to a state by the ordinary path.
	 * @param openTask with an open co-handling task for {@link #CO_UNIT} (where the state allows one)
	 * @param pendingExtension with a request for more time waiting (where the state allows one)
	 */
	Matter in(MatterState state, boolean openTask, boolean pendingExtension) {
		Matter matter = received();
		if (state == MatterState.RECEIVED) {
			return matter;
		}
		if (state == MatterState.MERGED) {
			Matter replied = in(MatterState.REPLIED, false, false);
			matter.mergeInto(everyone(), replied, tick());
			master = replied;
			return matter;
		}
		List<CoHandling> coHandlers = openTask && state != MatterState.REPLY_PENDING_APPROVAL
				&& state != MatterState.REPLIED && state != MatterState.CLOSED && state != MatterState.REOPENED
						? List.of(new CoHandling(CO_UNIT, "请开锁师傅到场", null)) : List.of();
		matter.dispatch(everyone(), new Dispatch("EMERGENCY", Urgency.URGENT, LEAD_UNIT, coHandlers, null), POLICY,
				tick());
		switch (state) {
			case DISPATCHED -> {
				return matter;
			}
			case RETURNED -> {
				matter.returnToCoordinators(everyone(), "不属于本单位管辖", tick());
				return matter;
			}
			default -> matter.sign(everyone(), tick());
		}
		if (state == MatterState.SIGNED) {
			return withPendingExtension(matter, pendingExtension);
		}
		if (state == MatterState.WAITING_FOR_SUBMITTER) {
			withPendingExtension(matter, pendingExtension);
			matter.waitForSubmitter(everyone(), "请补充门牌号", tick());
			return matter;
		}
		matter.recordProgress(everyone(), "已联系开锁师傅", tick());
		if (state == MatterState.IN_PROGRESS) {
			return withPendingExtension(matter, pendingExtension);
		}
		if (!coHandlers.isEmpty()) {
			matter.recordTaskResult(everyone(), 1, "已开锁", tick());
		}
		withPendingExtension(matter, pendingExtension && state == MatterState.REPLY_PENDING_APPROVAL);
		matter.draftReply(everyone(), "门已打开，孩子安全。", "加强独居老人和儿童安全提示", tick());
		if (state == MatterState.REPLY_PENDING_APPROVAL) {
			return matter;
		}
		matter.approveReply(everyone(), POLICY, tick());
		switch (state) {
			case REPLIED -> {
				return matter;
			}
			case CLOSED -> {
				matter.close(everyone(), null, tick());
				return matter;
			}
			case REOPENED -> {
				matter.recordFollowUp(everyone(), Satisfaction.UNSATISFIED, "开锁太慢", POLICY, tick());
				if (openTask) {
					matter.addCoHandler(everyone(), new CoHandling(CO_UNIT, "请再次核实", null), tick());
				}
				return withPendingExtension(matter, pendingExtension);
			}
			default -> throw new IllegalArgumentException("No path to " + state);
		}
	}

	private Matter withPendingExtension(Matter matter, boolean pending) {
		if (pending) {
			matter.requestExtension(everyone(), 2, "需调取监控", POLICY, tick());
		}
		return matter;
	}

}
