package cn.shouhu.matters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.shouhu.TestStaff;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;

/** 我的待办 and its menu badge: each unit sees its own subtree's matters only. */
class TodoPageTest extends MatterWebTest {

	private String get(CurrentStaff staff, String url) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.get(url)
			.with(authentication(TestStaff.as(staff))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void aStationSeesWhatWaitsForItAndNotWhatWaitsForAnother() throws Exception {
		String toSign = "待签收事项" + suffix;
		String toHandle = "待办理事项" + suffix;
		dispatchedToA(toSign);
		signedByA(toHandle);

		assertThat(get(handlerA(), "/matters/todo?tab=sign")).contains(toSign).doesNotContain(toHandle);
		assertThat(get(handlerA(), "/matters/todo?tab=handle")).contains(toHandle).doesNotContain(toSign);
		assertThat(get(staff(Role.HANDLER, teamA), "/matters/todo?tab=sign")).doesNotContain(toSign);
		assertThat(get(staff(Role.HANDLER, stationB), "/matters/todo?tab=sign")).doesNotContain(toSign);
		assertThat(get(staff(Role.UNIT_LEADER, stationB), "/matters/todo?tab=handle")).doesNotContain(toHandle);
		assertThat(get(coordinator(), "/matters/todo?tab=sign")).contains(toSign);
	}

	@Test
	void theCoordinatorsQueueListsWhatWaitsForDispatch() throws Exception {
		String title = "待分派事项" + suffix;
		received(title);
		assertThat(get(clerk(), "/matters/todo?tab=dispatch")).contains(title);
		assertThat(get(handlerA(), "/matters/todo?tab=dispatch")).doesNotContain(title);
	}

	@Test
	void theBadgeCountsTheUnitsOwnWorkAndIsEmptyWhenThereIsNone() throws Exception {
		dispatchedToA("待签收事项" + suffix);
		signedByA("待办理事项" + suffix);
		assertThat(get(handlerA(), "/matters/todo/count").strip()).isEqualTo("<span class=\"count\">2</span>");
		assertThat(get(staff(Role.HANDLER, stationB), "/matters/todo/count")).isBlank();
		assertThat(get(staff(Role.BRANCH_LEADER, branch), "/matters/todo/count")).isBlank();
	}

	@Test
	void dueSoonAndOverdueFollowTheWorkingDayCalendar() throws Exception {
		clock.shiftBy(Duration.ofDays(-10));
		String late = "早已超期事项" + suffix;
		dispatchedToA(late);
		clock.reset();
		String fresh = "刚分派事项" + suffix;
		dispatchedToA(fresh);

		assertThat(get(handlerA(), "/matters/todo?tab=overdue")).contains(late).doesNotContain(fresh);
		assertThat(get(handlerA(), "/matters/todo?tab=dueSoon")).contains(fresh).doesNotContain(late);
		assertThat(get(staff(Role.HANDLER, stationB), "/matters/todo?tab=overdue")).doesNotContain(late);
		assertThat(get(coordinator(), "/matters/board?overdue=true&q=" + suffix)).contains(late).doesNotContain(fresh);
	}

}
