package cn.shouhu.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.NotFoundException;
import cn.shouhu.shared.Role;

/** Two people act on one matter at once: one wins, the other is told, nothing is overwritten. */
class ConcurrentActionsTest extends MatterSpringTest {

	private final ExecutorService threads = Executors.newFixedThreadPool(2);

	@Autowired
	MatterRepository matters;

	@AfterEach
	void stop() throws InterruptedException {
		threads.shutdownNow();
		threads.awaitTermination(10, TimeUnit.SECONDS);
	}

	private long dispatchedTo(long unit) {
		long id = desk.intake(clerk(), complaint()).id();
		desk.dispatch(coordinator(), id, 0, new Dispatch("PUBLIC_ORDER", null, unit, List.of(), null));
		return id;
	}

	/** Runs both at the same moment; @return what each did: null for success, else its exception. */
	private List<Throwable> race(Callable<?> first, Callable<?> second) throws Exception {
		CyclicBarrier start = new CyclicBarrier(2);
		List<Future<Throwable>> outcomes = new ArrayList<>();
		for (Callable<?> action : List.of(first, second)) {
			outcomes.add(threads.submit(() -> {
				start.await(10, TimeUnit.SECONDS);
				try {
					action.call();
					return null;
				}
				catch (Exception e) {
					return e;
				}
			}));
		}
		List<Throwable> results = new ArrayList<>();
		for (Future<Throwable> outcome : outcomes) {
			results.add(outcome.get(30, TimeUnit.SECONDS));
		}
		return results;
	}

	@Test
	void twoHandlersSignAtOnce() throws Exception {
		CurrentStaff one = staff(Role.HANDLER, stationA);
		CurrentStaff other = staff(Role.UNIT_LEADER, stationA);
		for (int round = 0; round < 10; round++) {
			long id = dispatchedTo(stationA);
			int version = version(id);
			audit.clear();

			List<Throwable> outcomes = race(() -> {
				desk.sign(one, id, version);
				return null;
			}, () -> {
				desk.sign(other, id, version);
				return null;
			});

			assertThat(outcomes).as("round " + round).filteredOn(outcome -> outcome == null).hasSize(1);
			assertThat(outcomes).filteredOn(outcome -> outcome != null).singleElement()
				.isInstanceOfSatisfying(ConflictException.class,
						e -> assertThat(e.messageKey()).isEqualTo("matters.conflict.stale"));
			MatterDetails details = desk.details(coordinator(), id);
			assertThat(details.state()).isEqualTo(MatterState.SIGNED);
			assertThat(details.version()).isEqualTo(version + 1);
			assertThat(details.timeline()).filteredOn(entry -> entry.action() == TimelineAction.SIGNED).hasSize(1);
			assertThat(audit.actions()).containsExactly("matter.sign");
		}
	}

	@Test
	void aSignAndAReturnAtOnceLeaveOneOfThem() throws Exception {
		CurrentStaff handler = staff(Role.HANDLER, stationA);
		CurrentStaff leader = staff(Role.UNIT_LEADER, stationA);
		for (int round = 0; round < 5; round++) {
			long id = dispatchedTo(stationA);
			int version = version(id);

			List<Throwable> outcomes = race(() -> {
				desk.sign(handler, id, version);
				return null;
			}, () -> {
				desk.returnToCoordinators(leader, id, version, "不属于本所辖区");
				return null;
			});

			MatterDetails details = desk.details(coordinator(), id);
			if (outcomes.get(0) == null) {
				assertThat(outcomes.get(1)).isInstanceOf(ConflictException.class);
				assertThat(details.state()).isEqualTo(MatterState.SIGNED);
				assertThat(details.leadUnitId()).isEqualTo(stationA);
			}
			else {
				// A sign that starts after the return committed no longer finds the matter in the unit at all.
				assertThat(outcomes.get(0)).isInstanceOfAny(ConflictException.class, NotFoundException.class);
				assertThat(outcomes.get(1)).isNull();
				assertThat(details.state()).isEqualTo(MatterState.RETURNED);
				assertThat(details.leadUnitId()).isNull();
			}
			assertThat(details.timeline()).hasSize(3);
		}
	}

	/** The version check itself, without timing: a copy read before another's save cannot be saved. */
	@Test
	void aStaleCopyIsNotSaved() {
		long id = dispatchedTo(stationA);
		Matter first = matters.findById(id).orElseThrow();
		Matter second = matters.findById(id).orElseThrow();
		MatterFixtures fixtures = new MatterFixtures();
		Actor handler = MatterFixtures.handler();

		first.sign(handler, fixtures.tick());
		matters.save(first);
		second.returnToCoordinators(MatterFixtures.leader(), "不属于本所辖区", fixtures.tick());

		assertThatThrownBy(() -> matters.save(second)).isInstanceOf(OptimisticLockingFailureException.class);
		MatterDetails stored = desk.details(coordinator(), id);
		assertThat(stored.state()).isEqualTo(MatterState.SIGNED);
		assertThat(stored.leadUnitId()).isEqualTo(stationA);
		assertThat(stored.timeline()).extracting(TimelineEntry::action).doesNotContain(TimelineAction.RETURNED);
	}

}
