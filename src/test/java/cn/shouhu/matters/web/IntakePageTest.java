package cn.shouhu.matters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.shouhu.TestStaff;
import cn.shouhu.matters.MatterState;
import cn.shouhu.shared.Role;

/** 受理登记: messages beside the fields, nothing saved on bad input, the new matter's page on success. */
class IntakePageTest extends MatterWebTest {

	@Autowired
	JdbcClient jdbc;

	/** A good help request, with some fields replaced (name, value, name, value …). */
	private MockHttpServletRequestBuilder intake(String title, String... replaced) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("channel", "PHONE");
		fields.put("kind", "HELP");
		fields.put("urgency", "URGENT");
		fields.put("title", title);
		fields.put("description", "孩子被反锁在屋内，请求开锁。");
		fields.put("address", "某小区 7 号楼 701");
		fields.put("community", community);
		fields.put("name", "王女士");
		fields.put("phone", "13847215678");
		for (int i = 0; i < replaced.length; i += 2) {
			fields.put(replaced[i], replaced[i + 1]);
		}
		MockHttpServletRequestBuilder request = postAs(clerk(), "/matters/intake");
		fields.forEach(request::param);
		return request;
	}

	private long matters(String title) {
		return jdbc.sql("SELECT COUNT(*) FROM matter WHERE title = :title").param("title", title).query(Long.class).single();
	}

	@Test
	void aGoodMatterIsReceivedAndItsPageShown() throws Exception {
		String title = "孩子被锁" + suffix;
		String location = mvc.perform(intake(title))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/matters/\\d+");
		long id = Long.parseLong(location.substring("/matters/".length()));
		assertThat(desk.details(coordinator(), id).state()).isEqualTo(MatterState.RECEIVED);
		assertThat(desk.details(coordinator(), id).title()).isEqualTo(title);
	}

	@Test
	void aBadPhoneAndABadIdNumberAreShownBesideTheirFields() throws Exception {
		String title = "孩子被锁" + suffix;
		mvc.perform(intake(title, "phone", "12345678901", "idNumber", "110105194912310021"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(matchesPattern("(?s).*id=\"phone\".*请填写 11 位手机号码.*")))
			.andExpect(content().string(matchesPattern("(?s).*id=\"idNumber\".*身份证号码不正确.*")));
		assertThat(matters(title)).isZero();
	}

	@Test
	void onlyATipOffMayBeAnonymous() throws Exception {
		String title = "匿名求助" + suffix;
		mvc.perform(intake(title, "anonymous", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("只有举报可以匿名提交")));
		assertThat(matters(title)).isZero();
		String tipOff = "举报赌博" + suffix;
		mvc.perform(intake(tipOff, "kind", "TIP_OFF", "anonymous", "true", "name", "", "phone", ""))
			.andExpect(status().isFound());
		assertThat(matters(tipOff)).isOne();
	}

	@Test
	void theSuggestionsFollowTheTextAsItIsTyped() throws Exception {
		mvc.perform(get("/matters/intake/suggestions").param("title", "孩子被反锁在家")
			.param("description", "孩子一个人在家，门被风关上了，孩子在屋里哭，请求开锁")
			.param("community", community)
			.with(authentication(TestStaff.as(clerk()))))
			.andExpect(status().isOk())
			.andExpect(content().string(startsWith("<div id=\"suggestions\"")))
			.andExpect(content().string(containsString("data-suggested-category=\"EMERGENCY\"")))
			.andExpect(content().string(containsString("紧急求助")))
			.andExpect(content().string(containsString("建议主办单位：沼潭" + suffix + "派出所")));
	}

	@Test
	void handlersMayNotRecordMatters() throws Exception {
		mvc.perform(get("/matters/intake").with(authentication(TestStaff.as(staff(Role.HANDLER, stationA)))))
			.andExpect(status().isForbidden());
	}

}
