package cn.shouhu.accounts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import cn.shouhu.shared.CurrentStaff;

/**
 * The signed-in staff member as Spring Security holds it, in the database-backed session: small and
 * serialisable, with no password hash once sign-in has finished.
 */
final class StaffPrincipal implements UserDetails, CredentialsContainer, CurrentStaff.Holder {

	private static final long serialVersionUID = 1L;

	private final CurrentStaff staff;

	private String passwordHash;

	private final boolean enabled;

	private final Instant lockedUntil;

	private final boolean mustChangePassword;

	StaffPrincipal(CurrentStaff staff, String passwordHash, boolean enabled, Instant lockedUntil,
			boolean mustChangePassword) {
		this.staff = staff;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.lockedUntil = lockedUntil;
		this.mustChangePassword = mustChangePassword;
	}

	/** The same staff member after changing their password. */
	StaffPrincipal withPasswordChanged() {
		return new StaffPrincipal(staff, null, enabled, lockedUntil, false);
	}

	@Override
	public CurrentStaff staff() {
		return staff;
	}

	boolean mustChangePassword() {
		return mustChangePassword;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<SimpleGrantedAuthority> authorities = staff.roles()
			.stream()
			.map(role -> new SimpleGrantedAuthority(role.authority()))
			.toList();
		return authorities;
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return staff.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return lockedUntil == null || lockedUntil.isBefore(Instant.now());
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof StaffPrincipal that && staff.username().equals(that.staff.username());
	}

	@Override
	public int hashCode() {
		return staff.username().hashCode();
	}

	@Override
	public String toString() {
		return "StaffPrincipal[" + staff.username() + "]";
	}

}
