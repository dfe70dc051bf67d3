package cn.shouhu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RoleTest {

	@Test
	void businessRolesCombine() {
		assertThat(Role.isValidCombination(EnumSet.of(Role.HANDLER, Role.UNIT_LEADER))).isTrue();
	}

	@Test
	void separatedAdministratorsStandAlone() {
		assertThat(Role.isValidCombination(EnumSet.of(Role.AUDITOR))).isTrue();
		assertThat(Role.isValidCombination(EnumSet.of(Role.AUDITOR, Role.SECURITY_ADMIN))).isFalse();
		assertThat(Role.isValidCombination(EnumSet.of(Role.SYSTEM_ADMIN, Role.HANDLER))).isFalse();
	}

	@Test
	void anAccountNeedsARole() {
		assertThat(Role.isValidCombination(Set.of())).isFalse();
	}

}
