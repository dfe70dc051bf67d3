package cn.shouhu;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;

/**
 * Signed-in staff members for tests: {@code mockMvc.perform(get("/x").with(authentication(TestStaff.as(...))))}
 * or {@code SecurityContextHolder.getContext().setAuthentication(TestStaff.as(...))}.
 */
public final class TestStaff {

	private TestStaff() {
	}

	/** A principal carrying only the staff member, as the real one does for everything but sign-in. */
	public record Principal(CurrentStaff staff) implements CurrentStaff.Holder, Serializable {
	}

	public static Authentication as(Role role, long unitId) {
		return as(EnumSet.of(role), unitId);
	}

	public static Authentication as(Set<Role> roles, long unitId) {
		String username = "test-" + String.join("-", roles.stream().map(Enum::name).sorted().toList()).toLowerCase()
				+ "-" + unitId;
		return as(new CurrentStaff(1000 + unitId, username, 1000 + unitId, "测试民警", unitId, "测试单位", roles));
	}

	public static Authentication as(CurrentStaff staff) {
		List<SimpleGrantedAuthority> authorities = staff.roles()
			.stream()
			.map(role -> new SimpleGrantedAuthority(role.authority()))
			.toList();
		return UsernamePasswordAuthenticationToken.authenticated(new Principal(staff), null, authorities);
	}

}
