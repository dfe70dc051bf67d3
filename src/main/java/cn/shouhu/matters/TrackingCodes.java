package cn.shouhu.matters;

import java.security.SecureRandom;

/**
 * Public tracking codes (查询码): 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L), 60 random
 * bits from a SecureRandom, so that nobody can guess another person's code.
 */
final class TrackingCodes {

	static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	static final int LENGTH = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private TrackingCodes() {
	}

	static String next() {
		char[] code = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
		}
		return new String(code);
	}

	/** Whether the text could be a tracking code at all; anything else is not looked up. */
	static boolean isWellFormed(String code) {
		if (code == null || code.length() != LENGTH) {
			return false;
		}
		return code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
	}

}
