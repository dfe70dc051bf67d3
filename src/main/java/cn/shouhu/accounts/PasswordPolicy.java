package cn.shouhu.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The password rules: at least 8 characters, at least three of the four character classes (lower case, upper
 * case, digits, other), and not the login name (nor the login name within it, nor reversed).
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	static final int MAX_LENGTH = 128;

	private PasswordPolicy() {
	}

	/** @return the message keys of every rule the password breaks; empty if it is acceptable */
	static List<String> violations(String password, String username) {
		List<String> problems = new ArrayList<>();
		if (password == null || password.isEmpty()) {
			problems.add("accounts.password.required");
			return problems;
		}
		if (password.length() < MIN_LENGTH) {
			problems.add("accounts.password.tooShort");
		}
		if (password.length() > MAX_LENGTH) {
			problems.add("accounts.password.tooLong");
		}
		if (characterClasses(password) < 3) {
			problems.add("accounts.password.classes");
		}
		if (username != null && !username.isBlank()) {
			String p = password.toLowerCase(Locale.ROOT);
			String u = username.toLowerCase(Locale.ROOT);
			String reversed = new StringBuilder(u).reverse().toString();
			if (p.contains(u) || p.contains(reversed)) {
				problems.add("accounts.password.containsUsername");
			}
		}
		return problems;
	}

	static int characterClasses(String password) {
		boolean lower = false;
		boolean upper = false;
		boolean digit = false;
		boolean other = false;
		for (int i = 0; i < password.length(); i++) {
			char c = password.charAt(i);
			if (c >= 'a' && c <= 'z') {
				lower = true;
			}
			else if (c >= 'A' && c <= 'Z') {
				upper = true;
			}
			else if (c >= '0' && c <= '9') {
				digit = true;
			}
			else {
				other = true;
			}
		}
		return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}

}
