package cn.shouhu.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.shouhu.matters.MatterClosed;
import cn.shouhu.matters.MatterFollowedUp;
import cn.shouhu.matters.MatterReplied;
import cn.shouhu.matters.Satisfaction;
import cn.shouhu.shared.Role;
import cn.shouhu.statistics.internal.DailyRollups;

/**
 * The roll-ups under redelivery and concurrency. The events are built by hand for matter ids that have no matter
 * row (the listener then takes the unit from the event), on a day no other test uses.
 */
class DailyRollupsTest extends StatisticsSpringTest {

	private static final AtomicLong MATTER_IDS = new AtomicLong(900_000_000L);

	private static final LocalDate DAY = LocalDate.of(2026, 4, 15);

	private static final Instant NOON = at("2026-04-15T12:00");

	@Autowired
	DailyRollups rollups;

	@Test
	void aRedeliveredEventIsCountedOnce() {
		long matter = MATTER_IDS.incrementAndGet();
		MatterClosed closed = new MatterClosed(matter, stationB, Satisfaction.SATISFIED, NOON.plusSeconds(3600), false,
				NOON);
		MatterFollowedUp followedUp = new MatterFollowedUp(matter, stationB, Satisfaction.SATISFIED, true, NOON);

		assertThat(rollups.apply(followedUp)).isTrue();
		assertThat(rollups.apply(closed)).isTrue();
		assertThat(rollups.apply(closed)).as("redelivered").isFalse();
		assertThat(rollups.apply(followedUp)).as("redelivered").isFalse();

		Figures figures = totalOn(staff(Role.UNIT_LEADER, stationB), DAY, null);
		assertThat(figures.closed()).isEqualTo(1);
		assertThat(figures.closedOnTime()).isEqualTo(1);
		assertThat(figures.followUps()).isEqualTo(1);
		assertThat(figures.satisfactionRate()).isEqualTo(100.0);
	}

	@Test
	void aLateCloseIsNotOnTime() {
		long matter = MATTER_IDS.incrementAndGet();
		rollups.apply(new MatterClosed(matter, stationB, null, NOON.minusSeconds(60), false, NOON));
		rollups.apply(new MatterClosed(MATTER_IDS.incrementAndGet(), stationB, null, NOON, false, NOON));

		Figures figures = totalOn(staff(Role.UNIT_LEADER, stationB), DAY, null);
		assertThat(figures.closed()).isEqualTo(2);
		assertThat(figures.closedOnTime()).as("due exactly now is on time").isEqualTo(1);
		assertThat(figures.onTimeRate()).isEqualTo(50.0);
	}

	@Test
	void concurrentListenersOnOneDayAndUnitLoseNoCounts() throws Exception {
		int threads = 8;
		int perThread = 25;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				results.add(pool.submit(() -> {
					start.await();
					int counted = 0;
					for (int i = 0; i < perThread; i++) {
						long matter = MATTER_IDS.incrementAndGet();
						if (rollups.apply(new MatterReplied(matter, stationA, NOON, NOON, NOON))) {
							counted++;
						}
					}
					return counted;
				}));
			}
			start.countDown();
			int counted = 0;
			for (Future<Integer> result : results) {
				counted += result.get(60, TimeUnit.SECONDS);
			}
			assertThat(counted).isEqualTo(threads * perThread);
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(totalOn(staff(Role.UNIT_LEADER, stationA), DAY, null).replied()).isEqualTo(threads * perThread);
	}

	@Test
	void concurrentRedeliveriesOfOneEventCountItOnce() throws Exception {
		MatterReplied replied = new MatterReplied(MATTER_IDS.incrementAndGet(), stationA, NOON, NOON, NOON);
		int threads = 6;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				results.add(pool.submit(() -> {
					start.await();
					return rollups.apply(replied);
				}));
			}
			start.countDown();
			int counted = 0;
			for (Future<Boolean> result : results) {
				counted += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
			}
			assertThat(counted).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(totalOn(staff(Role.UNIT_LEADER, stationA), DAY, null).replied()).isEqualTo(1);
	}

}
