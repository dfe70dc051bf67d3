package cn.shouhu.matters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import cn.shouhu.TestStaff;
import cn.shouhu.matters.MatterState;
import cn.shouhu.matters.Satisfaction;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;

/** The matter page: details, only the allowed actions, and each action posted with its version. */
class MatterPageTest extends MatterWebTest {

	private String page(CurrentStaff staff, long id) throws Exception {
		return mvc.perform(get("/matters/" + id).with(authentication(TestStaff.as(staff))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String form(long id, String action) {
		return "action=\"/matters/" + id + "/" + action + "\"";
	}

	@Test
	void theCoordinatorMayDispatchAReceivedMatterAndTheHandlerMaySignADispatchedOne() throws Exception {
		long received = received("孩子被锁屋内" + suffix);
		String coordinatorView = page(coordinator(), received);
		assertThat(coordinatorView).contains(form(received, "dispatch"), form(received, "link"), form(received, "merge"))
			.doesNotContain(form(received, "sign"), form(received, "reply-draft"), form(received, "supervise"))
			.contains("王女士", "138****5678", "110105********002X")
			.doesNotContain("13847215678", "11010519491231002X");

		long dispatched = dispatchedToA("孩子被锁屋内" + suffix);
		String handlerView = page(handlerA(), dispatched);
		assertThat(handlerView).contains(form(dispatched, "sign"), "便民开锁服务部" + suffix, "协助开锁")
			.doesNotContain(form(dispatched, "dispatch"), form(dispatched, "return"), form(dispatched, "reply-draft"));
		assertThat(page(leaderA(), dispatched)).contains(form(dispatched, "sign"), form(dispatched, "return"),
				form(dispatched, "transfer"));
		assertThat(page(staff(Role.BRANCH_LEADER, branch), dispatched)).contains("孩子被锁屋内" + suffix)
			.doesNotContain("action=\"/matters/" + dispatched + "/");
	}

	@Test
	void theDispatchFormPreselectsTheProposedLeadUnit() throws Exception {
		long received = received("孩子被锁屋内" + suffix);
		mvc.perform(get("/matters/" + received).with(authentication(TestStaff.as(coordinator()))))
			.andExpect(content().string(matchesPattern(
					"(?s).*<option value=\"" + stationA + "\" selected=\"selected\">[^<]*沼潭" + suffix + "派出所.*")));
	}

	@Test
	void signingWithTheSeenVersionWorksAndAStaleVersionIsAConflictThatChangesNothing() throws Exception {
		long id = dispatchedToA("孩子被锁屋内" + suffix);
		int seen = version(id);
		mvc.perform(postAs(handlerA(), "/matters/" + id + "/sign").param("version", String.valueOf(seen)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/matters/" + id))
			.andExpect(flash().attribute("flashSuccess", "matters-web.done.SIGN"));
		assertThat(desk.details(coordinator(), id).state()).isEqualTo(MatterState.SIGNED);

		int afterSign = version(id);
		mvc.perform(postAs(handlerA(), "/matters/" + id + "/progress").param("version", String.valueOf(seen))
			.param("note", "已联系开锁师傅"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("事项已被他人处理或修改")));
		assertThat(version(id)).isEqualTo(afterSign);
		assertThat(desk.details(coordinator(), id).timeline()).noneMatch(entry -> "已联系开锁师傅".equals(entry.note()));
	}

	@Test
	void anActionTheStateDoesNotAllowIsAConflict() throws Exception {
		long id = signedByA("孩子被锁屋内" + suffix);
		mvc.perform(postAs(handlerA(), "/matters/" + id + "/sign").param("version", String.valueOf(version(id))))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("只有待签收的事项可以签收")));
	}

	@Test
	void invalidInputShowsTheMessageBesideTheFieldAndChangesNothing() throws Exception {
		long id = dispatchedToA("孩子被锁屋内" + suffix);
		int seen = version(id);
		mvc.perform(postAs(leaderA(), "/matters/" + id + "/return").param("version", String.valueOf(seen))
			.param("reason", "  "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(matchesPattern("(?s).*id=\"return-reason\".*此项必须填写.*")));
		assertThat(version(id)).isEqualTo(seen);
		assertThat(desk.details(coordinator(), id).state()).isEqualTo(MatterState.DISPATCHED);
	}

	@Test
	void anotherStationsHandlerFindsNeitherThePageNorTheAction() throws Exception {
		long id = dispatchedToA("孩子被锁屋内" + suffix);
		CurrentStaff other = staff(Role.HANDLER, stationB);
		mvc.perform(get("/matters/" + id).with(authentication(TestStaff.as(other))))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("孩子被锁屋内"))));
		mvc.perform(postAs(other, "/matters/" + id + "/sign").param("version", String.valueOf(version(id))))
			.andExpect(status().isNotFound());
		assertThat(desk.details(coordinator(), id).state()).isEqualTo(MatterState.DISPATCHED);
	}

	@Test
	void theWholeLoopThroughTheForms() throws Exception {
		long id = received("孩子被锁屋内" + suffix);
		mvc.perform(postAs(coordinator(), "/matters/" + id + "/dispatch").param("version", v(id))
			.param("categoryCode", "EMERGENCY")
			.param("urgency", "CRITICAL")
			.param("leadUnitId", String.valueOf(stationA))
			.param("coUnitIds", String.valueOf(locksmith))
			.param("request", "协助开锁"))
			.andExpect(status().isFound());
		mvc.perform(postAs(handlerA(), "/matters/" + id + "/sign").param("version", v(id))).andExpect(status().isFound());
		mvc.perform(postAs(handlerA(), "/matters/" + id + "/task-result").param("version", v(id))
			.param("taskNo", "1")
			.param("result", "开锁师傅已打开房门"))
			.andExpect(status().isFound());
		mvc.perform(postAs(handlerA(), "/matters/" + id + "/reply-draft").param("version", v(id))
			.param("text", "孩子已安全")
			.param("measures", "提醒住户备用钥匙"))
			.andExpect(status().isFound());
		mvc.perform(postAs(leaderA(), "/matters/" + id + "/reply-approve").param("version", v(id)))
			.andExpect(status().isFound());
		mvc.perform(postAs(coordinator(), "/matters/" + id + "/follow-up").param("version", v(id))
			.param("satisfaction", "SATISFIED")
			.param("comment", "感谢"))
			.andExpect(status().isFound());
		var details = desk.details(coordinator(), id);
		assertThat(details.followUp().satisfaction()).isEqualTo(Satisfaction.SATISFIED);
		assertThat(details.state()).isIn(MatterState.CLOSED, MatterState.REPLIED);
		assertThat(page(coordinator(), id)).contains("开锁师傅已打开房门", "提醒住户备用钥匙", "满意");
	}

	private String v(long id) {
		return String.valueOf(version(id));
	}

	@Test
	void aDuplicateIsMergedByTheMastersTrackingCode() throws Exception {
		long master = dispatchedToA("孩子被锁屋内" + suffix);
		long duplicate = received("孩子被锁屋内（重复来电）" + suffix);
		mvc.perform(postAs(coordinator(), "/matters/" + duplicate + "/merge").param("version", v(duplicate))
			.param("other", "NO-SUCH-CODE"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(matchesPattern("(?s).*id=\"merge-other\".*找不到该事项.*")));
		String code = desk.details(coordinator(), master).trackingCode();
		mvc.perform(postAs(coordinator(), "/matters/" + duplicate + "/merge").param("version", v(duplicate))
			.param("other", code.toLowerCase()))
			.andExpect(status().isFound());
		assertThat(desk.details(coordinator(), duplicate).state()).isEqualTo(MatterState.MERGED);
		assertThat(desk.details(coordinator(), duplicate).mergedInto()).isEqualTo(master);
	}

}
