package cn.shouhu.matters.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** No endpoint lets a unit read, list or act on another unit's matter. */
class MattersApiScopeTest extends MattersApiTestSupport {

	@Test
	void anotherStationGets404OnReadingAndOnEveryAction() throws Exception {
		long id = newMatter();
		int version = dispatchToStationA(id);
		long other = newMatter();

		for (String outsider : List.of(handlerB, leaderB)) {
			show(outsider, id).andExpect(status().isNotFound());
			for (Map.Entry<String, Map<String, Object>> action : everyAction(version, other).entrySet()) {
				int status = act(outsider, id, action.getKey(), action.getValue()).andReturn().getResponse().getStatus();
				assertThat(status).as(outsider + " " + action.getKey()).isEqualTo(404);
			}
		}
		// Nothing changed, and the matter's own unit still sees it.
		assertThat(version(id)).isEqualTo(version);
		show(handlerA, id).andExpect(status().isOk());
	}

	@Test
	void theListShowsOnlyTheCallersUnitsMattersAndThoseItCoHandles() throws Exception {
		long atA = newMatter();
		dispatchToStationA(atA);
		long coHandledByB = newMatter();
		act(coordinator, coHandledByB, "dispatch",
				Map.of("version", version(coHandledByB), "categoryCode", "EMERGENCY", "leadUnitId", stationA,
						"coHandlers", List.of(Map.of("unitId", stationB, "request", "请协助走访"))))
			.andExpect(status().isOk());

		assertThat(ids(handlerB, "")).contains(coHandledByB).doesNotContain(atA);
		assertThat(ids(handlerA, "")).contains(atA, coHandledByB);
		assertThat(ids(clerk, "&state=RECEIVED")).doesNotContain(atA, coHandledByB);
		assertThat(ids(clerk, "&state=DISPATCHED&unit=" + stationA)).containsExactlyInAnyOrder(atA, coHandledByB);
		assertThat(ids(leaderB, "")).contains(coHandledByB).doesNotContain(atA);
		show(handlerB, coHandledByB).andExpect(status().isOk());
	}

	@Test
	void pagingAndSortingTakeOnlyWhatIsAllowed() throws Exception {
		long first = newMatter();
		long second = newMatter();
		JsonNode page = read(mvc.perform(get("/api/v1/matters?size=1&sort=id,desc&unit=&category=EMERGENCY")
			.with(httpBasic(clerk, PASSWORD))).andExpect(status().isOk()).andReturn());
		assertThat(page.get("items").size()).isEqualTo(1);
		assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(Math.max(first, second));
		assertThat(page.get("totalElements").asLong()).isGreaterThanOrEqualTo(2);

		mvc.perform(get("/api/v1/matters?sort=title;DROP TABLE matter").with(httpBasic(clerk, PASSWORD)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("sort"));
		mvc.perform(get("/api/v1/matters?size=1000").with(httpBasic(clerk, PASSWORD)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("size"));
		mvc.perform(get("/api/v1/matters?state=NOT_A_STATE").with(httpBasic(clerk, PASSWORD)))
			.andExpect(status().isBadRequest());
	}

	private List<Long> ids(String user, String query) throws Exception {
		JsonNode page = read(mvc.perform(get("/api/v1/matters?size=100" + query).with(httpBasic(user, PASSWORD)))
			.andExpect(status().isOk())
			.andReturn());
		return page.get("items").valueStream().map(item -> item.get("id").asLong()).toList();
	}

	/** A valid body for every action, so that only the scope can refuse it. */
	private Map<String, Map<String, Object>> everyAction(int version, long otherMatter) {
		Map<String, Map<String, Object>> actions = new LinkedHashMap<>();
		actions.put("dispatch", Map.of("version", version, "categoryCode", "EMERGENCY", "leadUnitId", stationB));
		actions.put("transfer", Map.of("version", version, "toUnitId", stationB, "reason", "改派"));
		actions.put("co-handlers",
				Map.of("version", version, "coHandler", Map.of("unitId", stationB, "request", "协助")));
		actions.put("cancel-task", Map.of("version", version, "taskNo", 1, "reason", "不需要了"));
		actions.put("task-result", Map.of("version", version, "taskNo", 1, "result", "已完成"));
		actions.put("sign", Map.of("version", version));
		actions.put("return", Map.of("version", version, "reason", "不属本所"));
		actions.put("progress", Map.of("version", version, "reason", "正在联系"));
		actions.put("extension-request", Map.of("version", version, "days", 2, "reason", "需要调查"));
		actions.put("extension-approve", Map.of("version", version));
		actions.put("extension-refuse", Map.of("version", version, "reason", "不同意"));
		actions.put("wait", Map.of("version", version, "reason", "请补充门牌号"));
		actions.put("resume", Map.of("version", version));
		actions.put("reply", Map.of("version", version, "text", "已处理"));
		actions.put("approve", Map.of("version", version));
		actions.put("reject-reply", Map.of("version", version, "reason", "请补充"));
		actions.put("follow-up", Map.of("version", version, "satisfaction", "SATISFIED"));
		actions.put("close", Map.of("version", version));
		actions.put("supervise", Map.of("version", version));
		actions.put("link", Map.of("version", version, "otherId", otherMatter));
		actions.put("merge", Map.of("version", version, "otherId", otherMatter));
		return actions;
	}

}
