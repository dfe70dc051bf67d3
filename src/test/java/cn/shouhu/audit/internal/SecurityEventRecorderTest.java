package cn.shouhu.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.shouhu.TestStaff;
import cn.shouhu.audit.AuditApplicationTest;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;

/** Sign-ins, sign-outs and denials reach the trail through Spring Security's events, as a browser causes them. */
@AuditApplicationTest
class SecurityEventRecorderTest {

	static final String PASSWORD = "Shouhu#2025x";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	PasswordEncoder passwords;

	long unitId;

	String username;

	/** A staff member the (mocked) account lookup knows, with a real password hash. */
	record SigningIn(CurrentStaff staff, String getPassword) implements UserDetails, CurrentStaff.Holder {

		@Override
		public Collection<? extends GrantedAuthority> getAuthorities() {
			return staff.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
		}

		@Override
		public String getUsername() {
			return staff.username();
		}

	}

	@BeforeEach
	void knowAStaffMember() {
		unitId = ThreadLocalRandom.current().nextLong(100_000, 1_000_000);
		username = "signin" + unitId;
		CurrentStaff staff = new CurrentStaff(unitId, username, unitId, "赵六", unitId, "沼潭派出所",
				Set.of(Role.HANDLER));
		given(userDetails.loadUserByUsername(username)).willReturn(new SigningIn(staff, passwords.encode(PASSWORD)));
		given(userDetails.loadUserByUsername("nobody" + unitId))
			.willThrow(new UsernameNotFoundException("No such account"));
	}

	@Test
	void aSignInIsRecordedOnceWithTheStaffMemberUnitAndAddress() throws Exception {
		mvc.perform(post("/login").param("username", username).param("password", PASSWORD).with(csrf())
			.with(from("10.9.8.7"))).andExpect(status().is3xxRedirection());

		List<Map<String, Object>> rows = rows(username, "login.success");
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).containsEntry("module", "security")
			.containsEntry("outcome", "SUCCESS")
			.containsEntry("ip", "10.9.8.7")
			.containsEntry("actor_unit_id", unitId)
			.containsEntry("target_id", username);
	}

	@Test
	void aWrongPasswordIsRecordedAsAFailureWithTheAttemptedUsername() throws Exception {
		mvc.perform(post("/login").param("username", username).param("password", "wrong-Password1").with(csrf())
			.with(from("10.9.8.8"))).andExpect(status().is3xxRedirection());

		List<Map<String, Object>> rows = rows(username, "login.failure");
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).containsEntry("outcome", "FAILURE").containsEntry("ip", "10.9.8.8");
		assertThat((String) rows.get(0).get("detail")).isEqualTo("{\"failure\":\"BadCredentialsException\"}");
		assertThat(rows(username, "login.success")).isEmpty();
	}

	@Test
	void anUnknownUsernameIsRecordedAsTyped() throws Exception {
		String nobody = "nobody" + unitId;
		mvc.perform(post("/login").param("username", nobody).param("password", "whatever-Pass1").with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(rows(nobody, "login.failure")).hasSize(1);
	}

	@Test
	void aSignOutIsRecorded() throws Exception {
		mvc.perform(post("/logout").with(authentication(TestStaff.as(Role.HANDLER, unitId))).with(csrf()))
			.andExpect(status().is3xxRedirection());

		assertThat(rows("test-handler-" + unitId, "logout")).hasSize(1);
	}

	@Test
	void aDenialOfASignedInStaffMemberIsRecordedWithTheRequestAndTheRule() throws Exception {
		mvc.perform(get("/audit").queryParam("actor", "13812345678")
			.with(authentication(TestStaff.as(Role.HANDLER, unitId)))
			.with(from("10.9.8.9"))).andExpect(status().isForbidden());

		List<Map<String, Object>> rows = rows("test-handler-" + unitId, "access.denied");
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).containsEntry("outcome", "DENIED")
			.containsEntry("target_type", "request")
			.containsEntry("target_id", "GET /audit")
			.containsEntry("ip", "10.9.8.9")
			.containsEntry("actor_unit_id", unitId);
		assertThat((String) rows.get(0).get("detail")).contains("hasRole('AUDITOR')", "AuditController.list")
			.doesNotContain("13812345678");
	}

	@Test
	void anAnonymousVisitorSentToSignInIsNotADenial() throws Exception {
		long before = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'access.denied'",
				Long.class);

		mvc.perform(get("/audit")).andExpect(status().is3xxRedirection());

		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'access.denied'", Long.class))
			.isEqualTo(before);
	}

	private List<Map<String, Object>> rows(String actor, String action) {
		return jdbc.queryForList("SELECT * FROM audit_event WHERE actor = ? AND action = ? ORDER BY id", actor,
				action);
	}

	private static RequestPostProcessor from(String ip) {
		return request -> {
			request.setRemoteAddr(ip);
			return request;
		};
	}

}
