package cn.shouhu.matters.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.shouhu.TestStaff;
import cn.shouhu.matters.Channel;
import cn.shouhu.matters.Dispatch;
import cn.shouhu.matters.Intake;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.Place;
import cn.shouhu.matters.Submitter;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;

/** 网上诉求待分派: the intake desk's live panel of public matters waiting for dispatch. */
class PublicQueuePageTest extends MatterWebTest {

	private long fromPortal(String title) {
		return desk.submit(new Intake(Channel.PORTAL, MatterKind.HELP, null, null, title, "小区路灯坏了一个月，夜里很黑。",
				new Place("民族东路某小区", null, null, null), Submitter.person("李先生", "13912345678")))
			.id();
	}

	private String panel(CurrentStaff staff) throws Exception {
		return mvc.perform(get("/matters/intake/public-queue").with(authentication(TestStaff.as(staff))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void theIntakeDeskPollsThePanelEveryFiveSeconds() throws Exception {
		mvc.perform(get("/matters/intake").with(authentication(TestStaff.as(clerk()))))
			.andExpect(status().isOk())
			.andExpect(content().string(matchesPattern(
					"(?s).*id=\"public-queue\"[^>]*hx-get=\"/matters/intake/public-queue\".*")))
			.andExpect(content().string(containsString("hx-trigger=\"every 5s\"")))
			.andExpect(content().string(containsString("网上诉求待分派")));
	}

	@Test
	void aNewPublicMatterShowsOnTheNextPollAndLeavesOnceDispatched() throws Exception {
		String title = "路灯不亮" + suffix;
		String before = panel(clerk());
		org.assertj.core.api.Assertions.assertThat(before).doesNotContain(title);

		long id = fromPortal(title);
		long phone = received("电话求助" + suffix);

		mvc.perform(get("/matters/intake/public-queue").with(authentication(TestStaff.as(coordinator()))))
			.andExpect(content().string(containsString(title)))
			.andExpect(content().string(containsString("/matters/" + id)))
			.andExpect(content().string(matchesPattern("(?s).*id=\"public-queue-count\"[^>]*>\\d+<.*")))
			.andExpect(content().string(not(containsString("电话求助" + suffix))))
			.andExpect(content().string(not(containsString("13912345678"))))
			.andExpect(content().string(containsString("hx-trigger=\"every 5s\"")));

		desk.dispatch(coordinator(), id, version(id), new Dispatch("OTHER", null, stationA, List.of(), null));
		org.assertj.core.api.Assertions.assertThat(panel(clerk())).doesNotContain(title);
		org.assertj.core.api.Assertions.assertThat(phone).isPositive();
	}

	@Test
	void onlyClerksAndCoordinatorsGetThePanel() throws Exception {
		mvc.perform(get("/matters/intake/public-queue").with(authentication(TestStaff.as(handlerA()))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/matters/intake/public-queue")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/matters/intake/public-queue")
			.with(authentication(TestStaff.as(staff(Role.BRANCH_LEADER, branch)))))
			.andExpect(status().isForbidden());
	}

}
