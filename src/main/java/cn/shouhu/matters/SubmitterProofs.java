package cn.shouhu.matters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * How a member of the public proves a matter is theirs: its tracking code (查询码) and the last four digits of
 * their phone, or for an anonymous tip-off (匿名举报) the six-digit PIN shown once when they sent it.
 * <p>
 * A PIN has only a million values, so its hash is a slow, salted BCrypt. Every check with a well-formed code
 * costs one BCrypt comparison whether the code exists, belongs to a phone or to a PIN, so that the time an answer
 * takes does not tell which; the portal limits how many checks one address may make.
 */
@Component
class SubmitterProofs {

	static final int PIN_LENGTH = 6;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder = new BCryptPasswordEncoder(10, RANDOM);

	/** Compared against when there is no PIN to check, to spend the same time. */
	private final String decoy;

	SubmitterProofs(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.decoy = encoder.encode(newPin());
	}

	/** Six digits from a SecureRandom, leading zeros kept. */
	static String newPin() {
		return String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
	}

	String hash(String pin) {
		return encoder.encode(pin);
	}

	/** A tracking code as people type it: any case, with spaces or dashes between groups. */
	static String normalizedCode(String trackingCode) {
		if (trackingCode == null) {
			return "";
		}
		return trackingCode.replaceAll("[\\s\\-\u3000]", "").toUpperCase(Locale.ROOT);
	}

	/** Digits as people type them: spaces dropped, full-width digits (０-９) read as digits. */
	static String normalizedProof(String proof) {
		if (proof == null) {
			return "";
		}
		StringBuilder digits = new StringBuilder();
		proof.codePoints().filter(c -> !Character.isWhitespace(c) && c != '\u3000').forEach(c -> {
			if (c >= '\uFF10' && c <= '\uFF19') {
				digits.append((char) ('0' + (c - '\uFF10')));
			}
			else {
				digits.appendCodePoint(c);
			}
		});
		return digits.toString();
	}

	/** The id of the matter this code and proof open, or empty for any mismatch at all. */
	Optional<Long> matterId(String trackingCode, String proof) {
		String code = normalizedCode(trackingCode);
		String given = normalizedProof(proof);
		if (!TrackingCodes.isWellFormed(code)) {
			return Optional.empty();
		}
		Optional<Facts> found = jdbc.sql("""
				SELECT id, submitter_anonymous, submitter_phone, pin_hash
				  FROM matter
				 WHERE tracking_code = :code
				""")
			.param("code", code)
			.query((rs, n) -> new Facts(rs.getLong("id"), rs.getBoolean("submitter_anonymous"),
					rs.getString("submitter_phone"), rs.getString("pin_hash")))
			.optional();
		boolean proven;
		if (found.isPresent() && found.get().pinHash() != null) {
			proven = given.length() == PIN_LENGTH && isDigits(given) && encoder.matches(given, found.get().pinHash());
		}
		else {
			encoder.matches(given, decoy);
			proven = found.isPresent() && !found.get().anonymous() && phoneEndsWith(found.get().phone(), given);
		}
		return proven ? found.map(Facts::id) : Optional.empty();
	}

	private static boolean phoneEndsWith(String phone, String lastFour) {
		if (phone == null || phone.length() < 4 || lastFour.length() != 4 || !isDigits(lastFour)) {
			return false;
		}
		return MessageDigest.isEqual(phone.substring(phone.length() - 4).getBytes(StandardCharsets.US_ASCII),
				lastFour.getBytes(StandardCharsets.US_ASCII));
	}

	private static boolean isDigits(String text) {
		return text.chars().allMatch(c -> c >= '0' && c <= '9');
	}

	private record Facts(long id, boolean anonymous, String phone, String pinHash) {
	}

}
