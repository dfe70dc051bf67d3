package cn.shouhu.matters.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** POST /api/v1/matters/{id}/{action}: the closed loop through the API, versions and roles. */
class MatterActionsApiTest extends MattersApiTestSupport {

	@Test
	void theWholeLoopRunsThroughTheApi() throws Exception {
		long id = newMatter();
		JsonNode matter = read(show(clerk, id).andExpect(status().isOk()).andReturn());
		assertThat(matter.get("state").asString()).isEqualTo("RECEIVED");
		assertThat(matter.get("allowedActions").toString()).contains("\"dispatch\"");

		int version = dispatchToStationA(id);
		matter = step(handlerA, id, "sign", Map.of("version", version), "SIGNED");
		// The locksmith's part must be done before the reply; the lead unit records it for the outside agency.
		assertThat(matter.get("allowedActions").toString()).contains("\"task-result\"").doesNotContain("\"reply\"");
		matter = step(handlerA, id, "task-result",
				Map.of("version", matter.get("version").asInt(), "taskNo", 1, "result", "师傅已开锁"), "SIGNED");
		assertThat(matter.get("allowedActions").toString()).contains("\"reply\"").doesNotContain("\"approve\"");
		matter = step(handlerA, id, "reply", Map.of("version", matter.get("version").asInt(), "text",
				"门已打开，孩子安全。", "measures", "提醒群众外出带好钥匙"), "REPLY_PENDING_APPROVAL");
		matter = step(leaderA, id, "approve", Map.of("version", matter.get("version").asInt()), "REPLIED");
		assertThat(matter.get("reply").get("approvedAt").isNull()).isFalse();
		matter = step(coordinator, id, "follow-up", Map.of("version", matter.get("version").asInt(), "satisfaction",
				"UNSATISFIED", "comment", "等待时间太长"), "REOPENED");
		assertThat(matter.get("reopenCount").asInt()).isEqualTo(1);
		assertThat(matter.get("supervised").asBoolean()).isTrue();
		matter = step(handlerA, id, "reply", Map.of("version", matter.get("version").asInt(), "text",
				"已向群众说明情况并致歉。", "measures", "开锁服务 30 分钟内到场"), "REPLY_PENDING_APPROVAL");
		matter = step(leaderA, id, "approve", Map.of("version", matter.get("version").asInt()), "REPLIED");
		matter = step(coordinator, id, "follow-up",
				Map.of("version", matter.get("version").asInt(), "satisfaction", "SATISFIED"), "CLOSED");

		assertThat(matter.get("closedAt").isNull()).isFalse();
		assertThat(matter.get("followUp").get("satisfaction").asString()).isEqualTo("SATISFIED");
		// A closed matter can only still be linked to its duplicates.
		assertThat(matter.get("allowedActions").toString()).isEqualTo("[\"link\"]");
		List<String> timeline = matter.get("timeline").valueStream().map(e -> e.get("action").asString()).toList();
		assertThat(timeline).contains("REOPENED", "CLOSED");
		assertThat(matter.get("deadlines").get("replyDue").isNull()).isFalse();
	}

	@Test
	void aStaleVersionOrAWrongStateIsAConflictAndChangesNothing() throws Exception {
		long id = newMatter();
		int version = dispatchToStationA(id);

		act(handlerA, id, "sign", Map.of("version", version - 1)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("刷新")));
		act(leaderA, id, "approve", Map.of("version", version)).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("事项没有待审批的答复。"));
		act(handlerA, id, "sign", Map.of()).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("version"));

		JsonNode matter = read(show(coordinator, id).andReturn());
		assertThat(matter.get("state").asString()).isEqualTo("DISPATCHED");
		assertThat(matter.get("version").asInt()).isEqualTo(version);
	}

	@Test
	void twoSignsWithOneVersionAtOnce_oneWinsTheOtherConflicts() throws Exception {
		long id = newMatter();
		int version = dispatchToStationA(id);
		CyclicBarrier start = new CyclicBarrier(2);
		List<CompletableFuture<Integer>> outcomes = List.of(handlerA, leaderA)
			.stream()
			.map(user -> CompletableFuture.supplyAsync(() -> {
				try {
					start.await(10, TimeUnit.SECONDS);
					return act(user, id, "sign", Map.of("version", version)).andReturn().getResponse().getStatus();
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}))
			.toList();

		List<Integer> statuses = outcomes.stream().map(CompletableFuture::join).toList();

		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		assertThat(version(id)).isEqualTo(version + 1);
	}

	@Test
	void aRoleThatMayNotTakeTheActionIsForbidden() throws Exception {
		long id = newMatter();
		int version = dispatchToStationA(id);
		// 退单 is the unit leader's; the handler of the same unit sees the matter but may not return it.
		act(handlerA, id, "return", Map.of("version", version, "reason", "不属于本所辖区"))
			.andExpect(status().isForbidden());
		// The branch leader reads everything and changes nothing.
		show(branchLeader, id).andExpect(status().isOk())
			.andExpect(jsonPath("$.allowedActions", Matchers.not(Matchers.hasItem("supervise"))));
		act(branchLeader, id, "supervise", Map.of("version", version)).andExpect(status().isForbidden());
		assertThat(version(id)).isEqualTo(version);
	}

	private JsonNode step(String user, long id, String action, Map<String, Object> body, String state)
			throws Exception {
		JsonNode matter = read(act(user, id, action, body).andExpect(status().isOk()).andReturn());
		assertThat(matter.get("state").asString()).as(action).isEqualTo(state);
		return matter;
	}

}
