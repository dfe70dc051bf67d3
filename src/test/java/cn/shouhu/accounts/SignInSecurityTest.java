package cn.shouhu.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.shouhu.StaffBrowser;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.Role;

/** Signing in over real HTTP, as a browser does: sessions, lockout, forced password change, CSRF, headers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "shouhu.demo.enabled=true")
class SignInSecurityTest {

	static final String DEMO_PASSWORD = "Shouhu@2026";

	@LocalServerPort
	int port;

	@Autowired
	AccountSetup setup;

	@Autowired
	AccountAdministration administration;

	@Autowired
	OrganizationDirectory organization;

	@Autowired
	JdbcClient jdbc;

	@Test
	void signingInGivesANewSessionIdAndA30MinuteIdleTimeout() {
		StaffBrowser browser = new StaffBrowser(port);
		browser.get("/login");
		String before = browser.sessionId();
		HttpResponse<String> login = browser.post("/login", Map.of("username", "clerk", "password", DEMO_PASSWORD));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
		assertThat(browser.get("/").body()).contains("情报指挥中心");
		Integer idle = jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = 'clerk'")
			.query(Integer.class)
			.list()
			.get(0);
		assertThat(idle).isEqualTo(30 * 60);
	}

	@Test
	void fiveFailuresLockTheAccountWithAMessageThatRevealsNothing() {
		account("locktest", "150411", false);
		StaffBrowser browser = new StaffBrowser(port);
		for (int i = 0; i < 5; i++) {
			assertThat(browser.signIn("locktest", "Wrong@pass" + i).headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		}
		// Locked: even the right password fails, and the page says exactly what it says for a stranger.
		assertThat(browser.signIn("locktest", "Lock@Test1").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		String lockedPage = browser.get("/login?error").body();
		StaffBrowser stranger = new StaffBrowser(port);
		stranger.signIn("nobody-here", "Wrong@pass1");
		String strangerPage = stranger.get("/login?error").body();
		assertThat(message(lockedPage)).isEqualTo(message(strangerPage)).contains("用户名或密码错误");

		// The security administrator unlocks it; the right password works again.
		long id = jdbc.sql("SELECT id FROM account WHERE username = 'locktest'").query(Long.class).single();
		administration.unlock(id);
		assertThat(new StaffBrowser(port).signIn("locktest", "Lock@Test1").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
	}

	@Test
	void anAdministratorsInitialPasswordMustBeChangedFirst() {
		account("firsttime", "150412", true);
		StaffBrowser browser = new StaffBrowser(port);
		browser.signIn("firsttime", "Lock@Test1");
		HttpResponse<String> home = browser.get("/");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");

		browser.get("/account/password");
		HttpResponse<String> weak = browser.post("/account/password",
				Map.of("currentPassword", "Lock@Test1", "newPassword", "short", "confirmation", "short"));
		assertThat(weak.statusCode()).isEqualTo(200);
		assertThat(weak.body()).contains("密码至少 8 位");
		assertThat(browser.get("/").statusCode()).isEqualTo(302);

		browser.get("/account/password");
		HttpResponse<String> changed = browser.post("/account/password",
				Map.of("currentPassword", "Lock@Test1", "newPassword", "New#Pass2026", "confirmation", "New#Pass2026"));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
	}

	@Test
	void disablingAnAccountEndsItsSessions() {
		long id = account("soondisabled", "150413", false);
		StaffBrowser browser = new StaffBrowser(port);
		browser.signIn("soondisabled", "Lock@Test1");
		assertThat(browser.get("/").statusCode()).isEqualTo(200);

		administration.disable(id);

		HttpResponse<String> after = browser.get("/");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		assertThat(new StaffBrowser(port).signIn("soondisabled", "Lock@Test1").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
	}

	@Test
	void aStateChangingRequestWithoutTheCsrfTokenIsRefused() {
		StaffBrowser browser = new StaffBrowser(port);
		browser.signIn("handler", DEMO_PASSWORD);
		HttpResponse<String> forged = browser.postRaw("/account/password",
				Map.of("currentPassword", DEMO_PASSWORD, "newPassword", "Forged#2026", "confirmation", "Forged#2026"));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(new StaffBrowser(port).signIn("handler", DEMO_PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
	}

	@Test
	void pagesCarryTheSecurityHeaders() {
		HttpResponse<String> page = new StaffBrowser(port).get("/login");
		String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(page.body()).doesNotContain("<script>").doesNotContain(" style=\"");
	}

	@Test
	void onlyTheSecurityAdministratorManagesAccounts() {
		StaffBrowser clerk = new StaffBrowser(port);
		clerk.signIn("clerk", DEMO_PASSWORD);
		HttpResponse<String> denied = clerk.get("/accounts");
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(denied.body()).contains("您没有权限").doesNotContain("Exception");
		StaffBrowser secadmin = new StaffBrowser(port);
		secadmin.signIn("secadmin", DEMO_PASSWORD);
		assertThat(secadmin.get("/accounts").body()).contains("clerk", "auditor");
	}

	@Test
	void theSeparatedAdministratorRolesCannotBeCombined() {
		long officer = organization.findOfficerByBadgeNo("150414").orElseThrow().id();
		assertThatThrownBy(() -> setup.open("combined", officer, EnumSet.of(Role.AUDITOR, Role.HANDLER), "Comb#ined2026",
				true))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.messageKey()).isEqualTo("accounts.roles.separation"));
		assertThat(setup.exists("combined")).isFalse();
	}

	@Test
	void theAccountFormExplainsWhatIsWrongInChinese() {
		StaffBrowser secadmin = new StaffBrowser(port);
		secadmin.signIn("secadmin", DEMO_PASSWORD);
		secadmin.get("/accounts/new");
		HttpResponse<String> refused = secadmin.post("/accounts",
				Map.of("username", "9bad", "badgeNo", "150414", "roles", "HANDLER", "initialPassword", "Comb#ined2026"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("用户名须以字母开头");
		secadmin.get("/accounts/new");
		assertThat(secadmin.post("/accounts",
				Map.of("username", "newhandler", "badgeNo", "999999", "roles", "HANDLER", "initialPassword", "Comb#ined2026"))
			.body()).contains("找不到该警号对应的民警");
		assertThat(setup.exists("newhandler")).isFalse();
	}

	private long account(String username, String badgeNo, boolean mustChange) {
		long officer = organization.findOfficerByBadgeNo(badgeNo).orElseThrow().id();
		return setup.open(username, officer, Set.of(Role.HANDLER), "Lock@Test1", mustChange);
	}

	private static String message(String page) {
		int at = page.indexOf("role=\"alert\"");
		return page.substring(at, page.indexOf("</div>", at));
	}

}
