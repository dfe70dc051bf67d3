package cn.shouhu.shared;

import java.io.Serializable;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The staff member behind the current request: the account, the officer it belongs to and the officer's unit.
 * Built at sign-in; an officer's transfer ends the account's sessions, so the unit here is never stale.
 */
public record CurrentStaff(long accountId, String username, long officerId, String officerName, long unitId,
		String unitName, Set<Role> roles) implements Serializable {

	public CurrentStaff {
		roles = Set.copyOf(roles);
	}

	/** Implemented by the principal that the accounts module puts into the security context. */
	public interface Holder {

		CurrentStaff staff();

	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean hasAny(Set<Role> wanted) {
		return wanted.stream().anyMatch(roles::contains);
	}

	/** The signed-in staff member, if the current thread serves one. */
	public static Optional<CurrentStaff> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Holder holder) {
			return Optional.of(holder.staff());
		}
		return Optional.empty();
	}

	/** The signed-in staff member; fails if nobody is signed in (a programming error, never user input). */
	public static CurrentStaff require() {
		return find().orElseThrow(() -> new IllegalStateException("No signed-in staff member on this thread"));
	}

}
