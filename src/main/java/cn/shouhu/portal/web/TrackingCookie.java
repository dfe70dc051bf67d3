package cn.shouhu.portal.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Where the tracking pages keep what the visitor proved between requests: the tracking code and the proof (the
 * phone's last four digits or the PIN), encrypted and authenticated with AES-GCM in an HttpOnly, SameSite=Strict
 * cookie limited to {@code /portal/track} and to {@link #LIFETIME}.
 * <p>
 * Why this and not the alternatives: a code or proof in a URL would stay in the browser's history, in proxies'
 * logs and in Referer headers; a matter page answered straight to the POST would be shown again to whoever uses
 * the browser next and presses Back (the browser offers to send the form again); a server session would tie the
 * visitor to what one node remembers. An encrypted cookie is none of these: nothing readable leaves the server,
 * any node can read it (the key is in the database), it expires by itself, "结束查询" deletes it, and the pages
 * are sent with {@code Cache-Control: no-store}. Every page still checks the code and proof again through
 * {@code PublicMatters}, so a matter whose proof no longer matches is gone at once.
 */
@Component
class TrackingCookie {

	static final String NAME = "SHOUHU-TRACK";

	static final String PATH = "/portal/track";

	/** Long enough to read a reply and write a comment, short enough that a shared phone forgets it soon. */
	static final Duration LIFETIME = Duration.ofMinutes(20);

	private static final int IV_LENGTH = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile SecretKey key;

	TrackingCookie(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What the visitor proved. */
	record Proven(String trackingCode, String proof) {
	}

	/** A new cookie holding the code and the proof until {@link #LIFETIME} from now. */
	ResponseCookie issue(String trackingCode, String proof, boolean secure) {
		Instant expires = clock.instant().plus(LIFETIME);
		byte[] plain = (expires.getEpochSecond() + "\n" + trackingCode + "\n" + proof).getBytes(StandardCharsets.UTF_8);
		byte[] iv = new byte[IV_LENGTH];
		RANDOM.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(plain);
			String value = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
			return cookie(value, LIFETIME, secure);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
		}
	}

	/** Deletes the cookie: 结束查询. */
	ResponseCookie cleared(boolean secure) {
		return cookie("", Duration.ZERO, secure);
	}

	/** What the request's cookie holds, if it is there, untouched and not expired. */
	Optional<Proven> read(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		return Arrays.stream(cookies)
			.filter(cookie -> NAME.equals(cookie.getName()))
			.findFirst()
			.flatMap(cookie -> open(cookie.getValue()));
	}

	private Optional<Proven> open(String value) {
		try {
			byte[] bytes = Base64.getUrlDecoder().decode(value);
			// Shorter than an IV and a tag cannot be ours; Java 17's GCM answers such input with a ProviderException
			// (an unchecked "Output buffer invalid") instead of a bad tag, so it must not reach the cipher.
			if (bytes.length < IV_LENGTH + TAG_BITS / Byte.SIZE) {
				return Optional.empty();
			}
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_LENGTH));
			String[] parts = new String(cipher.doFinal(bytes, IV_LENGTH, bytes.length - IV_LENGTH),
					StandardCharsets.UTF_8)
				.split("\n", 3);
			if (parts.length != 3 || clock.instant().isAfter(Instant.ofEpochSecond(Long.parseLong(parts[0])))) {
				return Optional.empty();
			}
			return Optional.of(new Proven(parts[1], parts[2]));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			// Tampered with, from an old key, or not ours: as if there were none.
			return Optional.empty();
		}
	}

	private static ResponseCookie cookie(String value, Duration maxAge, boolean secure) {
		return ResponseCookie.from(NAME, value)
			.httpOnly(true)
			.secure(secure)
			.sameSite("Strict")
			.path(PATH)
			.maxAge(maxAge)
			.build();
	}

	/** The key every node shares: read from the database, created there by the first node that needs it. */
	private SecretKey key() {
		SecretKey known = key;
		if (known == null) {
			synchronized (this) {
				if (key == null) {
					key = new SecretKeySpec(Base64.getDecoder().decode(storedSecret()), "AES");
				}
				known = key;
			}
		}
		return known;
	}

	private String storedSecret() {
		Optional<String> stored = jdbc.sql("SELECT secret FROM portal_tracking_key WHERE id = 1")
			.query(String.class)
			.optional();
		if (stored.isPresent()) {
			return stored.get();
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		try {
			jdbc.sql("INSERT INTO portal_tracking_key (id, secret, created_at) VALUES (1, :secret, :now)")
				.param("secret", Base64.getEncoder().encodeToString(secret))
				.param("now", OffsetDateTime.now(clock))
				.update();
		}
		catch (DuplicateKeyException e) {
			// Another node created it first: use theirs.
		}
		return jdbc.sql("SELECT secret FROM portal_tracking_key WHERE id = 1").query(String.class).single();
	}

}
