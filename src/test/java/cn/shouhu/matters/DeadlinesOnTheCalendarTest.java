package cn.shouhu.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.Role;

/**
 * Deadlines on the real 2026 calendar from the V3 migration and the seeded policy: 国庆 1–7 October off with the
 * Sunday 20 September and Saturday 10 October worked, 春节 15–23 February off with Saturday 14 February worked,
 * 清明 4–6 April off; business hours 08:30–12:00 and 14:30–18:00, Asia/Shanghai.
 */
class DeadlinesOnTheCalendarTest extends MatterSpringTest {

	@Autowired
	DeadlinePolicy policy;

	@Test
	void aComplaintDispatchedBeforeTheNationalDayHolidayIsDueAfterIt() {
		Deadlines due = policy.atDispatch(MatterKind.COMPLAINT, "PUBLIC_ORDER", Urgency.NORMAL,
				at("2026-09-30T15:00"));

		// Working days after Wednesday 30 September: 8, 9, 10 (a worked Saturday), 12, 13 October.
		assertThat(due.replyDue()).isEqualTo(at("2026-10-13T15:00"));
		assertThat(due.signDue()).isEqualTo(at("2026-10-08T15:00"));
		assertThat(due.returnDue()).isEqualTo(at("2026-10-09T15:00"));
		// Ten: 8, 9, 10, 12, 13, 14, 15, 16, 19, 20 October.
		assertThat(due.closeDue()).isEqualTo(at("2026-10-20T15:00"));
	}

	@Test
	void aHelpRequestLateOnTheFridayBeforeSpringFestivalIsDueOnTheWorkedSaturday() {
		Deadlines due = policy.atDispatch(MatterKind.HELP, "EMERGENCY", Urgency.NORMAL, at("2026-02-13T17:45"));

		// 15 minutes before Friday's close, 15 after Saturday's opening.
		assertThat(due.signDue()).isEqualTo(at("2026-02-14T08:45"));
		assertThat(due.replyDue()).isEqualTo(at("2026-02-14T17:45"));
		// Three working days: the 14th, then the 24th and 25th after the holiday.
		assertThat(due.closeDue()).isEqualTo(at("2026-02-25T17:45"));
	}

	@Test
	void aHelpRequestOnTheQingmingHolidayIsDueWhenWorkResumes() {
		// The report's story: on the 清明 holiday a mother is locked out; recorded on the evening before it.
		Deadlines due = policy.atDispatch(MatterKind.HELP, "EMERGENCY", Urgency.NORMAL, at("2026-04-03T19:00"));

		assertThat(due.signDue()).isEqualTo(at("2026-04-07T09:00"));
		// One working day from outside business hours ends at Tuesday's close, not Wednesday's opening.
		assertThat(due.replyDue()).isEqualTo(at("2026-04-07T18:00"));
	}

	@Test
	void theMostSpecificPolicyRowWins() {
		Instant dispatched = at("2026-04-03T11:00");

		// HELP × EMERGENCY × CRITICAL: reply within 120 working minutes, across the lunch break.
		Deadlines emergency = policy.atDispatch(MatterKind.HELP, "EMERGENCY", Urgency.CRITICAL, dispatched);
		assertThat(emergency.signDue()).isEqualTo(at("2026-04-03T11:10"));
		assertThat(emergency.replyDue()).isEqualTo(at("2026-04-03T15:30"));

		// HELP × any × CRITICAL: 240 working minutes.
		Deadlines critical = policy.atDispatch(MatterKind.HELP, "OTHER", Urgency.CRITICAL, dispatched);
		assertThat(critical.replyDue()).isEqualTo(at("2026-04-03T17:30"));

		// HELP × any × any: one working day, over the holiday.
		Deadlines plain = policy.atDispatch(MatterKind.HELP, "EMERGENCY", Urgency.URGENT, dispatched);
		assertThat(plain.replyDue()).isEqualTo(at("2026-04-07T11:00"));
	}

	@Test
	void aCategoryRowBeatsAnUrgencyRow() {
		jdbc.sql("""
				INSERT INTO time_limit_policy (kind, category_code, urgency, sign_amount, sign_unit, reply_amount,
				        reply_unit, close_amount, close_unit, extension_days, return_days, reopen_days, updated_at)
				VALUES ('ENQUIRY', 'HOUSEHOLD', NULL, 60, 'WORKING_MINUTES', 2, 'WORKING_DAYS', 4, 'WORKING_DAYS',
				        0, 2, 3, CURRENT_TIMESTAMP),
				       ('ENQUIRY', NULL, 'URGENT', 30, 'WORKING_MINUTES', 120, 'WORKING_MINUTES', 1, 'WORKING_DAYS',
				        0, 2, 3, CURRENT_TIMESTAMP)
				""").update();
		try {
			Instant dispatched = at("2026-03-02T09:00");
			assertThat(policy.atDispatch(MatterKind.ENQUIRY, "HOUSEHOLD", Urgency.URGENT, dispatched).replyDue())
				.isEqualTo(at("2026-03-04T09:00"));
			assertThat(policy.atDispatch(MatterKind.ENQUIRY, "TRAFFIC", Urgency.URGENT, dispatched).replyDue())
				.isEqualTo(at("2026-03-02T11:00"));
			assertThat(policy.atDispatch(MatterKind.ENQUIRY, "TRAFFIC", Urgency.NORMAL, dispatched).replyDue())
				.isEqualTo(at("2026-03-03T09:00"));
		}
		finally {
			jdbc.sql("""
					DELETE FROM time_limit_policy
					 WHERE kind = 'ENQUIRY' AND (category_code IS NOT NULL OR urgency IS NOT NULL)
					""").update();
		}
	}

