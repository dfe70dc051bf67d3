package cn.shouhu.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;

/**
 * The losing side of a race, made certain: another action commits after this one has read the matter and passed
 * the version check, so only the version check of the save can stop it.
 */
class InterleavedActionsTest extends MatterSpringTest {

	@MockitoSpyBean
	OrganizationDirectory spiedDirectory;

	@Test
	void anActionThatLosesTheRaceAtTheSaveWritesNothing() {
		long id = desk.intake(clerk(), complaint()).id();
		desk.dispatch(coordinator(), id, 0, new Dispatch("PUBLIC_ORDER", null, stationA, List.of(), null));
		int version = version(id);
		CurrentStaff handler = staff(Role.HANDLER, stationA);
		CurrentStaff leader = staff(Role.UNIT_LEADER, stationA);
		AtomicReference<Runnable> interference = new AtomicReference<>(() -> CompletableFuture
			.runAsync(() -> desk.sign(handler, id, version))
			.orTimeout(20, TimeUnit.SECONDS)
			.join());
		// The desk asks for the actor's scope after it has loaded the matter and checked its version.
		doAnswer(invocation -> {
			Runnable interfere = interference.getAndSet(null);
			if (interfere != null) {
				interfere.run();
			}
			return invocation.callRealMethod();
		}).when(spiedDirectory).subtreeOf(anyLong());
		audit.clear();

		assertThatThrownBy(() -> desk.returnToCoordinators(leader, id, version, "不属于本所辖区"))
			.isInstanceOfSatisfying(ConflictException.class,
					e -> assertThat(e.messageKey()).isEqualTo("matters.conflict.stale"));

		MatterDetails stored = desk.details(coordinator(), id);
		assertThat(stored.state()).isEqualTo(MatterState.SIGNED);
		assertThat(stored.leadUnitId()).isEqualTo(stationA);
		assertThat(stored.timeline()).extracting(TimelineEntry::action).doesNotContain(TimelineAction.RETURNED);
		assertThat(audit.actions()).containsExactly("matter.sign");
	}

}
