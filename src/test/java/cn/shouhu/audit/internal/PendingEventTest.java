package cn.shouhu.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class PendingEventTest {

	@Test
	void truncatesTimeToMicrosecondsAndCleansText() {
		PendingEvent event = new PendingEvent(Instant.parse("2025-05-01T01:30:12.123456789Z"), "eve\u0000\nil", null,
				"x".repeat(80), "security", "login.failure", Outcome.FAILURE, null, null, null);

		assertThat(event.occurredAt()).isEqualTo(Instant.parse("2025-05-01T01:30:12.123456Z"));
		assertThat(event.actor()).isEqualTo("eve??il");
		assertThat(event.ip()).hasSize(64);
	}

	@Test
	void neverCutsASurrogatePairInHalf() {
		String cut = PendingEvent.clean("a".repeat(99) + "😀", 100);

		assertThat(cut).isEqualTo("a".repeat(99));
	}

	@Test
	void aMissingActorIsTheSystem() {
		PendingEvent event = new PendingEvent(Instant.now(), " ".trim(), null, null, "m", "a", Outcome.SUCCESS, null,
				null, null);

		assertThat(event.actor()).isEqualTo("system");
	}

}
