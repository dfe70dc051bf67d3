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

	static void requireMaxLength(String text, int maxLength, String field) {
		if (text != null && text.codePointCount(0, text.length()) > maxLength) {
			throw InvalidInputException.onField(field, "matters.input.tooLong", maxLength);
		}
	}

}
