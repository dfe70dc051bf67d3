package cn.shouhu.matters.deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.shouhu.matters.Channel;
import cn.shouhu.matters.Dispatch;
import cn.shouhu.matters.Intake;
import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.Place;
import cn.shouhu.matters.Submitter;
import cn.shouhu.matters.Urgency;
import cn.shouhu.organization.CapturingAuditTrail;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.OrganizationSetup;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;

/**
 * The deadline timers on the migrated test database, with the real calendar (V3) and the matters core. This
 * node's own poller is off: tests drive the timers themselves.
 */
@SpringBootTest(properties = "shouhu.deadlines.enabled=false")
@Import({ CapturingAuditTrail.Config.class, DeadlineSpringTest.Config.class })
abstract class DeadlineSpringTest {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final AtomicInteger UNITS = new AtomicInteger();

	@Autowired
	MatterDesk desk;

	@Autowired
	OrganizationSetup organization;

	@Autowired
	OrganizationDirectory directory;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	long branch;

	long station;

	long otherStation;

	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
	}

	@BeforeEach
	void createUnits() {
		branch = organization.isEmpty() ? organization.createUnit(null, "测试分局", UnitType.BRANCH, 0)
				: directory.activeUnits().get(0).id();
		String n = "-" + UNITS.incrementAndGet();
		station = organization.createUnit(branch, "沼潭派出所" + n, UnitType.STATION, 1);
		otherStation = organization.createUnit(branch, "民族东路派出所" + n, UnitType.STATION, 2);
	}

	static CurrentStaff staff(Role role, long unitId) {
		return new CurrentStaff(1000 + unitId, "u" + unitId, 2000 + unitId, "民警" + unitId, unitId, "单位" + unitId,
				EnumSet.of(role));
	}

	CurrentStaff coordinator() {
		return staff(Role.COORDINATOR, branch);
	}

	CurrentStaff handler() {
		return staff(Role.HANDLER, station);
	}

	/** How many notices the matter's timers have written. */
	int notices(long matterId) {
		return jdbc.sql("SELECT COUNT(*) FROM matter_notice WHERE matter_id = :id")
			.param("id", matterId)
			.query(Integer.class)
			.single();
	}

	int version(long matterId) {
		return desk.details(coordinator(), matterId).version();
	}

	/** A noise complaint (投诉: sign 1, reply 5, close 10 working days), dispatched to the station now. */
	long dispatchedComplaint() {
		long id = desk.intake(coordinator(), new Intake(Channel.WALK_IN, MatterKind.COMPLAINT, "PUBLIC_ORDER",
				Urgency.NORMAL, "夜间广场舞噪音扰民", "小区广场每晚九点后仍有广场舞，音响声音很大。",
				new Place("民族东路某小区", "民族东路社区", null, null), Submitter.person("赵先生", "15904721234")))
			.id();
		desk.dispatch(coordinator(), id, 0, new Dispatch("PUBLIC_ORDER", null, station, List.of(), null));
		return id;
	}

	/** The matter's timers: instance id → execution time. */
	Map<String, Instant> timers(long matterId) {
		Map<String, Instant> timers = new TreeMap<>();
		jdbc.sql("SELECT task_instance, execution_time FROM scheduled_tasks WHERE task_name = :task"
				+ " AND task_instance LIKE :prefix")
			.param("task", DeadlineTimers.TASK_NAME)
			.param("prefix", matterId + ":%")
			.query(rs -> {
				timers.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
			});
		return timers;
	}

	/** Waits at most {@code limit} for the condition, looking every 50 ms. */
	static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
		long end = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < end) {
			if (condition.getAsBoolean()) {
				return true;
			}
			Thread.sleep(50);
		}
		return condition.getAsBoolean();
	}

	/** A clock the tests set. */
	static final class TestClock extends Clock {

		private volatile Instant now = Instant.parse("2026-03-02T01:00:00Z");

		void set(Instant instant) {
			now = instant;
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(now, zone);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}
