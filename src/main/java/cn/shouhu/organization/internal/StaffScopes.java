package cn.shouhu.organization.internal;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.DataScope;
import cn.shouhu.shared.Role;

/**
 * Which officers the signed-in staff member may read and change. The branch-wide roles see everything; a unit
 * leader sees and changes the subtree of their own unit; anyone else has no business with the roster (403).
 * System administrators alone change the unit tree.
 */
@Component
class StaffScopes {

	private static final Set<Role> READ_ALL = EnumSet.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.BRANCH_LEADER);

	private final JdbcClient jdbc;

	StaffScopes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	DataScope officerRead() {
		CurrentStaff staff = CurrentStaff.require();
		if (staff.hasAny(READ_ALL)) {
			return DataScope.all();
		}
		if (staff.has(Role.UNIT_LEADER)) {
			return subtreeOf(staff.unitId());
		}
		throw new AccessDeniedException("The roster is not open to " + staff.username());
	}

	DataScope officerWrite() {
		CurrentStaff staff = CurrentStaff.require();
		if (staff.has(Role.SYSTEM_ADMIN)) {
			return DataScope.all();
		}
		if (staff.has(Role.UNIT_LEADER)) {
			return subtreeOf(staff.unitId());
		}
		throw new AccessDeniedException(staff.username() + " may not change the roster");
	}

	/** True if the signed-in staff member may change officers at all (within some scope). */
	boolean mayWriteOfficers() {
		return CurrentStaff.find().map(s -> s.has(Role.SYSTEM_ADMIN) || s.has(Role.UNIT_LEADER)).orElse(false);
	}

	void requireUnitAdmin() {
		CurrentStaff staff = CurrentStaff.require();
		if (!staff.has(Role.SYSTEM_ADMIN)) {
			throw new AccessDeniedException(staff.username() + " may not change the unit tree");
		}
	}

	/** The subtree of one unit; no unit at all if it does not exist. */
	DataScope subtreeOf(long unitId) {
		return jdbc.sql("SELECT path FROM unit WHERE id = :id")
			.param("id", unitId)
			.query(String.class)
			.optional()
			.map(DataScope::subtree)
			.orElse(DataScope.none());
	}

}
