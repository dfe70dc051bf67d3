package cn.shouhu.matters;

import cn.shouhu.shared.InvalidInputException;

/** Trimming and length checks for what staff and the public type. */
final class Texts {

	private Texts() {
	}

	static String trimToNull(String text) {
		if (text == null) {
			return null;
		}
		String trimmed = text.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	/** The trimmed text; blank or too long is a 422 on that field. */
	static String required(String text, int maxLength, String field) {
		String trimmed = trimToNull(text);
		if (trimmed == null) {
			throw InvalidInputException.onField(field, "matters.input.required");
		}
		requireMaxLength(trimmed, maxLength, field);
		return trimmed;
	}

	/** The trimmed text or null; too long is a 422 on that field. */
	static String optional(String text, int maxLength, String field) {
		String trimmed = trimToNull(text);
		requireMaxLength(trimmed, maxLength, field);
		return trimmed;
	}

	/**
	 * Counts UTF-16 units, as H2 measures VARCHAR lengths (PostgreSQL counts code points, never more): counting code
	 * points let 2,001 emoji past a 2,000 check and into an insert that H2 refuses with a 500.
	 */
	static void requireMaxLength(String text, int maxLength, String field) {
		if (text != null && text.length() > maxLength) {
			throw InvalidInputException.onField(field, "matters.input.tooLong", maxLength);
		}
	}

}
