package cn.shouhu.matters.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** POST /api/v1/matters: intake with an Idempotency-Key, and its checks. */
class MatterIntakeApiTest extends MattersApiTestSupport {

	@Test
	void theSameKeyAndBodyAgainGiveTheSameMatterAndStoreOneRow() throws Exception {
		String key = "same-" + run;
		Map<String, Object> body = intakeBody("重复提交 " + run);
		MvcResult first = create(clerk, key, body).andExpect(status().isCreated())
			.andExpect(header().string("Idempotency-Replayed", "false"))
			.andReturn();
		long id = read(first).get("id").asLong();

		// The same content with the fields in another order and other whitespace is the same request.
		Map<String, Object> reordered = new LinkedHashMap<>();
		List<String> fields = new java.util.ArrayList<>(body.keySet());
		java.util.Collections.reverse(fields);
		fields.forEach(field -> reordered.put(field, body.get(field)));
		String spaced = json.writeValueAsString(reordered).replace(",", " ,\n ");
		MvcResult again = mvc
			.perform(post("/api/v1/matters").with(httpBasic(clerk, PASSWORD))
				.header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(spaced))
			.andExpect(status().isCreated())
			.andExpect(header().string("Idempotency-Replayed", "true"))
			.andExpect(header().string("Location", "/api/v1/matters/" + id))
			.andReturn();

		assertThat(read(again).get("id").asLong()).isEqualTo(id);
		assertThat(read(again).get("trackingCode").asString()).isEqualTo(read(first).get("trackingCode").asString());
		assertThat(matters("重复提交 " + run)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM matter_api_idempotency WHERE idempotency_key = :key")
			.param("key", key)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherBodyIsRefusedAndCreatesNothing() throws Exception {
		String key = "other-" + run;
		create(clerk, key, intakeBody("第一次 " + run)).andExpect(status().isCreated());

		create(clerk, key, intakeBody("第二次 " + run)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("Idempotency-Key"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("内容不同")));

		assertThat(matters("第二次 " + run)).isZero();
	}

	@Test
	void aKeyBelongsToTheAccountThatSentIt() throws Exception {
		String key = "shared-" + run;
		long byClerk = read(create(clerk, key, intakeBody("两个账号 " + run)).andReturn()).get("id").asLong();
		long byCoordinator = read(create(coordinator, key, intakeBody("两个账号 " + run)).andReturn()).get("id")
			.asLong();
		assertThat(byCoordinator).isNotEqualTo(byClerk);
	}

	@Test
	void withoutAKeyNothingIsCreated() throws Exception {
		create(clerk, null, intakeBody("无幂等键 " + run)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("Idempotency-Key"));
		create(clerk, "has space", intakeBody("无幂等键 " + run)).andExpect(status().isUnprocessableContent());
		assertThat(matters("无幂等键 " + run)).isZero();
	}

	@Test
	void concurrentRequestsWithOneKeyCreateOneMatter() throws Exception {
		String key = "race-" + run;
		Map<String, Object> body = intakeBody("并发提交 " + run);
		int requests = 4;
		CyclicBarrier start = new CyclicBarrier(requests);
		List<CompletableFuture<MvcResult>> results = java.util.stream.IntStream.range(0, requests)
			.mapToObj(i -> CompletableFuture.supplyAsync(() -> {
				try {
					start.await(10, TimeUnit.SECONDS);
					return create(clerk, key, body).andReturn();
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}))
			.toList();

		List<MvcResult> done = results.stream().map(CompletableFuture::join).toList();

		assertThat(done).allSatisfy(result -> assertThat(result.getResponse().getStatus()).isEqualTo(201));
		assertThat(done.stream().map(result -> {
			try {
				return read(result).get("id").asLong();
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}).distinct()).hasSize(1);
		assertThat(matters("并发提交 " + run)).isEqualTo(1);
	}

	@Test
	void badInputGetsAFieldAndAChineseMessageOrAnEnglishOne() throws Exception {
		Map<String, Object> body = intakeBody("坏号码 " + run);
		@SuppressWarnings("unchecked")
		Map<String, Object> submitter = (Map<String, Object>) body.get("submitter");
		submitter.put("phone", "12345");
		create(clerk, "bad-" + run, body).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("submitter.phone"))
			.andExpect(jsonPath("$.detail").value("手机号码格式不正确，应为 11 位手机号。"));
		mvc.perform(post("/api/v1/matters").with(httpBasic(clerk, PASSWORD))
			.header("Idempotency-Key", "bad-en-" + run)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("The mobile number is not valid: 11 digits expected."));
		// The ID number's checksum is the matter's own check, and answers the same way.
		submitter.put("phone", PHONE);
		submitter.put("idNumber", "110105194912310021");
		create(clerk, "bad2-" + run, body).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.field").value("submitter.idNumber"));
		mvc.perform(post("/api/v1/matters").with(httpBasic(clerk, PASSWORD))
			.header("Idempotency-Key", "bad3-" + run)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\": \"NO_SUCH_KIND\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("JSON")));
		assertThat(matters("坏号码 " + run)).isZero();
	}

	@Test
	void aHandlerMayNotRecordMatters() throws Exception {
		create(handlerA, "handler-" + run, intakeBody("承办人受理 " + run)).andExpect(status().isForbidden());
		assertThat(matters("承办人受理 " + run)).isZero();
	}

	private long matters(String title) {
		return jdbc.sql("SELECT COUNT(*) FROM matter WHERE title = :title")
			.param("title", title)
			.query(Long.class)
			.single();
	}

}
