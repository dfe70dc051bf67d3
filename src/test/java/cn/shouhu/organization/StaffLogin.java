package cn.shouhu.organization;

import java.util.EnumSet;
import java.util.List;

import org.springframework.security.core.context.SecurityContextHolder;

import cn.shouhu.TestStaff;
import cn.shouhu.shared.Role;

/** Puts a signed-in staff member into the security context, for tests that call the services directly. */
public final class StaffLogin {

	private StaffLogin() {
	}

	public static void signIn(long unitId, Role role, Role... more) {
		EnumSet<Role> roles = EnumSet.of(role);
		roles.addAll(List.of(more));
		SecurityContextHolder.getContext().setAuthentication(TestStaff.as(roles, unitId));
	}

	public static void signOut() {
		SecurityContextHolder.clearContext();
	}

}
