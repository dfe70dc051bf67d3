package cn.shouhu.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the portal's tests share: one data directory in a temporary folder (so every portal test class shares one
 * Spring context and no attachment lands in ./data), distinct client addresses and phone numbers so that the
 * rate limits of one test do not touch another, and small files of each type.
 */
public abstract class PortalTestSupport {

	static final Path DATA_DIR = temporaryDataDir();

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	static final byte[] PNG = bytes("89504e470d0a1a0a0000000d49484452", "a PNG's body");

	static final byte[] PDF = bytes("255044462d312e370a", "1 0 obj << >> endobj %%EOF");

	/** A Windows program's first bytes ("MZ"). */
	static final byte[] EXE = bytes("4d5a90000300000004", "This program cannot be run in DOS mode");

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("shouhu.data-dir", DATA_DIR::toString);
	}

	private static Path temporaryDataDir() {
		try {
			Path dir = Files.createTempDirectory("shouhu-portal-test");
			dir.toFile().deleteOnExit();
			return dir;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A client address no other test uses. */
	static String newIp() {
		int n = SEQUENCE.incrementAndGet();
		return "10." + (n / 65536 % 256) + "." + (n / 256 % 256) + "." + (n % 256);
	}

	/** A valid mobile number no other test uses. */
	static String newPhone() {
		return String.format("139%08d", SEQUENCE.incrementAndGet());
	}

	static RequestPostProcessor from(String ip) {
		return request -> {
			request.setRemoteAddr(ip);
			return request;
		};
	}

	static byte[] bytes(String hexHead, String body) {
		byte[] head = HexFormat.of().parseHex(hexHead);
		byte[] tail = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] all = new byte[head.length + tail.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(tail, 0, all, head.length, tail.length);
		return all;
	}

}
