package cn.shouhu.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

	@Test
	void acceptsEightCharactersOfThreeClasses() {
		assertThat(PasswordPolicy.violations("Shouhu@2026", "clerk")).isEmpty();
		assertThat(PasswordPolicy.violations("abcdef12!", "clerk")).isEmpty();
	}

	@Test
	void refusesShortPasswords() {
		assertThat(PasswordPolicy.violations("Ab1!xyz", "clerk")).containsExactly("accounts.password.tooShort");
	}

	@Test
	void refusesFewerThanThreeClasses() {
		assertThat(PasswordPolicy.violations("abcdefgh12", "clerk")).containsExactly("accounts.password.classes");
		assertThat(PasswordPolicy.violations("ABCDEFGHIJ", "clerk")).containsExactly("accounts.password.classes");
	}

	@Test
	void refusesTheLoginNameInAnyCaseOrReversed() {
		assertThat(PasswordPolicy.violations("Clerk@2026", "clerk")).containsExactly("accounts.password.containsUsername");
		assertThat(PasswordPolicy.violations("KRELC#2026x", "clerk")).containsExactly("accounts.password.containsUsername");
	}

	@Test
	void refusesEmptyPasswords() {
		assertThat(PasswordPolicy.violations("", "clerk")).containsExactly("accounts.password.required");
		assertThat(PasswordPolicy.violations(null, "clerk")).containsExactly("accounts.password.required");
	}

	@Test
	void countsChineseAndSpacesAsSymbols() {
		assertThat(PasswordPolicy.characterClasses("密码 abc1")).isEqualTo(3);
	}

}
