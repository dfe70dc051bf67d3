package cn.shouhu.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import cn.shouhu.TestStaff;
import cn.shouhu.shared.Role;

/** Open311 应用: the system administrator issues a key (shown once), sees it listed and revokes it; all audited. */
class AppKeysPageTest extends Open311TestSupport {

	private static final Pattern SHOWN_KEY = Pattern.compile("id=\"issued-key\">([A-Za-z0-9_-]{43})<");

	@Test
	void anAdministratorIssuesAKeyThatWorksOnceShownAndRevokesIt() throws Exception {
		MvcResult issued = mvc.perform(post("/system/open311-apps").with(authentication(TestStaff.as(Role.SYSTEM_ADMIN, 1)))
			.with(csrf())
			.param("appName", "包头便民通")
			.param("contact", "张工 13900000000")).andReturn();
		assertThat(issued.getResponse().getStatus()).isEqualTo(200);
		assertThat(issued.getResponse().getHeader("Cache-Control")).contains("no-store");
		Matcher shown = SHOWN_KEY.matcher(body(issued));
		assertThat(shown.find()).isTrue();
		String key = shown.group(1);

		// Only the hash is stored, never the key itself.
		assertThat(jdbc.sql("SELECT COUNT(*) FROM open311_api_key WHERE key_hash = :hash")
			.param("hash", ApiKeys.hash(key)).query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM open311_api_key WHERE key_hash = :key OR key_prefix = :key")
			.param("key", key).query(Integer.class).single()).isZero();
		long id = jdbc.sql("SELECT id FROM open311_api_key WHERE key_hash = :hash").param("hash", ApiKeys.hash(key))
			.query(Long.class).single();

		String list = body(mvc.perform(MockMvcRequestBuilders.get("/system/open311-apps")
			.with(authentication(TestStaff.as(Role.SYSTEM_ADMIN, 1)))).andReturn());
		assertThat(list).contains("包头便民通").contains(key.substring(0, 8) + "…").doesNotContain(key);

		assertThat(call(postForm("json", helpRequest(key))).getResponse().getStatus()).isEqualTo(200);

		MvcResult revoked = mvc.perform(post("/system/open311-apps/{id}/revoke", id)
			.with(authentication(TestStaff.as(Role.SYSTEM_ADMIN, 1)))
			.with(csrf())).andReturn();
		assertThat(revoked.getResponse().getRedirectedUrl()).isEqualTo("/system/open311-apps");
		assertThat(call(postForm("json", helpRequest(key))).getResponse().getStatus()).isEqualTo(403);

		assertThat(jdbc.sql("SELECT action FROM audit_event WHERE module = 'open311' AND target_id = :id ORDER BY id")
			.param("id", String.valueOf(id)).query(String.class).list())
			.containsExactly("open311_api_key.create", "open311_api_key.revoke");
	}

	@Test
	void aBlankAppNameIsRefusedWithAMessageAndIssuesNothing() throws Exception {
		long before = jdbc.sql("SELECT COUNT(*) FROM open311_api_key").query(Long.class).single();
		MvcResult result = mvc.perform(post("/system/open311-apps").with(authentication(TestStaff.as(Role.SYSTEM_ADMIN, 1)))
			.with(csrf())
			.param("appName", "  ")).andReturn();
		assertThat(body(result)).contains("此项必须填写").doesNotContain("issued-key");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM open311_api_key").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void onlyTheSystemAdministratorManagesKeys() throws Exception {
		for (Role role : new Role[] { Role.SECURITY_ADMIN, Role.COORDINATOR, Role.AUDITOR }) {
			assertThat(mvc.perform(MockMvcRequestBuilders.get("/system/open311-apps")
				.with(authentication(TestStaff.as(role, 1)))).andReturn().getResponse().getStatus()).isEqualTo(403);
			assertThat(mvc.perform(post("/system/open311-apps").with(authentication(TestStaff.as(role, 1)))
				.with(csrf())
				.param("appName", "越权应用")).andReturn().getResponse().getStatus()).isEqualTo(403);
		}
		assertThat(mvc.perform(post("/system/open311-apps").with(authentication(TestStaff.as(Role.SYSTEM_ADMIN, 1)))
			.param("appName", "没有 CSRF 令牌")).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM open311_api_key WHERE app_name IN ('越权应用', '没有 CSRF 令牌')")
			.query(Integer.class).single()).isZero();
	}

}
