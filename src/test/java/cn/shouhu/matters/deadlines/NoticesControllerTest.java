package cn.shouhu.matters.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import cn.shouhu.TestStaff;
import cn.shouhu.shared.Role;

/** 督办提醒: who sees which notices, and marking one read. */
@AutoConfigureMockMvc
class NoticesControllerTest extends DeadlineSpringTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	NoticeFiring firing;

	long matter;

	long warning;

	long escalation;

	@BeforeEach
	void notices() {
		clock.set(at("2026-04-29T10:00"));
		matter = dispatchedComplaint();
		clock.set(at("2026-05-07T10:00"));
		firing.fire(new NoticeTimer(matter, DeadlineKind.SIGN, NoticeKind.WARNING_70, at("2026-04-30T10:00")));
		firing.fire(new NoticeTimer(matter, DeadlineKind.SIGN, NoticeKind.ESCALATED_UNIT_LEADER,
				at("2026-04-30T10:00")));
		warning = noticeId(NoticeKind.WARNING_70);
		escalation = noticeId(NoticeKind.ESCALATED_UNIT_LEADER);
	}

	@Test
	void aHandlerSeesTheWarningsOfTheirUnitButNotTheLeadersEscalation() throws Exception {
		String page = mvc.perform(get("/matters/notices").with(authentication(TestStaff.as(Role.HANDLER, station))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("时限已用 70%").doesNotContain("逾期升级：单位负责人");
	}

	@Test
	void theUnitLeaderAndTheCoordinatorSeeBoth() throws Exception {
		for (var who : new org.springframework.security.core.Authentication[] {
				TestStaff.as(Role.UNIT_LEADER, station), TestStaff.as(Role.COORDINATOR, otherStation) }) {
			mvc.perform(get("/matters/notices").with(authentication(who)))
				.andExpect(status().isOk())
				.andExpect(content().string(org.hamcrest.Matchers.containsString("逾期升级：单位负责人")))
				.andExpect(content().string(org.hamcrest.Matchers.containsString("时限已用 70%")));
		}
	}

	@Test
	void anotherUnitSeesNoneAndCannotMarkThemRead() throws Exception {
		String page = mvc
			.perform(get("/matters/notices").with(authentication(TestStaff.as(Role.UNIT_LEADER, otherStation))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).doesNotContain("时限已用 70%").contains("暂无提醒");
		mvc.perform(post("/matters/notices/{id}/read", warning).with(csrf())
			.with(authentication(TestStaff.as(Role.UNIT_LEADER, otherStation)))).andExpect(status().isNotFound());
		assertThat(isRead(warning)).isFalse();
	}

	@Test
	void markingReadKeepsTheTimeAndTheCountDrops() throws Exception {
		var handler = TestStaff.as(Role.HANDLER, station);
		mvc.perform(get("/matters/notices/count").with(authentication(handler)))
			.andExpect(content().string("<span class=\"count\">1</span>"));
		mvc.perform(post("/matters/notices/{id}/read", warning).with(csrf()).with(authentication(handler)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/matters/notices"));
		assertThat(isRead(warning)).isTrue();
		assertThat(isRead(escalation)).isFalse();
		mvc.perform(get("/matters/notices/count").with(authentication(handler))).andExpect(content().string(""));
	}

	@Test
	void staffWithoutADeadlineRoleAreRefused() throws Exception {
		mvc.perform(get("/matters/notices").with(authentication(TestStaff.as(Role.AUDITOR, station))))
			.andExpect(status().isForbidden());
	}

	private long noticeId(NoticeKind kind) {
		return jdbc.sql("SELECT id FROM matter_notice WHERE matter_id = :m AND notice_kind = :k")
			.param("m", matter)
			.param("k", kind.name())
			.query(Long.class)
			.single();
	}

	private boolean isRead(long id) {
		return jdbc.sql("SELECT read_at IS NOT NULL FROM matter_notice WHERE id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

}