	@Test
	void theSamePolicyRowCannotBeEnteredTwice() {
		assertThatThrownBy(() -> jdbc.sql("""
				INSERT INTO time_limit_policy (kind, category_code, urgency, sign_amount, sign_unit, reply_amount,
				        reply_unit, close_amount, close_unit, extension_days, return_days, reopen_days, updated_at)
				VALUES ('HELP', NULL, NULL, 1, 'WORKING_DAYS', 1, 'WORKING_DAYS', 1, 'WORKING_DAYS', 0, 2, 3,
				        CURRENT_TIMESTAMP)
				""").update()).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
	}

	@Test
	void waitingForTheSubmitterAddsTheWaitedBusinessTime() {
		Deadlines dispatched = policy.atDispatch(MatterKind.COMPLAINT, "PUBLIC_ORDER", Urgency.NORMAL,
				at("2026-09-28T09:00"));
		// Five working days from Monday 28 September: 29, 30 September, 8, 9, 10 October.
		assertThat(dispatched.replyDue()).isEqualTo(at("2026-10-10T09:00"));

		// Waiting from Tuesday 10:00 to Wednesday 10:00 is 2 + 3.5 + 1.5 = 7 business hours.
		Deadlines resumed = policy.resumed(dispatched.pausedAt(at("2026-09-29T10:00")), at("2026-09-30T10:00"));

		assertThat(resumed.pausedWorkingTime()).isEqualTo(Duration.ofHours(7));
		// Saturday 10 October 09:00 + 7 business hours: 6.5 that day, 0.5 on Monday the 12th.
		assertThat(resumed.replyDue()).isEqualTo(at("2026-10-12T09:00"));
		assertThat(resumed.pausedSince()).isNull();
	}

	@Test
	void aWaitOverTheHolidayCountsOnlyItsBusinessHours() {
		Deadlines dispatched = policy.atDispatch(MatterKind.COMPLAINT, "PUBLIC_ORDER", Urgency.NORMAL,
				at("2026-09-28T09:00"));

		// From Wednesday 30 September 17:00 to Thursday 8 October 09:00: one hour, then half an hour.
		Deadlines resumed = policy.resumed(dispatched.pausedAt(at("2026-09-30T17:00")), at("2026-10-08T09:00"));

		assertThat(resumed.pausedWorkingTime()).isEqualTo(Duration.ofMinutes(90));
		assertThat(resumed.replyDue()).isEqualTo(at("2026-10-10T10:30"));
	}

	@Test
	void anExtensionAddsWorkingDays() {
		Deadlines dispatched = policy.atDispatch(MatterKind.COMPLAINT, "PUBLIC_ORDER", Urgency.NORMAL,
				at("2026-09-30T15:00"));

		Deadlines extended = policy.extended(dispatched, 3);

		assertThat(extended.replyDue()).isEqualTo(at("2026-10-16T15:00"));
		assertThat(extended.closeDue()).isEqualTo(at("2026-10-23T15:00"));
		assertThat(extended.extendedDays()).isEqualTo(3);
	}

	@Test
	void aKindWithoutPolicyCannotBeDispatched() {
		jdbc.sql("DELETE FROM time_limit_policy WHERE kind = 'PRAISE'").update();
		try {
			Instant dispatched = at("2026-03-02T09:00");
			assertThatThrownBy(() -> policy.atDispatch(MatterKind.PRAISE, "OTHER", Urgency.NORMAL, dispatched))
				.isInstanceOfSatisfying(ConflictException.class,
						e -> assertThat(e.messageKey()).isEqualTo("matters.policy.missing"));
		}
		finally {
			jdbc.sql("""
					INSERT INTO time_limit_policy (kind, category_code, urgency, sign_amount, sign_unit, reply_amount,
					        reply_unit, close_amount, close_unit, extension_days, return_days, reopen_days, updated_at)
					VALUES ('PRAISE', NULL, NULL, 1, 'WORKING_DAYS', 5, 'WORKING_DAYS', 10, 'WORKING_DAYS', 5, 2, 3,
					        CURRENT_TIMESTAMP)
					""").update();
		}
	}

	/** Through the desk: the clock, the dispatch, the wait and the resumption, as a user would see them. */
	@Test
	void theDeskCountsOnTheCalendar() {
		clock.set(at("2026-09-30T15:00"));
		long id = desk.intake(clerk(), complaint()).id();
		desk.dispatch(coordinator(), id, 0, new Dispatch("PUBLIC_ORDER", null, stationB, List.of(), null));
		assertThat(desk.details(coordinator(), id).deadlines().replyDue()).isEqualTo(at("2026-10-13T15:00"));

		var handler = staff(Role.HANDLER, stationB);
		clock.set(at("2026-09-30T17:00"));
		desk.sign(handler, id, version(id));
		desk.waitForSubmitter(handler, id, version(id), "请提供跳广场舞的具体时间段");
		clock.set(at("2026-10-08T09:00"));
		desk.resume(handler, id, version(id), "诉求人已补充");

		Deadlines due = desk.details(coordinator(), id).deadlines();
		assertThat(due.pausedWorkingTime()).isEqualTo(Duration.ofMinutes(90));
		assertThat(due.replyDue()).isEqualTo(at("2026-10-13T16:30"));
		assertThat(due.closeDue()).isEqualTo(at("2026-10-20T16:30"));
	}

}
