package cn.shouhu.matters.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import cn.shouhu.PostgresTest;
import cn.shouhu.TestPostgres;

/**
 * The idempotency race on PostgreSQL, as in production: the loser's insert of the key waits for the winner's
 * transaction, fails on the primary key, rolls its matter back and answers with the winner's.
 */
@PostgresTest
class MatterIntakeApiOnPostgresTest extends MattersApiTestSupport {

	/**
	 * A database of its own: the units this test creates must not stop the demo loader of another test that
	 * shares the JVM's database from seeing an empty organisation.
	 */
	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		TestPostgres.registerOwnDatabase(registry);
	}

	@Test
	void concurrentRequestsWithOneKeyCreateOneMatter() throws Exception {
		String key = "pg-race-" + run;
		String title = "并发提交 " + run;
		Map<String, Object> body = intakeBody(title);
		int requests = 6;
		CyclicBarrier start = new CyclicBarrier(requests);
		List<CompletableFuture<MvcResult>> pending = IntStream.range(0, requests)
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

		List<MvcResult> results = pending.stream().map(CompletableFuture::join).toList();

		assertThat(results).allSatisfy(result -> assertThat(result.getResponse().getStatus()).isEqualTo(201));
		List<String> replayed = results.stream().map(result -> result.getResponse().getHeader("Idempotency-Replayed")).toList();
		assertThat(replayed).containsOnlyOnce("false");
		assertThat(results.stream().map(this::id).distinct()).hasSize(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM matter WHERE title = :title").param("title", title)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM matter_api_idempotency WHERE idempotency_key = :key")
			.param("key", key)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private long id(MvcResult result) {
		try {
			return read(result).get("id").asLong();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

}
