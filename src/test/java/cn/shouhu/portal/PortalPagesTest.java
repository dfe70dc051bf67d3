package cn.shouhu.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.shouhu.TestStaff;
import cn.shouhu.shared.Role;

/** The portal's public pages and the staff page that edits its catalogue. */
@SpringBootTest
@AutoConfigureMockMvc
class PortalPagesTest extends PortalTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theHomePageShowsThe110BannerTheNavAndTheCatalogueWithItsModes() throws Exception {
		mvc.perform(get("/portal"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("紧急情况请拨打110")))
			.andExpect(content().string(containsString("href=\"/portal/submit\"")))
			.andExpect(content().string(containsString("href=\"/portal/track\"")))
			.andExpect(content().string(containsString("户籍证明开具")))
			.andExpect(content().string(containsString("交通违法处理")))
			.andExpect(content().string(containsString("马上办")))
			.andExpect(content().string(containsString("网上办")))
			.andExpect(content().string(containsString("就近办")))
			.andExpect(content().string(containsString("一次办")))
			.andExpect(content().string(containsString("/css/portal.css")))
			.andExpect(content().string(not(containsString("style="))))
			.andExpect(content().string(not(containsString("<script>"))));
	}

	@Test
	void anonymousVisitorsOfTheRootLandOnThePortalAndStaffKeepTheirHome() throws Exception {
		mvc.perform(get("/")).andExpect(status().isFound()).andExpect(header().string("Location", endsWith("/portal")));
		mvc.perform(get("/").with(authentication(TestStaff.as(Role.HANDLER, 1))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("测试民警")));
	}

	@Test
	void portalPagesCarryTheStaffSecurityHeaders() throws Exception {
		MvcResult staff = mvc.perform(get("/login")).andReturn();
		MvcResult portal = mvc.perform(get("/portal/submit")).andExpect(status().isOk()).andReturn();
		for (String name : new String[] { "Content-Security-Policy", "X-Frame-Options", "Referrer-Policy",
				"Permissions-Policy", "X-Content-Type-Options" }) {
			assertThat(portal.getResponse().getHeader(name)).as(name + " in " + portal.getResponse().getHeaderNames())
				.isNotNull()
				.isEqualTo(staff.getResponse().getHeader(name));
		}
		// The CSRF cookie and the absence of a session are checked over the wire (PortalOverTheWireTest): in MockMvc,
		// csrf() swaps the chain's token repository for a session-based one.
	}

	@Test
	void aCatalogueLinkPreselectsKindAndCategory() throws Exception {
		mvc.perform(get("/portal/submit").param("kind", "ENQUIRY").param("category", "HOUSEHOLD"))
			.andExpect(content().string(matchesPattern("(?s).*value=\"ENQUIRY\"[^>]*checked.*")))
			.andExpect(content().string(matchesPattern("(?s).*value=\"HOUSEHOLD\"[^>]*selected.*")));
	}

	@Test
	void unknownPortalAddressesGetThePortalsOwnNotFoundPage() throws Exception {
		mvc.perform(get("/portal/nothing-here")).andExpect(status().isNotFound());
	}

	// ---- 服务事项管理

	@Test
	void administratorsAndCoordinatorsEditTheCatalogueAndEveryChangeIsAudited() throws Exception {
		for (Role role : new Role[] { Role.SYSTEM_ADMIN, Role.COORDINATOR }) {
			mvc.perform(get("/portal/catalogue/admin").with(authentication(TestStaff.as(role, 1))))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("户籍证明开具")));
		}
		mvc.perform(post("/portal/catalogue/admin").param("name", "居住证办理")
			.param("description", "外来人员申领居住证。")
			.param("mode", "ONE_VISIT")
			.param("categoryCode", "HOUSEHOLD")
			.param("whereToGo", "居住地派出所")
			.param("sortOrder", "15")
			.param("active", "true")
			.with(csrf())
			.with(authentication(TestStaff.as(Role.SYSTEM_ADMIN, 1))))
			.andExpect(status().isFound());
		long id = jdbc.sql("SELECT id FROM portal_service_item WHERE name = '居住证办理'").query(Long.class).single();
		mvc.perform(get("/portal")).andExpect(content().string(containsString("居住证办理")));

		mvc.perform(post("/portal/catalogue/admin/" + id + "/edit").param("name", "居住证办理")
			.param("description", "外来人员申领居住证。")
			.param("mode", "NEARBY")
			.param("sortOrder", "15")
			.param("_active", "on")
			.param("version", "0")
			.with(csrf())
			.with(authentication(TestStaff.as(Role.COORDINATOR, 1))))
			.andExpect(status().isFound());
		// Unchecked "active": the item leaves the public page but stays on the staff one.
		mvc.perform(get("/portal")).andExpect(content().string(not(containsString("居住证办理"))));
		assertThat(jdbc.sql("""
				SELECT action FROM audit_event WHERE module = 'portal' AND target_id = :id ORDER BY id
				""").param("id", String.valueOf(id)).query(String.class).list()).hasSize(2);
	}

	@Test
	void catalogueInputIsCheckedWithAMessagePerField() throws Exception {
		long before = jdbc.sql("SELECT COUNT(*) FROM portal_service_item").query(Long.class).single();
		mvc.perform(post("/portal/catalogue/admin").param("name", "")
			.param("description", "")
			.param("mode", "SOMETIMES")
			.param("categoryCode", "NO_SUCH")
			.param("sortOrder", "-1")
			.with(csrf())
			.with(authentication(TestStaff.as(Role.SYSTEM_ADMIN, 1))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写事项名称")))
			.andExpect(content().string(containsString("请填写说明")))
			.andExpect(content().string(containsString("请选择办理方式")))
			.andExpect(content().string(containsString("业务类别不存在或已停用")))
			.andExpect(content().string(containsString("排序号应为 0 到 9999 之间的整数")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM portal_service_item").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void otherStaffAndTheAnonymousCannotEditTheCatalogue() throws Exception {
		for (Role role : new Role[] { Role.HANDLER, Role.INTAKE_CLERK, Role.AUDITOR, Role.BRANCH_LEADER }) {
			mvc.perform(get("/portal/catalogue/admin").with(authentication(TestStaff.as(role, 1))))
				.andExpect(status().isForbidden());
			mvc.perform(post("/portal/catalogue/admin").param("name", "x")
				.param("description", "x")
				.param("mode", "ONLINE")
				.param("sortOrder", "1")
				.with(csrf())
				.with(authentication(TestStaff.as(role, 1))))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/portal/catalogue/admin"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/login")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM portal_service_item WHERE name = 'x'").query(Long.class).single())
			.isZero();
	}

	@Test
	void theMenuOffersTheCatalogueToAdministratorsOnly() throws Exception {
		mvc.perform(get("/").with(authentication(TestStaff.as(Role.SYSTEM_ADMIN, 1))))
			.andExpect(content().string(containsString("服务事项管理")));
		mvc.perform(get("/").with(authentication(TestStaff.as(Role.HANDLER, 1))))
			.andExpect(content().string(not(containsString("服务事项管理"))));
	}

}
