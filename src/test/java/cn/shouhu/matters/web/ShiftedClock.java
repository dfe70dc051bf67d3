package cn.shouhu.matters.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The real time, shifted by what a test sets, so that a test can act in the past (a matter long overdue). */
final class ShiftedClock extends Clock {

	private volatile Duration shift = Duration.ZERO;

	void shiftBy(Duration duration) {
		shift = duration;
	}

	void reset() {
		shift = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(shift);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

}
