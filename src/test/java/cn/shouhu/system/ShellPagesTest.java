package cn.shouhu.system;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.shouhu.TestStaff;
import cn.shouhu.shared.Role;

/** The shell every page shares: menu by role, language switch, and error pages that reveal nothing. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ShellPagesTest.Failing.class)
class ShellPagesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void anonymousVisitorsLandOnThePublicPortalAndStaffPagesAskForSignIn() throws Exception {
		mvc.perform(get("/"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/portal")));
		mvc.perform(get("/matters/todo"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
	}

	@Test
	void theHomePageIsChineseWithAMenuByRole() throws Exception {
		mvc.perform(get("/").with(authentication(TestStaff.as(Role.AUDITOR, 1))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("审计日志")))
			.andExpect(content().string(not(containsString("账号管理"))))
			.andExpect(content().string(containsString("安全审计员")));
		mvc.perform(get("/").with(authentication(TestStaff.as(Role.SECURITY_ADMIN, 1))))
			.andExpect(content().string(containsString("账号管理")))
			.andExpect(content().string(not(containsString("审计日志"))));
	}

	@Test
	void englishCanBeChosen() throws Exception {
		mvc.perform(get("/").param("lang", "en").with(authentication(TestStaff.as(Role.HANDLER, 1))))
			.andExpect(content().string(containsString("Sign out")))
			.andExpect(content().string(containsString("Handler")));
	}

	@Test
	void aMissingPageIsAChinese404() throws Exception {
		mvc.perform(get("/no/such/page").accept(MediaType.TEXT_HTML).with(authentication(TestStaff.as(Role.HANDLER, 1))))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("您要找的页面或记录不存在")));
	}

	@Test
	void aForbiddenPageIsAChinese403() throws Exception {
		mvc.perform(get("/accounts").with(authentication(TestStaff.as(Role.HANDLER, 1))))
			.andExpect(status().isForbidden());
	}

	@Test
	void anUnexpectedErrorShowsAnIdAndNothingInternal() throws Exception {
		mvc.perform(get("/test/explode").with(authentication(TestStaff.as(Role.HANDLER, 1))))
			.andExpect(status().isInternalServerError())
			.andExpect(content().string(containsString("错误编号")))
			.andExpect(content().string(not(containsString("secret-detail"))))
			.andExpect(content().string(not(containsString("IllegalStateException"))));
	}

	@TestConfiguration
	static class Failing {

		@Bean
		Exploding exploding() {
			return new Exploding();
		}

	}

	@RestController
	static class Exploding {

		@GetMapping("/test/explode")
		String explode() {
			throw new IllegalStateException("secret-detail");
		}

	}

}
