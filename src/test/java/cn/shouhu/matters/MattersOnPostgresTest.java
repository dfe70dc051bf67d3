package cn.shouhu.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.shouhu.PostgresTest;
import cn.shouhu.TestPostgres;
import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;

/** The migrations, the mapping and the version check on PostgreSQL, as in production. */
@PostgresTest
class MattersOnPostgresTest extends MatterSpringTest {

	/**
	 * A database of its own: the units this test creates must not stop the demo loader of another test that
	 * shares the JVM's database from seeing an empty organisation.
	 */
	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestPostgres.registerOwnDatabase(registry);
	}

	@Test
	void aMatterRunsTheLoopAndKeepsEverything() {
		clock.set(at("2026-09-30T15:00"));
		Receipt receipt = desk.intake(clerk(), lockedOut());
		long id = receipt.id();
		desk.dispatch(coordinator(), id, 0, new Dispatch("EMERGENCY", Urgency.CRITICAL, stationA,
				List.of(new CoHandling(locksmith, "请开锁师傅到场", null)), null));
		CurrentStaff handler = staff(Role.HANDLER, stationA);
		desk.sign(handler, id, version(id));
		desk.waitForSubmitter(handler, id, version(id), "请确认门牌号");
		clock.set(at("2026-10-08T09:00"));
		desk.resume(handler, id, version(id), null);
		desk.recordTaskResult(handler, id, version(id), 1, "已开锁");
		desk.draftReply(handler, id, version(id), "门已打开，孩子安全。", "提示群众外出带钥匙");
		desk.approveReply(staff(Role.UNIT_LEADER, stationA), id, version(id));
		desk.recordFollowUpBySubmitter(receipt.trackingCode(), "5678", Satisfaction.SATISFIED, "谢谢");

		MatterDetails details = desk.details(coordinator(), id);
		assertThat(details.state()).isEqualTo(MatterState.CLOSED);
		assertThat(details.place()).isEqualTo(lockedOut().place());
		assertThat(details.submitter()).isEqualTo(lockedOut().submitter());
		assertThat(details.deadlines().signDue()).isEqualTo(at("2026-09-30T15:10"));
		assertThat(details.deadlines().pausedSince()).isNull();
		// From 15:00 on 30 September to 09:00 on 8 October: three business hours, then half an hour.
		assertThat(details.deadlines().pausedSeconds()).isEqualTo(210 * 60);
		assertThat(details.tasks()).singleElement().extracting(CoHandlingTask::result).isEqualTo("已开锁");
		assertThat(details.timeline()).hasSize(11);
		assertThat(details.timeline().get(0).occurredAt()).isEqualTo(at("2026-09-30T15:00"));
	}

	@Test
	void twoSignsAtOnceOnPostgres() throws Exception {
		long id = desk.intake(clerk(), complaint()).id();
		desk.dispatch(coordinator(), id, 0, new Dispatch("PUBLIC_ORDER", null, stationB, List.of(), null));
		int version = version(id);
		CyclicBarrier start = new CyclicBarrier(2);
		List<CompletableFuture<Throwable>> outcomes = List.of(Role.HANDLER, Role.UNIT_LEADER)
			.stream()
			.map(role -> CompletableFuture.supplyAsync(() -> {
				try {
					start.await(10, TimeUnit.SECONDS);
					desk.sign(staff(role, stationB), id, version);
					return (Throwable) null;
				}
				catch (Exception e) {
					return e;
				}
			}))
			.toList();

		List<Throwable> results = outcomes.stream().map(CompletableFuture::join).toList();

		assertThat(results).filteredOn(result -> result == null).hasSize(1);
		assertThat(results).filteredOn(result -> result != null).singleElement().isInstanceOf(ConflictException.class);
		assertThat(version(id)).isEqualTo(version + 1);
	}

}
