package cn.shouhu.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * The documented canonical form, checked against hashes computed independently (a few lines of Python following
 * the format in {@link ChainHash}'s documentation), so an auditor's own tool can recompute the chain.
 */
class ChainHashTest {

	@Test
	void matchesTheDocumentedFormat() {
		String hash = ChainHash.of(1, ChainHash.GENESIS, Instant.parse("2025-05-01T01:30:12.123456Z"), "zhangsan", 7L,
				"10.1.2.3", "organization", "officer.update", "SUCCESS", "officer", "42",
				"{\"after\":{\"name\":\"张三\"},\"before\":{\"name\":\"张 三\"}}");

		assertThat(hash).isEqualTo("eab674d3199d469d600fdcea493b8e32d11e3381e4eb0040aa42de0b24a302d2");
	}

	@Test
	void writesNullsAndWholeSecondsInTheFixedForm() {
		String hash = ChainHash.of(2, "a".repeat(64), Instant.parse("2025-05-01T01:30:12Z"), "system", null, null,
				"security", "login.failure", "FAILURE", null, null, null);

		assertThat(hash).isEqualTo("883d113e5ab1dcb0beeea664d85cde79d4d06afb76b4da9b1aff6bc8a413a5d4");
	}

	@Test
	void nullAndEmptyTextHashDifferently() {
		Instant at = Instant.parse("2025-05-01T01:30:12Z");
		String withNull = ChainHash.of(1, ChainHash.GENESIS, at, "a", null, null, "m", "x", "SUCCESS", null, null, null);
		String withEmpty = ChainHash.of(1, ChainHash.GENESIS, at, "a", null, "", "m", "x", "SUCCESS", null, null, null);

		assertThat(withNull).isNotEqualTo(withEmpty);
	}

	@Test
	void fieldBoundariesCannotBeShifted() {
		Instant at = Instant.parse("2025-05-01T01:30:12Z");
		String one = ChainHash.of(1, ChainHash.GENESIS, at, "ab", null, null, "m", "x", "SUCCESS", "c", null, null);
		String other = ChainHash.of(1, ChainHash.GENESIS, at, "a", null, null, "m", "x", "SUCCESS", "bc", null, null);

		assertThat(one).isNotEqualTo(other);
	}

}
